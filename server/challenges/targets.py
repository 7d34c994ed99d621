"""Objectives per person or unit and period: one by one, spread from a unit, or from a CSV.

A manager (or a token) sets the targets of the people and units it manages, within the
bounds of `server.challenges.bounds`; like a result, a new target re-scores only the live
or scheduled challenges whose scope the setter manages (server.challenges.results)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from server.accounts.models import Role, User
from server.challenges.bounds import check_target_value
from server.challenges.errors import MetricNotFound, OutOfScope, ParticipantNotFound
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
from server.db import atomic
from server.errors import ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope


@dataclass(frozen=True, slots=True)
class TargetInput:
    metric_id: int
    participant_kind: ParticipantKind
    participant_id: int
    period_start: datetime
    period_end: datetime
    value: float


def check_target(entry: TargetInput) -> None:
    check_target_value(entry.value)
    if entry.period_end <= entry.period_start:
        raise ValidationFailed("challenge_period_invalid", "periodEnd")


async def _check(scope: Scope, entry: TargetInput) -> Metric:
    check_target(entry)
    metric = await Metric.get_or_none(id=entry.metric_id, organization_id=scope.organization_id)
    if metric is None:
        raise MetricNotFound("metric")
    if entry.participant_kind == ParticipantKind.USER:
        user = await User.get_or_none(id=entry.participant_id, organization_id=scope.organization_id)
        if user is None:
            raise ParticipantNotFound("participant")
        scope.require_manages(await Unit.get(id=user.unit_id), OutOfScope())
    else:
        unit = await Unit.get_or_none(id=entry.participant_id, organization_id=scope.organization_id)
        if unit is None:
            raise ParticipantNotFound("participant")
        scope.require_manages(unit, OutOfScope())
    return metric


async def set_targets(scope: Scope, entries: list[TargetInput]) -> list[Target]:
    """Sets (or replaces) targets; the live challenges using them that the setter manages
    re-score the people concerned."""
    scope.require_manager()
    for entry in entries:
        await _check(scope, entry)
    saved: list[Target] = []
    async with rank_moves() as undo, atomic() as events:
        for entry in entries:
            column = "user_id" if entry.participant_kind == ParticipantKind.USER else "unit_id"
            keys: dict[str, Any] = {"metric_id": entry.metric_id, "period_start": entry.period_start,
                                    column: entry.participant_id}
            defaults: dict[str, Any] = {"value": entry.value, "period_end": entry.period_end,
                                        "organization_id": scope.organization_id}
            target, _ = await Target.update_or_create(defaults=defaults, **keys)
            saved.append(target)
            await AuditEntry.create(
                organization_id=scope.organization_id, actor_id=scope.user_id,
                action="target.set", detail={"metric_id": entry.metric_id, column: entry.participant_id,
                                             "value": entry.value, "period_start": entry.period_start.isoformat()},
            )
            await _rescore_target(events, undo, scope, entry)
    return saved


async def _rescore_target(events: object, undo: list, scope: Scope, entry: TargetInput) -> None:
    column = "user_id" if entry.participant_kind == ParticipantKind.USER else "unit_id"
    candidates = await Participant.filter(
        **{column: entry.participant_id},
        challenge__status__in=[ChallengeStatus.LIVE, ChallengeStatus.SCHEDULED],
        challenge__starts_at__gte=entry.period_start, challenge__starts_at__lt=entry.period_end,
        challenge__scope_unit__path__startswith=scope.act_path,
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


async def spread_target(scope: Scope, metric_id: int, unit_id: int, period_start: datetime,
                        period_end: datetime, value: float) -> list[Target]:
    """A unit's target split evenly among the people of its subtree (managers included; not those
    who left)."""
    scope.require_manager()
    check_target_value(value)
    unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id)
    if unit is None:
        raise ParticipantNotFound("unit")
    scope.require_manages(unit, OutOfScope())
    units = await Unit.filter(organization_id=scope.organization_id, path__startswith=unit.path).values_list("id", flat=True)
    people: list[Any] = await User.filter(
        unit_id__in=list(units), role__not=Role.ADMIN, deactivated_at=None
    ).order_by("id").values_list("id", flat=True)
    if not people:
        return []
    share = round(value / len(people), 2)
    entries = [TargetInput(metric_id, ParticipantKind.UNIT, unit.id, period_start, period_end, value)]
    entries += [TargetInput(metric_id, ParticipantKind.USER, int(p), period_start, period_end, share) for p in people]
    return await set_targets(scope, entries)


@dataclass(frozen=True, slots=True)
class PersonTarget:
    user_id: int
    display_name: str
    value: float


async def people_of(saved: list[Target]) -> list[PersonTarget]:
    """The people whose target was just set, by name, with its value."""
    by_user = {t.user_id: t.value for t in saved if t.user_id is not None}
    users = await User.filter(id__in=list(by_user)).order_by("display_name", "id").values("id", "display_name")
    return [PersonTarget(int(u["id"]), str(u["display_name"]), by_user[int(u["id"])]) for u in users]


async def my_targets(scope: Scope, limit: int = 50) -> list[Target]:
    """The viewer's own targets, latest period first."""
    return await Target.filter(user_id=scope.user_id).order_by("-period_start", "metric_id").limit(limit)
