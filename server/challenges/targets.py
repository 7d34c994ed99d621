"""Objectives per person or unit and period: one by one, spread from a unit, or from a CSV."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from server.accounts.models import Role, User
from server.challenges.errors import MetricNotFound, ParticipantNotFound
from server.challenges.models import (
    AuditEntry,
    Challenge,
    ChallengeStatus,
    Metric,
    Participant,
    ParticipantKind,
    Target,
)
from server.challenges.movement import apply_parts, lock_challenges, rank_moves
from server.challenges.scope import Actor, check_in_scope
from server.db import atomic
from server.errors import ValidationFailed
from server.network.models import Unit


@dataclass(frozen=True, slots=True)
class TargetInput:
    metric_id: int
    participant_kind: ParticipantKind
    participant_id: int
    period_start: datetime
    period_end: datetime
    value: float


async def _check(actor: Actor, entry: TargetInput) -> Metric:
    if not (math.isfinite(entry.value) and entry.value > 0):
        raise ValidationFailed("target_value_invalid", "value")
    if entry.period_end <= entry.period_start:
        raise ValidationFailed("challenge_period_invalid", "periodEnd")
    metric = await Metric.get_or_none(id=entry.metric_id, organization_id=actor.organization_id)
    if metric is None:
        raise MetricNotFound("metric")
    if entry.participant_kind == ParticipantKind.USER:
        user = await User.get_or_none(id=entry.participant_id, organization_id=actor.organization_id)
        if user is None:
            raise ParticipantNotFound("participant")
        check_in_scope(actor, await Unit.get(id=user.unit_id))
    else:
        unit = await Unit.get_or_none(id=entry.participant_id, organization_id=actor.organization_id)
        if unit is None:
            raise ParticipantNotFound("participant")
        check_in_scope(actor, unit)
    return metric


async def set_targets(actor: Actor, entries: list[TargetInput]) -> list[Target]:
    """Sets (or replaces) targets; live challenges using them re-score the people concerned."""
    for entry in entries:
        await _check(actor, entry)
    saved: list[Target] = []
    async with rank_moves() as undo, atomic() as events:
        for entry in entries:
            column = "user_id" if entry.participant_kind == ParticipantKind.USER else "unit_id"
            keys: dict[str, Any] = {"metric_id": entry.metric_id, "period_start": entry.period_start,
                                    column: entry.participant_id}
            defaults: dict[str, Any] = {"value": entry.value, "period_end": entry.period_end,
                                        "organization_id": actor.organization_id}
            target, _ = await Target.update_or_create(defaults=defaults, **keys)
            saved.append(target)
            await AuditEntry.create(
                organization_id=actor.organization_id, actor_id=actor.user.id if actor.user else None,
                action="target.set", detail={"metric_id": entry.metric_id, column: entry.participant_id,
                                             "value": entry.value, "period_start": entry.period_start.isoformat()},
            )
            await _rescore_target(events, undo, entry)
    return saved


async def _rescore_target(events: object, undo: list, entry: TargetInput) -> None:
    column = "user_id" if entry.participant_kind == ParticipantKind.USER else "unit_id"
    candidates = await Participant.filter(
        **{column: entry.participant_id},
        challenge__status__in=[ChallengeStatus.LIVE, ChallengeStatus.SCHEDULED],
        challenge__starts_at__gte=entry.period_start, challenge__starts_at__lt=entry.period_end,
    ).values_list("id", "challenge_id")
    if not candidates:
        return
    challenges = await lock_challenges([int(c) for _, c in candidates])
    for participant in await Participant.filter(id__in=[int(p) for p, _ in candidates]):
        challenge: Challenge = challenges[participant.challenge_id]
        metrics = dict(participant.parts.get("metrics", {}))
        if str(entry.metric_id) not in metrics:
            continue
        metrics[str(entry.metric_id)] = {**metrics[str(entry.metric_id)], "target": entry.value}
        parts = {**participant.parts, "metrics": metrics}
        await apply_parts(events, undo, challenge, participant, parts, datetime.now(UTC))  # type: ignore[arg-type]


async def spread_target(actor: Actor, metric_id: int, unit_id: int, period_start: datetime,
                        period_end: datetime, value: float) -> list[Target]:
    """A unit's target split evenly among the people of its subtree (managers included; not those
    who left)."""
    unit = await Unit.get_or_none(id=unit_id, organization_id=actor.organization_id)
    if unit is None:
        raise ParticipantNotFound("unit")
    check_in_scope(actor, unit)
    units = await Unit.filter(organization_id=actor.organization_id, path__startswith=unit.path).values_list("id", flat=True)
    people: list[Any] = await User.filter(
        unit_id__in=list(units), role__not=Role.ADMIN, deactivated_at=None
    ).order_by("id").values_list("id", flat=True)
    if not people:
        return []
    share = round(value / len(people), 2)
    entries = [TargetInput(metric_id, ParticipantKind.UNIT, unit.id, period_start, period_end, value)]
    entries += [TargetInput(metric_id, ParticipantKind.USER, int(p), period_start, period_end, share) for p in people]
    return await set_targets(actor, entries)
