"""Claiming due outbox rows for one lease, read with their devices as plain rows.

A claimed row carries the worker's name and a lease (`claimed_until`); it stays in the
outbox until the push service has answered, so a worker that dies loses nothing: its
rows fall due again when the lease ends. On PostgreSQL one statement claims and reads
(`FOR UPDATE SKIP LOCKED`: rows another worker is claiming right now are skipped, not
waited for); SQLite has one writer at a time, so a short transaction claims and one
joined query reads. No ORM objects are built: a batch is hundreds of rows.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import connections
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from server.push.delivery import Outbound
from server.push.models import PushMessage, PushStatus
from server.settings import get_settings

COLUMNS = "m.id, m.subscription_id, s.endpoint, s.p256dh, s.auth, m.payload, m.ttl, m.urgency, m.topic, m.attempts, s.vapid_key"

CLAIM_POSTGRES = f"""
WITH claimed AS (
    UPDATE push_message SET claimed_by = $1, claimed_until = $2, attempts = attempts + 1
    WHERE id IN (
        SELECT id FROM push_message
        WHERE status = 'PENDING' AND not_before <= $3 AND (claimed_until IS NULL OR claimed_until < $3)
        ORDER BY not_before, id
        LIMIT $4
        FOR UPDATE SKIP LOCKED
    )
    RETURNING *
)
SELECT {COLUMNS} FROM claimed m JOIN push_subscription s ON s.id = m.subscription_id
"""

READ_SQLITE = f"SELECT {COLUMNS} FROM push_message m JOIN push_subscription s ON s.id = m.subscription_id WHERE m.id IN "


def _outbound(row: dict[str, Any]) -> Outbound:
    payload = row["payload"]
    return Outbound(
        int(row["id"]),
        int(row["subscription_id"]),
        row["endpoint"],
        row["p256dh"],
        row["auth"],
        json.loads(payload) if isinstance(payload, str | bytes) else payload,
        int(row["ttl"]),
        row["urgency"],
        row["topic"],
        int(row["attempts"]),
        row["vapid_key"],
    )


async def claim_due(worker: str, lease_seconds: float, limit: int) -> list[Outbound]:
    """Marks up to `limit` due rows as `worker`'s for one lease (counting the attempt) and
    returns them with their devices."""
    now = datetime.now(UTC)
    until = now + timedelta(seconds=lease_seconds)
    database = connections.get("default")
    if not get_settings().is_sqlite:
        rows = await database.execute_query_dict(CLAIM_POSTGRES, [worker, until, now, limit])
        return [_outbound(row) for row in rows]
    async with in_transaction() as connection:
        unclaimed = Q(claimed_until=None) | Q(claimed_until__lt=now)
        ids = list(
            await PushMessage.filter(status=PushStatus.PENDING, not_before__lte=now)
            .filter(unclaimed)
            .order_by("not_before", "id")
            .limit(limit)
            .using_db(connection)
            .values_list("id", flat=True)
        )
        if not ids:
            return []
        await PushMessage.filter(id__in=ids).filter(unclaimed).using_db(connection).update(
            claimed_by=worker, claimed_until=until, attempts=F("attempts") + 1
        )
        marks = ",".join("?" * len(ids))
        rows = await connection.execute_query_dict(f"{READ_SQLITE}({marks})", ids)
    return [_outbound(row) for row in rows]
