"""The retention job: each organisation's data removed once past its retention period.

Run daily by the server's periodic loop (`run_retention_forever`, like the label reminders and
the challenge clock) and by `python -m server worker`; an organisation already done in the
last `MIN_GAP` is skipped, so several instances do the work about once a day. Each pass writes
one `RetentionRun` per organisation with what it removed (head office reads them) and logs it.

What each period covers (0 keeps forever):
- results_days: results recorded (by `occurred_at`); challenge scores and final ranks, already
  summed, stay; and the weeks people were active (by the week), which the plan's figures are
  computed from like results;
- notifications_days: notification-centre lines (by creation);
- audit_days: audit entries (by creation);
- sessions_days: sessions ended (revoked or expired) that long ago, and push devices silent
  that long (no delivery since, or never and registered before);
- outbox_days: push and mail messages already handled (sent, failed, skipped, logged);
- deleted_media_days: photos of posts moderation hid that long ago (a deleted post's photos go
  with it at once: server.media.cleanup);
and, whatever the policy, data exports past their link's expiry.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q, Subquery

from server.accounts.models import ActiveWeek, Session, User
from server.audit.models import AuditEntry
from server.challenges.models import Result
from server.db import atomic
from server.feed.models import Post, PostImage
from server.mail.models import MailMessage, MailStatus
from server.media.cleanup import delete_files
from server.media.models import Media
from server.network.models import Organization
from server.notifications.models import Notification
from server.privacy.models import DataExport, PrivacyPolicy, RetentionRun
from server.privacy.policy import policy_of
from server.push.models import PushMessage, PushStatus, PushSubscription

log = logging.getLogger("elan.privacy")

MIN_GAP = timedelta(hours=20)
CHECK_SECONDS = 3600.0


def _cutoff(now: datetime, days: int) -> datetime | None:
    return now - timedelta(days=days) if days > 0 else None


def _people(organization_id: int) -> Subquery:
    return Subquery(User.filter(organization_id=organization_id).values("id"))


async def enforce_for(organization_id: int, now: datetime | None = None) -> RetentionRun:
    """Removes what expired in one organisation and records what went."""
    now = now or datetime.now(UTC)
    policy: PrivacyPolicy = await policy_of(organization_id)
    removed: dict[str, int] = {}
    media_keys: list[str] = []
    people = _people(organization_id)
    async with atomic():
        if cutoff := _cutoff(now, policy.results_days):
            removed["results"] = await Result.filter(organization_id=organization_id, occurred_at__lt=cutoff).delete()
            removed["active_weeks"] = await ActiveWeek.filter(user_id__in=people, week_start__lt=cutoff.date()).delete()
        if cutoff := _cutoff(now, policy.notifications_days):
            removed["notifications"] = await Notification.filter(user_id__in=people, created_at__lt=cutoff).delete()
        if cutoff := _cutoff(now, policy.audit_days):
            removed["audit_entries"] = await AuditEntry.filter(organization_id=organization_id, created_at__lt=cutoff).delete()
        if cutoff := _cutoff(now, policy.sessions_days):
            removed["sessions"] = await Session.filter(
                Q(revoked_at__lt=cutoff) | Q(expires_at__lt=cutoff), user_id__in=people
            ).delete()
            removed["push_devices"] = await PushSubscription.filter(
                Q(last_success_at__lt=cutoff) | Q(last_success_at=None, created_at__lt=cutoff), user_id__in=people
            ).delete()
        if cutoff := _cutoff(now, policy.outbox_days):
            removed["push_messages"] = await PushMessage.filter(
                user_id__in=people, created_at__lt=cutoff, status__not=PushStatus.PENDING
            ).delete()
            removed["mail_messages"] = await MailMessage.filter(
                organization_id=organization_id, created_at__lt=cutoff, status__not=MailStatus.PENDING
            ).delete()
        if cutoff := _cutoff(now, policy.deleted_media_days):
            hidden = Subquery(Post.filter(organization_id=organization_id, hidden_at__lt=cutoff).values("id"))
            media_ids = Subquery(PostImage.filter(post_id__in=hidden).values("media_id"))
            media_keys = [str(k) for k in await Media.filter(id__in=media_ids).values_list("key", flat=True)]
            removed["photos"] = len(media_keys)
            if media_keys:
                await Media.filter(key__in=media_keys).delete()
        removed["data_exports"] = await DataExport.filter(organization_id=organization_id, expires_at__lt=now).delete()
        run = await RetentionRun.create(organization_id=organization_id, removed=removed)
    if media_keys:
        await delete_files(media_keys)
    if any(removed.values()):
        log.info("retention removed in organisation %s: %s", organization_id, removed)
    return run


async def enforce_retention(now: datetime | None = None) -> list[RetentionRun]:
    """One pass over every organisation not done in the last `MIN_GAP`."""
    now = now or datetime.now(UTC)
    runs: list[RetentionRun] = []
    recent = set(await RetentionRun.filter(ran_at__gt=now - MIN_GAP).values_list("organization_id", flat=True))
    for organization_id in await Organization.all().order_by("id").values_list("id", flat=True):
        if organization_id in recent:
            continue
        runs.append(await enforce_for(int(str(organization_id)), now))
    return runs


async def retention_runs(organization_id: int, limit: int = 30) -> list[RetentionRun]:
    return await RetentionRun.filter(organization_id=organization_id).order_by("-id").limit(limit)


async def run_retention_forever(check_seconds: float = CHECK_SECONDS) -> None:
    """Started with the server and the worker; a failed pass is logged and tried again later."""
    while True:
        try:
            await enforce_retention()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("retention pass failed")
        await asyncio.sleep(check_seconds)
