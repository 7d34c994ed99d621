"""The daily retention job removes exactly what is past each of the organisation's periods,
nothing else (not the day before, not another organisation's), and reports what it removed."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from server.accounts.models import ActiveWeek, Role, Session
from server.audit.models import AuditEntry
from server.challenges.models import Metric, Result
from server.feed.models import Post, PostImage, PostKind
from server.mail.models import MailMessage, MailStatus
from server.media.models import Media
from server.notifications.models import Notification, NotificationKind
from server.privacy.models import DataExport, PrivacyPolicy, RetentionRun
from server.privacy.retention import enforce_for, enforce_retention
from server.push.models import PushMessage, PushStatus, PushSubscription
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient

NOW = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)
DAYS = {"results_days": 400, "notifications_days": 30, "audit_days": 700, "sessions_days": 60, "outbox_days": 10, "deleted_media_days": 20}
RUNS = "{ retentionRuns { ranAt removed } }"


def _key() -> str:
    return uuid.uuid4().hex


async def _rows_around_each_period(network, days: dict[str, int]) -> dict[str, tuple[int, int]]:
    """For each period, one row a day past it and one a day short of it: (expired id, kept id)."""
    seller = await make_user(network.points_of_sale["Lille"])
    org = network.organization_id
    made: dict[str, tuple[int, int]] = {}

    def at(period: str, past: bool) -> datetime:
        return NOW - timedelta(days=days[period] + (1 if past else -1))

    metric = await Metric.create(organization_id=org, name="Contrats")
    pair = [await Result.create(organization_id=org, metric=metric, user=seller, value=1, occurred_at=at("results_days", p), idempotency_key=_key()) for p in (True, False)]
    made["results"] = (pair[0].id, pair[1].id)
    weeks = [await ActiveWeek.create(user=seller, week_start=at("results_days", p).date()) for p in (True, False)]
    made["active_weeks"] = (weeks[0].id, weeks[1].id)
    pair = [await Notification.create(user=seller, kind=NotificationKind.RANK_UP) for _ in (True, False)]
    for row, past in zip(pair, (True, False), strict=True):
        await Notification.filter(id=row.id).update(created_at=at("notifications_days", past))
    made["notifications"] = (pair[0].id, pair[1].id)
    pair = [await AuditEntry.create(organization_id=org, action="person.updated") for _ in (True, False)]
    for row, past in zip(pair, (True, False), strict=True):
        await AuditEntry.filter(id=row.id).update(created_at=at("audit_days", past))
    made["audit_entries"] = (pair[0].id, pair[1].id)
    pair = [await Session.create(user=seller, token_hash=_key() + _key(), expires_at=at("sessions_days", p)) for p in (True, False)]
    made["sessions"] = (pair[0].id, pair[1].id)
    devices = [await PushSubscription.create(user=seller, endpoint=f"https://fcm.googleapis.com/fcm/send/{_key()}", p256dh="k" * 87, auth="a" * 22,
                                             last_success_at=at("sessions_days", p)) for p in (True, False)]
    made["push_devices"] = (devices[0].id, devices[1].id)
    pair = [await PushMessage.create(subscription=devices[1], user_id=seller.id, kind="RANK_UP", event_key=_key(), not_before=NOW, status=PushStatus.SENT) for _ in (True, False)]
    for row, past in zip(pair, (True, False), strict=True):
        await PushMessage.filter(id=row.id).update(created_at=at("outbox_days", past))
    made["push_messages"] = (pair[0].id, pair[1].id)
    pair = [await MailMessage.create(organization_id=org, to_address=seller.email, kind="invitation", not_before=NOW, status=MailStatus.SENT) for _ in (True, False)]
    for row, past in zip(pair, (True, False), strict=True):
        await MailMessage.filter(id=row.id).update(created_at=at("outbox_days", past))
    made["mail_messages"] = (pair[0].id, pair[1].id)
    photos = []
    for past in (True, False):
        post = await Post.create(organization_id=org, author=seller, unit=network.points_of_sale["Lille"], kind=PostKind.WIN,
                                 body="Photo de la vitrine", hidden_at=at("deleted_media_days", past))
        photo = await Media.create(key=_key(), owner=seller, organization_id=org, width=1, height=1, feed_width=1, feed_height=1, size_bytes=1)
        await PostImage.create(post=post, media=photo)
        photos.append(photo.id)
    made["photos"] = (photos[0], photos[1])
    return made


MODELS = {
    "results": Result, "active_weeks": ActiveWeek, "notifications": Notification, "audit_entries": AuditEntry, "sessions": Session,
    "push_devices": PushSubscription, "push_messages": PushMessage, "mail_messages": MailMessage, "photos": Media,
}


async def test_retention_removes_exactly_what_expired_and_nothing_else(live_server):
    # given an organisation with its own periods, rows a day past and a day short of each,
    # and another organisation whose rows are all old but whose periods are the defaults
    network = await make_network()
    await PrivacyPolicy.create(organization_id=network.organization_id, **DAYS)
    made = await _rows_around_each_period(network, DAYS)
    other = await make_network()
    kept_elsewhere = await _rows_around_each_period(other, {k: 0 for k in DAYS})  # all "a day old", policy keeps them
    # when the retention job runs for it
    run = await enforce_for(network.organization_id, NOW)
    # then every row past its period is gone, every other row is there
    for kind, (expired, kept) in made.items():
        assert not await MODELS[kind].exists(id=expired), kind
        assert await MODELS[kind].exists(id=kept), kind
        assert run.removed[kind] == 1, kind
    for kind, (first, second) in kept_elsewhere.items():
        assert await MODELS[kind].filter(id__in=[first, second]).count() == 2, kind


async def test_head_office_reads_what_the_daily_job_removed(live_server):
    # given an organisation with an expired notification, and its head office
    network = await make_network()
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    seller = await make_user(network.points_of_sale["Lille"])
    old = await Notification.create(user=seller, kind=NotificationKind.RANK_UP)
    await Notification.filter(id=old.id).update(created_at=datetime.now(UTC) - timedelta(days=400))
    await DataExport.filter(organization_id=network.organization_id).delete()
    # when the daily pass runs (twice: the second, too soon, does nothing more)
    await enforce_retention()
    await enforce_retention()
    # then head office reads one report saying what went
    async with GraphQLClient(live_server.url, token=admin_token) as claire:
        runs = (await claire.execute(RUNS))["retentionRuns"]
    assert len(runs) == 1 and runs[0]["removed"]["notifications"] == 1
    assert await RetentionRun.filter(organization_id=network.organization_id).count() == 1
