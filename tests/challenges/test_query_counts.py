"""The hot challenge screens cost a constant number of SQL queries, whatever the number of rows."""

from __future__ import annotations

from tests.challenges.given import arena, live_challenge, sell
from tests.graphql_client import GraphQLClient
from tests.query_count import counting_queries

LIST = """{ challenges { id name status participantCount metrics { weight metric { name } } } }"""
PAGE = """query($id: ID!, $first: Int!) { challenge(id: $id) {
  leaderboard(first: $first) { edges { node { rank displayName isMe } } }
  myStanding { rank breakdown { label points } } aroundMe { rank } } }"""


async def _list_queries(live_server, challenges: int) -> tuple[int, int]:
    found = await arena(sellers=2)
    for index in range(challenges):
        await live_challenge(found, name=f"Challenge {index + 1}")
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[0].id]) as client:
        with counting_queries() as seen:
            data = await client.execute(LIST)
    return len(data["challenges"]), len(seen)


async def test_the_challenges_list_costs_the_same_for_2_or_6_challenges(live_server):
    few, few_queries = await _list_queries(live_server, 2)
    many, many_queries = await _list_queries(live_server, 6)
    assert (few, many) == (2, 6)
    assert few_queries == many_queries


async def test_a_leaderboard_page_costs_the_same_for_5_or_25_rows(live_server):
    found = await arena(sellers=30)
    challenge = await live_challenge(found)
    for seller, sold in zip(found.sellers[:10], range(10, 0, -1), strict=True):
        await sell(found, seller, sold)
    counts = []
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[5].id]) as client:
        for first in (5, 25):
            with counting_queries() as seen:
                data = await client.execute(PAGE, {"id": str(challenge.id), "first": first})
            assert len(data["challenge"]["leaderboard"]["edges"]) == first
            counts.append(len(seen))
    assert counts[0] == counts[1]
