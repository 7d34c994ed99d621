"""The challenges list's cards: my shared rank and score, the leader's name (never a hidden
one), for the whole list in a constant number of statements."""

from __future__ import annotations

from server.challenges.privacy import set_hidden
from tests.challenges.given import arena, live_challenge, sell
from tests.graphql_client import GraphQLClient
from tests.query_count import counting_queries

CARDS = """{ challenges { id name card { myRank myTied myScore leaderName leaderUserId leaderCount } } }"""


async def cards_of(url: str, token: str) -> dict[str, dict]:
    async with GraphQLClient(url, token=token) as client:
        data = await client.execute(CARDS)
    return {c["name"]: c["card"] for c in data["challenges"]}


async def test_a_card_shows_my_shared_rank_and_the_leader(live_server):
    # given Inès leading at 60 %, Hugo and Chloé level at 40 %
    found = await arena(sellers=3, names=["Inès Martin", "Hugo Bernard", "Chloé Dubois"])
    await live_challenge(found, name="Challenge de décembre")
    ines, hugo, chloe = found.sellers
    await sell(found, ines, 6)
    await sell(found, hugo, 4)
    await sell(found, chloe, 4)
    # when Chloé opens the list
    card = (await cards_of(live_server.url, found.tokens[chloe.id]))["Challenge de décembre"]
    # then her card says 2nd ex aequo at 40 %, behind Inès
    assert card == {"myRank": 2, "myTied": True, "myScore": 40.0, "leaderName": "Inès Martin",
                    "leaderUserId": str(ines.id), "leaderCount": 1}
    # and the manager, who takes no part, sees the leader and no rank
    managers = (await cards_of(live_server.url, found.manager_token))["Challenge de décembre"]
    assert managers["myRank"] is None and managers["leaderName"] == "Inès Martin"


async def test_a_hidden_leader_is_not_named_on_the_card(live_server):
    # given Inès leading but hidden from public screens
    found = await arena(sellers=2, names=["Inès Martin", "Hugo Bernard"])
    await live_challenge(found, name="Challenge discret")
    ines, hugo = found.sellers
    await sell(found, ines, 5)
    await sell(found, hugo, 2)
    await set_hidden(ines, True)
    # when Hugo opens the list
    card = (await cards_of(live_server.url, found.tokens[hugo.id]))["Challenge discret"]
    # then the leader is there but not named
    assert (card["leaderName"], card["leaderUserId"], card["leaderCount"], card["myRank"]) == (None, None, 1, 2)


async def _cards_queries(live_server, challenges: int) -> int:
    found = await arena(sellers=2)
    for index in range(challenges):
        await live_challenge(found, name=f"Challenge {index + 1}")
    await sell(found, found.sellers[1], 3)
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[0].id]) as client:
        await client.execute(CARDS)  # the boards are in the rank index from here on
        with counting_queries() as seen:
            data = await client.execute(CARDS)
    assert len(data["challenges"]) == challenges
    return len(seen)


async def test_the_cards_cost_the_same_for_2_or_6_challenges(live_server):
    assert await _cards_queries(live_server, 2) == await _cards_queries(live_server, 6)
