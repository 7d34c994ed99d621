"""Claiming due outbox rows for one lease.

On PostgreSQL one statement claims and reads (`FOR UPDATE SKIP LOCKED`: rows another worker is
claiming right now are skipped, not waited for), so each mail is claimed by one worker at a time;
SQLite has one writer at a time, so a short transaction claims and reads. A claim counts the
attempt; the row stays PENDING until the SMTP server answered (server.mail.worker)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise import connections
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from server.mail.models import MailMessage, MailStatus
from server.settings import get_settings

CLAIM_POSTGRES = """
UPDATE mail_message SET claimed_by = $1, claimed_until = $2, attempts = attempts + 1
WHERE id IN (
    SELECT id FROM mail_message
    WHERE status = 'PENDING' AND not_before <= $3 AND (claimed_until IS NULL OR claimed_until < $3)
    ORDER BY not_before, id
    LIMIT $4
    FOR UPDATE SKIP LOCKED
)
RETURNING id
"""


async def claim_due(worker: str, lease_seconds: float, limit: int, now: datetime | None = None) -> list[MailMessage]:
    """Marks up to `limit` rows due by `now` as `worker`'s for one lease and returns them."""
    now = now or datetime.now(UTC)
    until = now + timedelta(seconds=lease_seconds)
    if not get_settings().is_sqlite:
        rows = await connections.get("default").execute_query_dict(CLAIM_POSTGRES, [worker, until, now, limit])
        ids = [int(row["id"]) for row in rows]
    else:
        async with in_transaction() as connection:
            unclaimed = Q(claimed_until=None) | Q(claimed_until__lt=now)
            ids = [
                int(str(found))
                for found in await MailMessage.filter(status=MailStatus.PENDING, not_before__lte=now)
                .filter(unclaimed)
                .order_by("not_before", "id")
                .limit(limit)
                .using_db(connection)
                .values_list("id", flat=True)
            ]
            if ids:
                await MailMessage.filter(id__in=ids).using_db(connection).update(
                    claimed_by=worker, claimed_until=until, attempts=F("attempts") + 1
                )
    if not ids:
        return []
    return list(await MailMessage.filter(id__in=ids, claimed_by=worker).order_by("id"))
