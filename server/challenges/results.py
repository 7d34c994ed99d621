"""recordResult: one result, counted once, moving every live challenge it belongs to."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from server.accounts.models import User
from server.challenges.errors import IdempotencyKeyReused, MetricNotFound, ParticipantNotFound
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
from server.challenges.scope import Actor, check_in_scope
from server.db import atomic
from server.errors import ValidationFailed
from server.network.models import Unit

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


def _check(entry: ResultInput) -> None:
    if not math.isfinite(entry.value):
        raise ValidationFailed("result_value_invalid", "value")
    if not KEY_MIN <= len(entry.idempotency_key) <= KEY_MAX:
        raise ValidationFailed("idempotency_key_invalid", "idempotencyKey", max=KEY_MAX)
    if entry.value < 0 and not (entry.reason or "").strip():
        raise ValidationFailed("correction_reason_required", "reason")


async def _owner(actor: Actor, entry: ResultInput) -> tuple[int | None, Unit]:
    """The person (if any) and the unit a result is about, in one query, checked against scope."""
    if entry.participant_kind == ParticipantKind.USER:
        found = await User.filter(id=entry.participant_id, organization_id=actor.organization_id).values(
            "id", "unit_id", "unit__path", "unit__parent_id")
        if not found:
            raise ParticipantNotFound("participant")
        row = found[0]
        unit = Unit(id=row["unit_id"], organization_id=actor.organization_id, path=row["unit__path"],
                    parent_id=row["unit__parent_id"])
        check_in_scope(actor, unit)
        return int(row["id"]), unit
    unit_found = await Unit.get_or_none(id=entry.participant_id, organization_id=actor.organization_id)
    if unit_found is None:
        raise ParticipantNotFound("participant")
    check_in_scope(actor, unit_found)
    return None, unit_found


async def _existing(actor: Actor, entry: ResultInput) -> Result | None:
    found = await Result.get_or_none(organization_id=actor.organization_id, idempotency_key=entry.idempotency_key)
    if found is None:
        return None
    owner = found.user_id if entry.participant_kind == ParticipantKind.USER else found.unit_id
    if found.metric_id != entry.metric_id or owner != entry.participant_id or found.value != entry.value:
        raise IdempotencyKeyReused("idempotencyKey")
    return found


async def record_result(actor: Actor, entry: ResultInput, now: datetime | None = None) -> Recorded:
    """Records a result; the same idempotency key twice counts once, even when racing."""
    _check(entry)
    now = now or datetime.now(UTC)
    metric = await Metric.get_or_none(id=entry.metric_id, organization_id=actor.organization_id)
    if metric is None:
        raise MetricNotFound("metric")
    user_id, unit = await _owner(actor, entry)
    # no look-up of the key first: the unique index answers, and a retry is the rare case
    try:
        async with rank_moves() as undo, atomic() as events:
            result = await Result.create(
                organization_id=actor.organization_id, metric_id=metric.id,
                user_id=user_id, unit_id=None if user_id else unit.id,
                value=entry.value, occurred_at=entry.occurred_at, idempotency_key=entry.idempotency_key,
                reason=(entry.reason or "").strip()[:REASON_MAX] or None,
                recorded_by_id=actor.user.id if actor.user else None,
                token_id=actor.token.id if actor.token else None,
            )
            if actor.user is not None:
                await AuditEntry.create(
                    organization_id=actor.organization_id, actor_id=actor.user.id,
                    action="result.corrected" if entry.value < 0 else "result.recorded",
                    detail={"result_id": result.id, "metric_id": metric.id, "value": entry.value,
                            "user_id": user_id, "unit_id": None if user_id else unit.id,
                            "reason": result.reason},
                )
            movements = await _move_challenges(events, undo, metric, user_id, unit, entry, now)
            if not movements:
                # no challenge moved, but dashboards show every result against its target
                events.emit("challenges.result_saved", {
                    "organization_id": actor.organization_id, "metric_id": metric.id,
                    "user_id": user_id, "unit_id": None if user_id else unit.id,
                })
    except IntegrityError:
        # the same key raced in from a retry and committed first: count it once
        raced = await _existing(actor, entry)
        if raced is None:
            raise
        return Recorded(raced, True, {})
    return Recorded(result, False, movements)


async def _move_challenges(
    events: Any, undo: Any, metric: Metric, user_id: int | None, unit: Unit, entry: ResultInput, now: datetime
) -> dict[int, Movement]:
    # a person's result counts for them and for every unit above them; a unit's, for it and above
    ancestors = unit.ancestor_ids
    owners = Q(unit_id__in=ancestors) | Q(user_id=user_id) if user_id else Q(unit_id__in=ancestors)
    candidates = await Participant.filter(
        owners,
        challenge__organization_id=metric.organization_id,
        challenge__status=ChallengeStatus.LIVE,
        challenge__starts_at__lte=entry.occurred_at,
        challenge__ends_at__gt=entry.occurred_at,
    ).values_list("id", "challenge_id")
    if not candidates:
        return {}
    challenges = await lock_challenges([int(c) for _, c in candidates])
    movements: dict[int, Movement] = {}
    for participant in await Participant.filter(id__in=[int(p) for p, _ in candidates]).order_by("challenge_id"):
        challenge = challenges[participant.challenge_id]
        if not _counts(challenge, metric.id) or challenge.status != ChallengeStatus.LIVE:
            continue
        parts = _add(participant.parts, metric, entry)
        movements[challenge.id] = await apply_parts(events, undo, challenge, participant, parts, now)
    return movements


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
