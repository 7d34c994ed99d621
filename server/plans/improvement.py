"""Continuous improvement: which action plans, challenges and training campaigns paid.

When one starts, the indicator it targets is recorded with its value on its unit over the
window before (`record_action`, from server.plans.handlers). Read later, its effect is that
indicator on the same unit over the window after, beside the same change on comparable units
(the other units of the same kind that ran nothing on that indicator meanwhile): the effect
is the unit's change minus theirs (a difference in differences). A quarterly review lists
what worked and what did not, as a screen and as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from server.errors import ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope
from server.plans.errors import PlanNotFound
from server.plans.indicators import value_of, windowed
from server.plans.models import ImprovementAction, ImprovementKind, PerformancePlan
from server.plans.objectives import LEVERS
from server.plans.readings import Placement

WINDOW_DAYS = 30
# a change of less than this (in the indicator's points) is no effect either way
NOISE = 1.0
REVIEW_MAX = 200


def _at(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


async def value_before(unit: Unit, indicator: str, started_on: date, window_days: int) -> float | None:
    """An indicator on a unit over the window before an action started (its baseline)."""
    start = _at(started_on)
    return await _value(unit, indicator, start - timedelta(days=window_days), start)


async def _value(unit: Unit, indicator: str, start: datetime, end: datetime) -> float | None:
    placement = Placement(unit.id, set())
    buckets = await windowed(unit.organization_id, unit.path, placement, indicator, start, end)
    return value_of(buckets.get(unit.id), indicator)


async def record_action(
    kind: ImprovementKind, subject_id: int, title: str, unit: Unit, indicator: str, started_on: date,
    ends_on: date | None = None, window_days: int = WINDOW_DAYS,
) -> ImprovementAction:
    """Records what an action targets and the value before it (once per action)."""
    if indicator not in LEVERS:
        raise ValidationFailed("plan_lever_invalid", "indicator")
    found = await ImprovementAction.get_or_none(kind=kind, subject_id=subject_id)
    if found is not None:
        return found
    baseline = await value_before(unit, indicator, started_on, window_days)
    return await ImprovementAction.create(
        organization_id=unit.organization_id, kind=kind, subject_id=subject_id, title=title[:120], unit_id=unit.id,
        indicator=indicator, baseline=baseline, window_days=window_days, started_on=started_on, ends_on=ends_on,
    )


@dataclass(slots=True)
class Effect:
    action: ImprovementAction
    unit_name: str
    before: float | None
    after: float | None
    comparable_before: float | None
    comparable_after: float | None
    comparable_units: int
    verdict: str  # WORKED | DID_NOT_WORK | TOO_EARLY | NOT_MEASURED

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else round(self.after - self.before, 2)

    @property
    def comparable_change(self) -> float | None:
        if self.comparable_before is None or self.comparable_after is None:
            return None
        return round(self.comparable_after - self.comparable_before, 2)

    @property
    def effect(self) -> float | None:
        if self.change is None:
            return None
        return round(self.change - (self.comparable_change or 0.0), 2)


def after_window(action: ImprovementAction, today: date) -> tuple[date, date]:
    """The window after: from its end (or its start, while it runs) for as long as the window before."""
    start = action.ends_on if action.ends_on is not None and action.ends_on <= today else action.started_on
    return start, start + timedelta(days=action.window_days)


async def effect_of(action: ImprovementAction, unit: Unit, today: date, ran_elsewhere: set[int]) -> Effect:
    """The action's effect on its unit, beside the units of the same kind that ran nothing on
    its indicator (`ran_elsewhere`: their ids)."""
    start, end = after_window(action, today)
    before_start, before_end = _at(action.started_on) - timedelta(days=action.window_days), _at(action.started_on)
    peers = await Unit.filter(organization_id=unit.organization_id, kind=unit.kind).exclude(id=unit.id).values_list("id", "path")
    comparable = {int(i): str(p) for i, p in peers if int(i) not in ran_elsewhere}  # type: ignore[misc]
    root = await Unit.get(organization_id=unit.organization_id, parent_id=None)
    placement = Placement(root.id, set(comparable) | {unit.id})
    before = await windowed(unit.organization_id, root.path, placement, action.indicator, before_start, before_end)
    if start > today:
        return Effect(action, unit.name, action.baseline, None, None, None, len(comparable), "TOO_EARLY")
    after = await windowed(unit.organization_id, root.path, placement, action.indicator, _at(start), _at(min(end, today + timedelta(days=1))))
    mine_before = action.baseline if action.baseline is not None else value_of(before.get(unit.id), action.indicator)
    mine_after = value_of(after.get(unit.id), action.indicator)
    peers_before = _mean([value_of(before.get(i), action.indicator) for i in comparable])
    peers_after = _mean([value_of(after.get(i), action.indicator) for i in comparable])
    found = Effect(action, unit.name, mine_before, mine_after, peers_before, peers_after, len(comparable), "")
    if found.effect is None:
        found.verdict = "TOO_EARLY" if (today - start).days < 7 else "NOT_MEASURED"
    else:
        found.verdict = "WORKED" if found.effect >= NOISE else "DID_NOT_WORK"
    return found


async def _everyone(organization_id: int) -> list[dict[str, Any]]:
    return await ImprovementAction.filter(organization_id=organization_id).values(
        "indicator", "unit_id", "started_on", "ends_on"
    )


def _ran(action: ImprovementAction, everyone: list[dict[str, Any]], today: date) -> set[int]:
    """The units that ran something on the action's indicator during its two windows."""
    _, end = after_window(action, today)
    low = action.started_on - timedelta(days=action.window_days)
    return {
        int(a["unit_id"]) for a in everyone
        if a["indicator"] == action.indicator and a["started_on"] <= end and (a["ends_on"] or a["started_on"]) >= low
    }


