"""recordResult: one result, counted once, moving the live challenges it belongs to.

Who may move what: a manager, an admin or an integration token records results about the
people and units it manages (its Scope), and a result moves only the live challenges whose
scope unit the recorder manages too. A regional manager's sale counts for the challenges of
its region and below, never for a network-wide board it could not run; head office (or a
token granted the whole network) moves those. The idempotency key belongs to the recorder:
the same key from the same person (or token) counts once, another recorder's key is its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from server.challenges.bounds import check_result_value
from server.challenges.errors import (
    IdempotencyKeyReused,
    MetricNotFound,
    OutOfScope,
    ParticipantNotFound,
)
from server.challenges.models import (
    Aggregation,
    AuditEntry,
    Challenge,
    ChallengeStatus,
    Metric,
    Participant,
    ParticipantKind,
    Result,
)
from server.challenges.movement import apply_parts, lock_challenges, rank_moves
from server.challenges.ranking import Movement
from server.db import atomic, dialect
from server.errors import ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope
from server.settings import get_settings

KEY_MIN, KEY_MAX = 8, 64
REASON_MAX = 300


@dataclass(frozen=True, slots=True)
class ResultInput:
    metric_id: int
    participant_kind: ParticipantKind
    participant_id: int
    value: float
    occurred_at: datetime
    idempotency_key: str
    reason: str | None = None


@dataclass(slots=True)
class Recorded:
    result: Result
    duplicate: bool  # the key was seen before: nothing was counted this time
    movements: dict[int, Movement]  # by challenge id


def check_result(entry: ResultInput) -> None:
    check_result_value(entry.value)
    if not KEY_MIN <= len(entry.idempotency_key) <= KEY_MAX:
        raise ValidationFailed("idempotency_key_invalid", "idempotencyKey", max=KEY_MAX)
    if entry.value < 0 and not (entry.reason or "").strip():
        raise ValidationFailed("correction_reason_required", "reason")


# the metric, the person (if any) and the unit a result is about, in one statement
_OWNER_SQL = {
    ParticipantKind.USER: """
        SELECT m.aggregation, u.id AS user_id, n.id AS unit_id, n.path, n.parent_id
          FROM metric m
          LEFT JOIN "user" u ON u.id = $1 AND u.organization_id = m.organization_id
          LEFT JOIN unit n ON n.id = u.unit_id
         WHERE m.id = $2 AND m.organization_id = $3""",
    ParticipantKind.UNIT: """
        SELECT m.aggregation, NULL AS user_id, n.id AS unit_id, n.path, n.parent_id
          FROM metric m
          LEFT JOIN unit n ON n.id = $1 AND n.organization_id = m.organization_id
         WHERE m.id = $2 AND m.organization_id = $3""",
}


async def _owner(scope: Scope, entry: ResultInput) -> tuple[Metric, int | None, Unit]:
    """The metric, the person (if any) and the unit a result is about, checked against scope."""
    rows = await connections.get("default").execute_query_dict(
        dialect(_OWNER_SQL[entry.participant_kind]),
        [entry.participant_id, entry.metric_id, scope.organization_id],
    )
    if not rows:
        raise MetricNotFound("metric")
    row = rows[0]
    if row["unit_id"] is None:
        raise ParticipantNotFound("participant")
    metric = Metric(id=entry.metric_id, organization_id=scope.organization_id, aggregation=Aggregation(row["aggregation"]))
    unit = Unit(id=row["unit_id"], organization_id=scope.organization_id, path=row["path"], parent_id=row["parent_id"])
    scope.require_manages(unit, OutOfScope())
    return metric, (int(row["user_id"]) if row["user_id"] is not None else None), unit


def _recorder(scope: Scope) -> dict[str, Any]:
    """Who records: the person, or else the integration token (the idempotency key's owner)."""
    return {"recorded_by_id": scope.user_id, "token_id": None if scope.user_id else scope.token_id}


async def _existing(scope: Scope, entry: ResultInput) -> Result | None:
    found = await Result.get_or_none(**_recorder(scope), idempotency_key=entry.idempotency_key)
    if found is None:
        return None
    owner = found.user_id if entry.participant_kind == ParticipantKind.USER else found.unit_id
    if found.metric_id != entry.metric_id or owner != entry.participant_id or found.value != entry.value:
        raise IdempotencyKeyReused("idempotencyKey")
    return found


async def record_result(scope: Scope, entry: ResultInput, now: datetime | None = None) -> Recorded:
    """Records a result about someone the recorder manages, and moves the live challenges it
    counts for whose scope the recorder manages (see the module docstring); the same
    idempotency key twice from the same recorder counts once, even when racing."""
    scope.require_manager()
    check_result(entry)
    now = now or datetime.now(UTC)
    metric, user_id, unit = await _owner(scope, entry)
    # no look-up of the key first: the unique index answers, and a retry is the rare case
    try:
        async with rank_moves() as undo, atomic() as events:
            result = await Result.create(
                organization_id=scope.organization_id, metric_id=metric.id,
                user_id=user_id, unit_id=None if user_id else unit.id,
                value=entry.value, occurred_at=entry.occurred_at, idempotency_key=entry.idempotency_key,
                reason=(entry.reason or "").strip()[:REASON_MAX] or None,
                **_recorder(scope),
            )
            if scope.user_id is not None:
                await AuditEntry.create(
                    organization_id=scope.organization_id, actor_id=scope.user_id,
                    action="result.corrected" if entry.value < 0 else "result.recorded",
                    detail={"result_id": result.id, "metric_id": metric.id, "value": entry.value,
                            "user_id": user_id, "unit_id": None if user_id else unit.id,
                            "reason": result.reason},
                )
            movements = await _move_challenges(events, undo, scope, metric, user_id, unit, entry, now)
            if not movements:
                # no challenge moved, but dashboards show every result against its target
                events.emit("challenges.result_saved", {
                    "organization_id": scope.organization_id, "metric_id": metric.id,
                    "user_id": user_id, "unit_id": None if user_id else unit.id,
                })
    except IntegrityError:
        # the same key raced in from a retry and committed first: count it once
        raced = await _existing(scope, entry)
        if raced is None:
            raise
        return Recorded(raced, True, {})
    return Recorded(result, False, movements)


async def _move_challenges(
    events: Any, undo: Any, scope: Scope, metric: Metric, user_id: int | None, unit: Unit, entry: ResultInput,
    now: datetime,
) -> dict[int, Movement]:
    # a person's result counts for them and for every unit above them; a unit's, for it and
    # above; and only on the boards the recorder manages
    ancestors = unit.ancestor_ids
    owners = Q(unit_id__in=ancestors) | Q(user_id=user_id) if user_id else Q(unit_id__in=ancestors)
    if get_settings().is_sqlite:
        challenges = await _lock_live_sqlite(owners, scope, entry.occurred_at)
    else:
        challenges = await _lock_live(ancestors, user_id, scope, entry.occurred_at)
    if not challenges:
        return {}
    movements: dict[int, Movement] = {}
    found = await Participant.filter(owners, challenge_id__in=list(challenges)).order_by("challenge_id")
    for participant in found:
        challenge = challenges[participant.challenge_id]
        if not _counts(challenge, metric.id):
            continue
        parts = _add(participant.parts, metric, entry)
        path = unit.path if participant.user_id else _path_of(unit, participant.unit_id)
        movements[challenge.id] = await apply_parts(events, undo, challenge, participant, parts, now, path)
    return movements


# PostgreSQL: find the live challenges the result counts for and the recorder manages (their
# scope unit's path starts with the recorder's), lock them in id order (two writers never
# deadlock) and bump their versions, in one prepared statement
_LOCK_LIVE = """
WITH moving AS (
    SELECT c.id FROM challenge c JOIN unit s ON s.id = c.scope_unit_id
     WHERE c.organization_id = $1 AND c.status = 'LIVE' AND c.starts_at <= $2 AND c.ends_at > $2
       AND c.id IN (SELECT p.challenge_id FROM challenge_participant p
                     WHERE p.unit_id = ANY($3::int[]) OR p.user_id = $4)
       AND starts_with(s.path, $5)
     ORDER BY c.id
       FOR UPDATE OF c
)
UPDATE challenge SET version = challenge.version + 1 FROM moving WHERE challenge.id = moving.id
RETURNING challenge.*
"""


async def _lock_live(ancestors: list[int], user_id: int | None, scope: Scope, at: datetime) -> dict[int, Challenge]:
    rows = await connections.get("default").execute_query_dict(
        _LOCK_LIVE, [scope.organization_id, at, ancestors, user_id, scope.act_path]
    )
    return {int(row["id"]): Challenge._init_from_db(**row) for row in rows}


async def _lock_live_sqlite(owners: Q, scope: Scope, at: datetime) -> dict[int, Challenge]:
    # SQLite has one writer at a time: the lock is the transaction itself
    candidates = await Participant.filter(
        owners, challenge__organization_id=scope.organization_id, challenge__status=ChallengeStatus.LIVE,
        challenge__starts_at__lte=at, challenge__ends_at__gt=at,
        challenge__scope_unit__path__startswith=scope.act_path,
    ).values_list("challenge_id", flat=True)
    return await lock_challenges([int(str(c)) for c in candidates]) if candidates else {}


def _path_of(unit: Unit, ancestor_id: int | None) -> str | None:
    """The path of one of `unit`'s ancestors (or itself), read from its own path "/1/4/9/"."""
    ids = unit.ancestor_ids
    if ancestor_id not in ids:
        return None
    return "/" + "/".join(str(i) for i in ids[: ids.index(ancestor_id) + 1]) + "/"


def _counts(challenge: Challenge, metric_id: int) -> bool:
    return any(int(m["metric_id"]) == metric_id for m in challenge.rules.get("metrics", []))


def _add(parts: dict[str, Any], metric: Metric, entry: ResultInput) -> dict[str, Any]:
    metrics = dict(parts.get("metrics", {}))
    current = dict(metrics.get(str(metric.id), {"total": 0.0, "target": None, "baseline": None}))
    if metric.aggregation == Aggregation.LATEST:
        if entry.occurred_at.isoformat() >= str(current.get("at", "")):
            current["total"], current["at"] = entry.value, entry.occurred_at.isoformat()
    else:
        current["total"] = float(current.get("total", 0.0)) + entry.value
    metrics[str(metric.id)] = current
    return {**parts, "metrics": metrics}
