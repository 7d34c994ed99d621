"""Equal scores share a rank (1, 2, 2, 4): the board, my standing, « autour de moi », the
moves and who is told, and the final ranking all say so, and « encore X » is never zero."""

from __future__ import annotations

from server.challenges.lifecycle import close_challenge
from server.challenges.models import Participant
from server.notifications.models import Notification, NotificationKind
from tests.challenges.given import arena, live_challenge, now, sell
from tests.graphql_client import GraphQLClient

BOARD = """
query Board($id: ID!, $first: Int!, $after: String) {
  challenge(id: $id) {
    leaderboard(first: $first, after: $after) {
      edges { node { displayName rank tied } }
      pageInfo { hasNextPage endCursor }
    }
    myStanding { rank tiedWith score gapToNextRank }
    aroundMe { displayName rank tied isMe }
  }
}
"""

RECORD = """
mutation Record($metric: ID!, $participant: ID!, $value: Float!, $at: DateTime!, $key: String!) {
  recordResult(metric: $metric, participant: $participant, value: $value, occurredAt: $at, idempotencyKey: $key) {
    __typename
    ... on RecordResultSuccess { moves { previousRank rank overtakenCount } }
  }
}
"""

NAMES = ["Inès Martin", "Hugo Bernard", "Chloé Dubois", "Nathan Leroy"]


async def board_of(url: str, token: str, challenge_id: int, first: int = 10, after: str | None = None) -> dict:
    async with GraphQLClient(url, token=token) as client:
        data = await client.execute(BOARD, {"id": str(challenge_id), "first": first, "after": after})
    return data["challenge"]


async def test_three_sellers_level_share_first_place_and_the_fourth_is_fourth(live_server):
    # given three sellers at 50 % of their target and one at 30 %
    found = await arena(sellers=4, names=NAMES)
    challenge = await live_challenge(found)
    ines, hugo, chloe, nathan = found.sellers
    for seller in (ines, hugo, chloe):
        await sell(found, seller, 5)
    await sell(found, nathan, 3)
    # when Nathan opens the board
    seen = await board_of(live_server.url, found.tokens[nathan.id], challenge.id)
    # then the three share 1st, ex aequo, and he is 4th (not 2nd, not « encore 0 »)
    rows = [(e["node"]["displayName"], e["node"]["rank"], e["node"]["tied"]) for e in seen["leaderboard"]["edges"]]
    assert rows == [("Inès Martin", 1, True), ("Hugo Bernard", 1, True), ("Chloé Dubois", 1, True),
                    ("Nathan Leroy", 4, False)]
    assert seen["myStanding"] == {"rank": 4, "tiedWith": 0, "score": 30.0, "gapToNextRank": 20.0}
    assert [(r["rank"], r["tied"], r["isMe"]) for r in seen["aroundMe"]] == [
        (1, True, False), (1, True, False), (4, False, True)]
    # and Hugo, level with two others, is first ex aequo with nothing above him
    mine = (await board_of(live_server.url, found.tokens[hugo.id], challenge.id))["myStanding"]
    assert mine == {"rank": 1, "tiedWith": 2, "score": 50.0, "gapToNextRank": None}


async def test_a_page_boundary_inside_a_tie_keeps_the_shared_rank(live_server):
    # given three level sellers and a fourth below
    found = await arena(sellers=4, names=NAMES)
    challenge = await live_challenge(found)
    for seller, value in zip(found.sellers, (4, 4, 4, 1), strict=True):
        await sell(found, seller, value)
    # when the board is read two rows at a time
    first = await board_of(live_server.url, found.manager_token, challenge.id, first=2)
    after = first["leaderboard"]["pageInfo"]["endCursor"]
    second = await board_of(live_server.url, found.manager_token, challenge.id, first=2, after=after)
    # then the second page goes on with the shared rank, and the next one is counted by position
    assert [(e["node"]["rank"], e["node"]["tied"]) for e in first["leaderboard"]["edges"]] == [(1, True), (1, True)]
    assert [(e["node"]["rank"], e["node"]["tied"]) for e in second["leaderboard"]["edges"]] == [(1, True), (4, False)]


async def test_leaving_a_tie_passes_those_level_and_reaching_one_only_levels(live_server):
    # given Inès and Hugo level at 50 %, Chloé at 20 %
    found = await arena(sellers=3, names=NAMES)
    challenge = await live_challenge(found)
    ines, hugo, chloe = found.sellers
    await sell(found, ines, 5)
    await sell(found, hugo, 5)
    await sell(found, chloe, 2)
    # when Inès sells one more
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        data = await manager.execute(RECORD, {"metric": str(found.metric.id), "participant": str(ines.id), "value": 1,
                                              "at": now().isoformat(), "key": "tie-break-1"})
    await sell(found, chloe, 0)  # lets the deferred announcements of the move run
    # then she stays 1st but now alone: Hugo was passed and is told he is 2nd; she is not told « vous passez 1re »
    assert data["recordResult"]["moves"] == [{"previousRank": 1, "rank": 1, "overtakenCount": 1}]
    told = await Notification.get(user_id=hugo.id, kind=NotificationKind.RANK_OVERTAKEN)
    assert told.actor_names == ["Inès Martin"] and told.params["rank"] == 2
    assert not await Notification.filter(
        user_id=ines.id, kind__in=[NotificationKind.RANK_UP, NotificationKind.TOP_THREE]).exists()
    # when Chloé reaches Hugo's score
    await sell(found, chloe, 3)
    # then she shares 2nd with him, and he was not passed (told nothing new)
    assert await Notification.filter(user_id=hugo.id, kind=NotificationKind.RANK_OVERTAKEN).count() == 1
    seen = await board_of(live_server.url, found.tokens[chloe.id], challenge.id)
    assert seen["myStanding"]["rank"] == 2 and seen["myStanding"]["tiedWith"] == 1
    assert seen["myStanding"]["gapToNextRank"] == 10.0


async def test_the_final_ranking_shares_places_too(live_server):
    # given 60, 40, 40 and 10 % when the challenge closes
    found = await arena(sellers=4, names=NAMES)
    challenge = await live_challenge(found)
    for seller, value in zip(found.sellers, (6, 4, 4, 1), strict=True):
        await sell(found, seller, value)
    # when it closes
    await close_challenge(challenge.id)
    # then the frozen ranks are 1, 2, 2, 4
    ranks = await Participant.filter(challenge_id=challenge.id).order_by("-score", "-tie").values_list("final_rank", flat=True)
    assert list(ranks) == [1, 2, 2, 4]
