"""Labels: granted by a passed assessment or head office, with a level and an expiry, a renewal
reminder 30 days before (once), and renewal on a new assessment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.accounts.services import open_session
from server.badges.labels import send_renewal_reminders
from server.badges.models import Award
from server.db import atomic
from server.network.scope import scope_of_user
from server.notifications.models import Notification, NotificationKind
from tests.badges.factories import head_office, make_label
from tests.factories import make_network, make_user
from tests.graphql_client import GraphQLClient

LABELS = """
query Labels($id: ID!) { user(id: $id) { labels { badge { name kind levels } level expiresAt status } } }
"""
AWARD = """
mutation Award($badgeId: ID!, $userIds: [ID!]!, $reason: String!, $level: String) {
  awardBadge(badgeId: $badgeId, userIds: $userIds, reason: $reason, level: $level) {
    __typename ... on AwardBadgeSuccess { awards { level } } ... on UserError { code }
  }
}
"""


async def test_a_passed_assessment_grants_the_label_with_its_level_and_expiry(live_server):
    network = await make_network()
    label = await make_label(network, validity_days=365)
    manager = await make_user(network.points_of_sale["Lille"], Role.MANAGER, "Nadia Benali")
    async with atomic() as events:
        events.emit("evaluation.assessment_passed", {
            "organization_id": network.organization_id, "user_id": manager.id, "assessment_id": 12,
            "label_badge_id": label.id, "level": "Argent",
        })
    async with GraphQLClient(live_server.url, token=await open_session(manager)) as client:
        labels = (await client.execute(LABELS, {"id": str(manager.id)}))["user"]["labels"]
    assert len(labels) == 1
    assert labels[0]["badge"] == {"name": "Chef des Ventes confirmé", "kind": "LABEL", "levels": ["Bronze", "Argent", "Or"]}
    assert labels[0]["level"] == "Argent" and labels[0]["status"] == "VALID"
    expires = datetime.fromisoformat(labels[0]["expiresAt"])
    assert timedelta(days=364) < expires - datetime.now(UTC) <= timedelta(days=365)
    assert await Notification.filter(user_id=manager.id, kind=NotificationKind.LABEL_RECEIVED).count() == 1


async def test_only_head_office_grants_a_label_by_decision_and_a_new_level_renews_it(live_server):
    network = await make_network()
    label = await make_label(network)
    person = await make_user(network.points_of_sale["Lille"], Role.MANAGER)
    regional = await make_user(network.regions["Nord"], Role.MANAGER)
    admin = await head_office(network)
    async with GraphQLClient(live_server.url, token=await open_session(regional)) as client:
        refused = (await client.execute(AWARD, {"badgeId": str(label.id), "userIds": [str(person.id)], "reason": "Décision"}))["awardBadge"]
    async with GraphQLClient(live_server.url, token=await open_session(admin)) as client:
        bronze = (await client.execute(AWARD, {"badgeId": str(label.id), "userIds": [str(person.id)], "reason": "Décision du comité", "level": "Bronze"}))["awardBadge"]
        unknown = (await client.execute(AWARD, {"badgeId": str(label.id), "userIds": [str(person.id)], "reason": "Décision", "level": "Platine"}))["awardBadge"]
        gold = (await client.execute(AWARD, {"badgeId": str(label.id), "userIds": [str(person.id)], "reason": "Nouvel assessment", "level": "Or"}))["awardBadge"]
    assert refused == {"__typename": "NotAllowedError", "code": "badge_admins_only"}
    assert bronze["awards"] == [{"level": "Bronze"}]
    assert unknown == {"__typename": "ValidationError", "code": "badge_level_unknown"}
    assert gold["awards"] == [{"level": "Or"}]
    assert await Award.filter(user_id=person.id).values_list("level", flat=True) == ["Or"]


async def test_the_renewal_reminder_is_sent_once_30_days_before_expiry(live_server):
    # given three labels: expiring in 20 days, in 60 days, and already expired
    network = await make_network()
    label = await make_label(network)
    admin = await head_office(network)
    soon, later, past = [await make_user(network.points_of_sale["Lille"], Role.MANAGER) for _ in range(3)]
    from server.badges.awarding import award_badge

    await award_badge(await scope_of_user(admin), label.id, [soon.id, later.id, past.id], "Assessment réussi", level="Or")
    now = datetime.now(UTC)
    await Award.filter(user_id=soon.id).update(expires_at=now + timedelta(days=20))
    await Award.filter(user_id=later.id).update(expires_at=now + timedelta(days=60))
    await Award.filter(user_id=past.id).update(expires_at=now - timedelta(days=1))
    # when the periodic check runs twice
    first = await send_renewal_reminders(now)
    second = await send_renewal_reminders(now + timedelta(hours=1))
    # then only the label expiring within 30 days is reminded, once, with its date
    assert first >= 1 and second == 0
    reminders = await Notification.filter(kind=NotificationKind.LABEL_EXPIRING, user_id__in=[soon.id, later.id, past.id])
    assert [n.user_id for n in reminders] == [soon.id]
    assert reminders[0].params["date"] == (now + timedelta(days=20)).strftime("%d/%m/%Y")
    async with GraphQLClient(live_server.url, token=await open_session(past)) as client:
        expired = (await client.execute(LABELS, {"id": str(past.id)}))["user"]["labels"]
        texts = await client.execute("{ notifications { edges { node { kind text } } } }")
    assert expired[0]["status"] == "EXPIRED"
    async with GraphQLClient(live_server.url, token=await open_session(soon)) as client:
        texts = await client.execute("{ notifications { edges { node { kind text } } } }")
    kinds = {e["node"]["kind"]: e["node"]["text"] for e in texts["notifications"]["edges"]}
    assert kinds["LABEL_EXPIRING"].startswith("Votre label « Chef des Ventes confirmé » expire le ")
    # and a renewal (a new assessment) resets the reminder for the next period
    async with atomic() as events:
        events.emit("evaluation.assessment_passed", {"organization_id": network.organization_id, "user_id": soon.id, "assessment_id": 99, "label_badge_id": label.id, "level": "Or"})
    renewed = await Award.get(user_id=soon.id)
    assert renewed.reminder_sent_at is None and renewed.expires_at > now + timedelta(days=300)