async def effect_now(action: ImprovementAction, unit: Unit, today: date) -> Effect:
    """One action's effect as the review shows it."""
    return await effect_of(action, unit, today, _ran(action, await _everyone(action.organization_id), today))


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 2) if known else None


async def plan_review(scope: Scope, plan_id: int, today: date) -> tuple[PerformancePlan, list[Effect]]:
    """The plan's review: every action that started in its period (or in the two windows before
    it) on a unit the viewer manages (head office: all), with its effect, what worked first."""
    scope = scope.for_content("dashboards")
    scope.require_manager()
    plan = await PerformancePlan.get_or_none(id=plan_id, organization_id=scope.organization_id)
    if plan is None:
        raise PlanNotFound("planId")
    # an action whose window after falls in the plan's period counts, even started just before it
    actions = await ImprovementAction.filter(
        scope.subtree_filter(), started_on__gte=plan.starts_on - timedelta(days=2 * WINDOW_DAYS),
        started_on__lte=plan.ends_on,
    ).select_related("unit").order_by("started_on", "id").limit(REVIEW_MAX)
    everyone = await _everyone(scope.organization_id)
    effects = [await effect_of(action, action.unit, today, _ran(action, everyone, today)) for action in actions]
    order = {"WORKED": 0, "DID_NOT_WORK": 1, "TOO_EARLY": 2, "NOT_MEASURED": 3}
    effects.sort(key=lambda e: (order[e.verdict], -(e.effect or 0.0)))
    return plan, effects


HEADERS = {
    "fr": ["verdict", "action", "type", "unité", "indicateur", "début", "avant", "après", "évolution",
           "évolution des unités comparables", "unités comparables", "effet"],
    "en": ["verdict", "action", "kind", "unit", "indicator", "start", "before", "after", "change",
           "comparable units' change", "comparable units", "effect"],
}
VERDICTS = {
    "fr": {"WORKED": "a marché", "DID_NOT_WORK": "n'a pas marché", "TOO_EARLY": "trop tôt", "NOT_MEASURED": "non mesuré"},
    "en": {"WORKED": "worked", "DID_NOT_WORK": "did not work", "TOO_EARLY": "too early", "NOT_MEASURED": "not measured"},
}


def review_csv(effects: list[Effect], language: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    lang = language if language in HEADERS else "fr"
    writer.writerow(HEADERS[lang])
    for e in effects:
        writer.writerow([
            VERDICTS[lang][e.verdict], _cell(e.action.title), e.action.kind, _cell(e.unit_name), e.action.indicator,
            e.action.started_on.isoformat(), _num(e.before), _num(e.after), _num(e.change), _num(e.comparable_change),
            e.comparable_units, _num(e.effect),
        ])
    return out.getvalue()


def _num(value: float | None) -> str:
    return "" if value is None else str(value)


def _cell(text: str) -> str:
    # a spreadsheet must not run a formula hidden in a title
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
