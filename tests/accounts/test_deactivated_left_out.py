"""A deactivated person leaves the boards and pickers, one story per kind of place: pickers
(people to award, @mentions), awards (by hand, by rules, by assessment), challenges (enrolment,
a spread target, a CSV import), notifications fanned out (mentions, a new module), and figures
(the unit's dashboard). What they posted and earned stays (tests/accounts/test_deactivation.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role, User
from server.badges.awarding import grant_label_from_assessment
from server.challenges.models import Participant, Target
from server.feed.models import PostKind
from server.feed.services import NewPost, PostContent, create_post
from server.network.scope import scope_of_user
from server.notifications.models import Notification, NotificationKind
from tests.badges.factories import make_badge, make_label
from tests.challenges.given import arena, live_challenge
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.factories import make_module


async def _leaves(person: User) -> None:
    await User.filter(id=person.id).update(deactivated_at=datetime.now(UTC))


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


async def test_pickers_leave_out_who_left(live_server):
    # given the Nord manager, two sellers of Lille named alike, one of whom left
    network = await make_network()
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    gone = await make_user(network.points_of_sale["Lille"], name="Julie Martin")
    await _leaves(gone)
    async with GraphQLClient(live_server.url, token=token) as client:
        # when he looks for someone to award, or to mention
        award = (await client.execute('{ awardablePeople(search: "Julie") { displayName } }'))["awardablePeople"]
        mention = (await client.execute('{ mentionSuggestions(search: "Julie") { displayName } }'))["mentionSuggestions"]
    # then only the one still here is offered
    assert award == mention == [{"displayName": "Julie Moreau"}]


async def test_nothing_new_is_awarded_to_who_left(live_server):
    # given a manager, a badge, a label, and a seller who left
    network = await make_network()
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    gone = await make_user(network.points_of_sale["Lille"], name="Hugo Lefèvre")
    await _leaves(gone)
    badge = await make_badge(network)
    label = await make_label(network)
    # when the manager awards the badge by hand
    async with GraphQLClient(live_server.url, token=token) as client:
        answer = (await client.execute(
            "mutation($b: ID!, $u: [ID!]!) { awardBadge(badgeId: $b, userIds: $u, reason: \"Merci pour tout\") "
            "{ __typename ... on UserError { code } } }",
            {"b": str(badge.id), "u": [str(gone.id)]},
        ))["awardBadge"]
    # then it is refused as for someone not found
    assert answer == {"__typename": "ValidationError", "code": "person_not_found"}
    # and a passed assessment grants no label to who left
    granted = await grant_label_from_assessment(
        {"organization_id": network.organization_id, "label_badge_id": label.id, "user_id": gone.id, "assessment_id": 1}
    )
    assert granted is None


async def test_challenges_leave_out_who_left(live_server):
    # given three sellers of Lille, one of whom left
    found = await arena(sellers=3, target=None, names=["Julie Moreau", "Hugo Lefèvre", "Inès Roux"])
    gone = found.sellers[1]
    await _leaves(gone)
    # when a challenge starts over Nord
    challenge = await live_challenge(found)
    # then the two still here are enrolled
    enrolled = await Participant.filter(challenge_id=challenge.id).order_by("display_name").values_list("display_name", flat=True)
    assert enrolled == ["Inès Roux", "Julie Moreau"]
    lille = found.network.points_of_sale["Lille"]
    start = datetime.now(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        # when the manager spreads Lille's target of 30
        spread = (await manager.execute(
            "mutation($m: ID!, $u: ID!, $s: DateTime!, $e: DateTime!) { spreadTarget(metric: $m, unit: $u, "
            "periodStart: $s, periodEnd: $e, value: 30) { __typename ... on SetTargetSuccess { people { displayName value } } } }",
            {"m": str(found.metric.id), "u": str(lille.id), "s": start.isoformat(), "e": (start + timedelta(days=28)).isoformat()},
        ))["spreadTarget"]
        # then it is shared between the two still here
        assert sorted((p["displayName"], p["value"]) for p in spread["people"]) == [("Inès Roux", 15.0), ("Julie Moreau", 15.0)]
        assert not await Target.filter(user_id=gone.id).exists()
        # and a CSV line for who left is refused like an unknown person
        csv = f"metric;participant;value;occurred_at\nVéhicules neufs vendus;{gone.email};2;{_today()}\n"
        report = (await manager.execute(
            "mutation($csv: String!) { importResults(csv: $csv) { ... on ImportReport { applied errors { line code } } } }",
            {"csv": csv},
        ))["importResults"]
    assert report == {"applied": 0, "errors": [{"line": 2, "code": "participant_not_found"}]}


async def test_no_notification_goes_to_who_left(live_server):
    # given a manager, a seller still here and one who left, both of Lille
    network = await make_network()
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    here = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    gone = await make_user(network.points_of_sale["Lille"], name="Hugo Lefèvre")
    await _leaves(gone)
    # when the manager mentions both in a post, and publishes a module to Lille
    await create_post(await scope_of_user(manager), NewPost(PostKind.WIN, PostContent("Bravo à toute l'équipe"), mention_ids=[here.id, gone.id]))
    await make_module(manager, [network.points_of_sale["Lille"]])
    # then only the seller still here is told
    told = await Notification.filter(user_id__in=[here.id, gone.id]).values_list("user_id", "kind")
    assert sorted(told) == sorted([(here.id, NotificationKind.MENTIONED), (here.id, NotificationKind.TRAINING_ASSIGNED)])


async def test_figures_count_only_who_is_still_here(live_server):
    # given a module for Lille, where two sellers work and a third left
    network = await make_network()
    manager, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    lille = network.points_of_sale["Lille"]
    for name in ("Julie Moreau", "Inès Roux"):
        await make_user(lille, name=name)
    gone = await make_user(lille, name="Hugo Lefèvre")
    await _leaves(gone)
    await make_module(manager, [lille])
    # when the manager opens Lille's dashboard
    async with GraphQLClient(live_server.url, token=token) as client:
        board = (await client.execute(
            "query($u: ID) { unitDashboard(unitId: $u) { figures { people assigned notStarted } } }", {"u": str(lille.id)}
        ))["unitDashboard"]
    # then the one who left is not among those who haven't started
    assert board["figures"] == {"people": 2, "assigned": 2, "notStarted": 2}
