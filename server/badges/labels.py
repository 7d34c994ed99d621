"""Label expiry: the renewal reminder 30 days before, from a periodic check."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from server.badges.models import Award, BadgeKind
from server.db import atomic
from server.notifications.models import NotificationKind
from server.notifications.services import notify

log = logging.getLogger("elan.badges")

REMINDER_DAYS = 30


async def send_renewal_reminders(now: datetime | None = None) -> int:
    """Reminds each holder of a label expiring within 30 days, once per validity period.

    The guarded update claims each award, so two instances running the check at the same
    time still send one reminder.
    """
    now = now or datetime.now(UTC)
    due = await Award.filter(
        badge__kind=BadgeKind.LABEL,
        revoked_at=None,
        reminder_sent_at=None,
        expires_at__gt=now,
        expires_at__lte=now + timedelta(days=REMINDER_DAYS),
    ).select_related("badge")
    sent = 0
    for award in due:
        async with atomic():
            claimed = await Award.filter(id=award.id, reminder_sent_at=None).update(reminder_sent_at=now)
            if not claimed:
                continue
            assert award.expires_at is not None
            await notify(
                award.user_id,
                NotificationKind.LABEL_EXPIRING,
                params={
                    "badge": award.badge.name,
                    "badgeId": award.badge_id,
                    "awardId": award.id,
                    "date": award.expires_at.strftime("%d/%m/%Y"),
                    "expiresAt": award.expires_at.isoformat(),
                },
                link=f"/people/{award.user_id}",
            )
            sent += 1
    return sent


async def run_reminders_forever(interval_seconds: float) -> None:
    """Started from the server's lifespan; a failed round is logged and retried next time."""
    while True:
        try:
            await send_renewal_reminders()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("label renewal reminders failed")
        await asyncio.sleep(interval_seconds)
