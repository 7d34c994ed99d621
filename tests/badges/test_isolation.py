"""Nothing of recognition crosses between two organisations."""

from __future__ import annotations

from server.accounts.models import Role
from server.accounts.services import open_session
from server.badges.awarding import award_badge
from server.badges.models import Award
from server.network.scope import scope_of_user
from tests.badges.factories import head_office, make_badge
from tests.factories import make_network, make_user
from tests.graphql_client import GraphQLClient


async def test_another_organisations_people_badges_awards_and_units_are_invisible(live_server):
    # given an award in another organisation
    ours, theirs = await make_network(), await make_network()
    their_admin = await head_office(theirs)
    their_badge = await make_badge(theirs, "Badge d'ailleurs")
    their_seller = await make_user(theirs.points_of_sale["Lille"], name="Personne d'ailleurs")
    their_award = (await award_badge(await scope_of_user(their_admin), their_badge.id, [their_seller.id], "Chez eux")).awards[0]
    our_badge = await make_badge(ours)
    our_admin = await head_office(ours)
    async with GraphQLClient(live_server.url, token=await open_session(our_admin)) as client:
        data = await client.execute(
            """query($user: ID!, $award: ID!, $unit: ID!) {
              user(id: $user) { id } award(id: $award) { id } wallOfFame(unitId: $unit) { unit { name } }
              badges { name } awardablePeople(search: "ailleurs") { id }
            }""",
            {"user": str(their_seller.id), "award": str(their_award.id), "unit": str(theirs.points_of_sale["Lille"].id)},
        )
        to_them = await client.execute(
            """mutation($badge: ID!, $user: ID!) { awardBadge(badgeId: $badge, userIds: [$user], reason: "Tentative") { __typename ... on UserError { code } } }""",
            {"badge": str(our_badge.id), "user": str(their_seller.id)},
        )
        their_badge_used = await client.execute(
            """mutation($badge: ID!, $user: ID!) { awardBadge(badgeId: $badge, userIds: [$user], reason: "Tentative") { __typename } }""",
            {"badge": str(their_badge.id), "user": str(our_admin.id)},
        )
        revoke = await client.execute(
            """mutation($id: ID!) { revokeAward(awardId: $id, reason: "Tentative") { __typename } }""", {"id": str(their_award.id)}
        )
        rule = await client.execute(
            """mutation($badge: ID!) { createBadgeRule(input: {badgeId: $badge, trigger: FIRST_WIN}) { __typename } }""",
            {"badge": str(their_badge.id)},
        )
    # then none of it is visible or changeable from ours
    assert data == {"user": None, "award": None, "wallOfFame": None, "badges": [{"name": "Esprit d'équipe"}], "awardablePeople": []}
    assert to_them["awardBadge"] == {"__typename": "ValidationError", "code": "person_not_found"}
    assert their_badge_used["awardBadge"]["__typename"] == "NotFoundError"
    assert revoke["revokeAward"]["__typename"] == "NotFoundError"
    assert rule["createBadgeRule"]["__typename"] == "NotFoundError"
    assert (await Award.get(id=their_award.id)).revoked_at is None


async def test_a_manager_sees_no_awardable_people_outside_its_subtree(live_server):
    network = await make_network()
    manager = await make_user(network.regions["Nord"], Role.MANAGER)
    await make_user(network.points_of_sale["Bordeaux"], name="Sud Personne")
    await make_user(network.points_of_sale["Arras"], name="Nord Personne")
    async with GraphQLClient(live_server.url, token=await open_session(manager)) as client:
        people = (await client.execute("{ awardablePeople { displayName } }"))["awardablePeople"]
    assert [p["displayName"] for p in people] == ["Nord Personne"]
