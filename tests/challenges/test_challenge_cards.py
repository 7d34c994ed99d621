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


PHOTOS = """query($id: ID!) { challenge(id: $id) { leaderboard(first: 5) { edges { node { displayName photoUrl } } } }
  challenges { name card { leaderPhotoUrl } } }"""


async def test_faces_show_a_photo_only_where_the_name_shows(live_server):
    # given Inès leading with a profile photo, Hugo with one too but hidden from public screens
    found = await arena(sellers=3, names=["Inès Martin", "Hugo Bernard", "Chloé Dubois"])
    challenge = await live_challenge(found, name="Challenge en photos")
    ines, hugo, chloe = found.sellers
    for person in (ines, hugo):
        person.avatar_url = f"/media/photos/{person.id}.webp"
        await person.save(update_fields=["avatar_url"])
    await sell(found, ines, 5)
    await sell(found, hugo, 3)
    await set_hidden(hugo, True)
    # when Chloé reads the board and the list
    async with GraphQLClient(live_server.url, token=found.tokens[chloe.id]) as client:
        data = await client.execute(PHOTOS, {"id": str(challenge.id)})
    # then Inès's face is her photo, and Hugo's photo stays hidden with his name
    rows = [(e["node"]["displayName"], e["node"]["photoUrl"]) for e in data["challenge"]["leaderboard"]["edges"]]
    assert rows[:2] == [("Inès Martin", f"/media/photos/{ines.id}.webp"), (None, None)]
    card = next(c["card"] for c in data["challenges"] if c["name"] == "Challenge en photos")
    assert card["leaderPhotoUrl"] == f"/media/photos/{ines.id}.webp"


async def test_the_organisations_anonymous_boards_name_no_leader_outside_my_team(live_server):
    # given head office made boards anonymous outside one's own team, Inès of Lille leading
    from server.privacy.models import PrivacyPolicy
    from tests.factories import signed_in

    found = await arena(sellers=2, names=["Inès Martin", "Hugo Bernard"])
    arras, arras_token = await signed_in(found.network.points_of_sale["Arras"], name="Léa Garnier")
    await live_challenge(found, name="Challenge anonyme")
    await sell(found, found.sellers[0], 5)
    await PrivacyPolicy.create(organization_id=found.network.organization_id, boards_anonymous_outside_team=True)
    # when Léa of Arras and Hugo of Lille open the list
    theirs = (await cards_of(live_server.url, arras_token))["Challenge anonyme"]
    colleague = (await cards_of(live_server.url, found.tokens[found.sellers[1].id]))["Challenge anonyme"]
    # then Léa is not told who leads, Hugo (her team) is
    assert (theirs["leaderName"], theirs["leaderUserId"], theirs["leaderCount"]) == (None, None, 1)
    assert colleague["leaderName"] == "Inès Martin"
    assert arras.id


RESULTS = "{ myDashboard { standings { name rank tied score scoringMode } } }"


async def test_my_results_say_a_shared_rank_in_the_boards_unit(live_server):
    # given Hugo and Chloé level at 40 % behind Inès
    found = await arena(sellers=3, names=["Inès Martin", "Hugo Bernard", "Chloé Dubois"])
    await live_challenge(found, name="Challenge des résultats")
    for seller, value in zip(found.sellers, (6, 4, 4), strict=True):
        await sell(found, seller, value)
    # when Chloé opens « Résultats »
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[2].id]) as client:
        data = await client.execute(RESULTS)
    # then her standing is 2nd ex aequo, in percent like the board
    assert data["myDashboard"]["standings"] == [
        {"name": "Challenge des résultats", "rank": 2, "tied": True, "score": 40.0, "scoringMode": "PERCENT_OF_TARGET"}]
