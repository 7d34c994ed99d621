"""Which objective holds for a unit, a lever and a day: pure logic over a plan's objectives.

An objective set on a unit holds for its whole subtree (it is spread to every point of sale
under it) until a unit below gets one of its own (an override): the nearest unit wins. Within
that unit, the most precise period that contains the day wins (its month, then its quarter,
then the plan's whole period); without any, the plan's own default target holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from server.plans.models import PerformancePlan, PlanPeriod

# the levers of « Notre plan », in the order they are shown
LEVERS = ("TRAINING", "QUIZ", "SKILLS", "SATISFACTION", "CHALLENGES", "RETENTION")
PERIOD_ORDER = (PlanPeriod.MONTH, PlanPeriod.QUARTER, PlanPeriod.PLAN)


def month_start(day: date) -> date:
    return day.replace(day=1)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def period_start(period: PlanPeriod, day: date, plan: PerformancePlan) -> date:
    """The first day of the period of that kind holding `day`."""
    if period == PlanPeriod.MONTH:
        return month_start(day)
    if period == PlanPeriod.QUARTER:
        return quarter_start(day)
    return plan.starts_on


def default_target(plan: PerformancePlan, lever: str) -> float | None:
    """The plan's own target of a lever; None where a lever is only followed."""
    return {
        "TRAINING": plan.training_completion_target,
        "QUIZ": plan.quiz_average_target,
        "SATISFACTION": plan.satisfaction_index_target,
        "SKILLS": plan.skills_level_target,
    }.get(lever)


@dataclass(frozen=True, slots=True)
class ObjectiveRow:
    unit_id: int
    unit_path: str
    lever: str
    period: PlanPeriod
    period_start: date
    target: float
    owner_function_id: int | None


@dataclass(frozen=True, slots=True)
class HeldObjective:
    target: float | None
    owner_function_id: int | None
    unit_id: int | None  # where it was set; None: the plan's default
    period: PlanPeriod | None


class ObjectiveBook:
    """A plan's objectives, indexed so that finding the one for a unit costs its depth."""

    def __init__(self, plan: PerformancePlan, rows: list[ObjectiveRow], day: date) -> None:
        self.plan = plan
        self.day = day
        starts = {p: period_start(p, day, plan) for p in PERIOD_ORDER}
        self.by_unit: dict[tuple[int, str], dict[PlanPeriod, ObjectiveRow]] = {}
        for row in rows:
            if row.period_start == starts[row.period]:
                self.by_unit.setdefault((row.unit_id, row.lever), {})[row.period] = row
        self.levers = {lever for _, lever in self.by_unit}
        self.units = {unit_id for unit_id, _ in self.by_unit}
        owners = plan.lever_owners if isinstance(plan.lever_owners, dict) else {}
        self.defaults = {lever: HeldObjective(default_target(plan, lever), owners.get(lever), None, None) for lever in LEVERS}
        # what each unit's own objectives hold for a lever (the most precise period), made once
        self._own: dict[tuple[int, str], HeldObjective] = {}
        for (unit_id, lever), periods in self.by_unit.items():
            period = next(p for p in PERIOD_ORDER if p in periods)
            row = periods[period]
            self._own[unit_id, lever] = HeldObjective(row.target, row.owner_function_id or owners.get(lever), unit_id, period)
        self._all: dict[tuple[int, ...], dict[str, HeldObjective]] = {}
        self._levers: dict[tuple[int, ...], tuple[HeldObjective, ...]] = {}
        self._by_path: dict[str, tuple[HeldObjective, ...]] = {}
        self._targets: dict[int, tuple[float | None, ...]] = {}  # by id of a cached held tuple

    def held_all(self, unit_path: str) -> dict[str, HeldObjective]:
        """`held` for every lever, the path read once; the same (shared, not to be changed)
        answer for every unit under the same units with objectives: 1,200 points of sale under
        12 regions look up a few dozen."""
        units = self.units
        ids = tuple(i for i in map(int, unit_path.strip("/").split("/")) if i in units) if units else ()
        found = self._all.get(ids)
        if found is None:
            found = self._all[ids] = {lever: self._held(ids, lever) for lever in LEVERS}
        return found

    def held_levers(self, unit_path: str) -> tuple[HeldObjective, ...]:
        """`held_all` in the order of LEVERS, looked up by path: a unit without objectives of
        its own holds its parent's (one dict lookup per point of sale, not a path parsed)."""
        found = self._by_path.get(unit_path)
        if found is None:
            cut = unit_path.rfind("/", 0, len(unit_path) - 1) + 1
            own = unit_path[cut:-1]
            if cut > 1 and own.isdigit() and int(own) not in self.units:
                found = self.held_levers(unit_path[:cut])
            else:
                units = self.units
                key = tuple(i for i in map(int, unit_path.strip("/").split("/")) if i in units) if units else ()
                found = self._levers.get(key)
                if found is None:
                    held = self.held_all(unit_path)
                    found = self._levers[key] = tuple(held[lever] for lever in LEVERS)
            self._by_path[unit_path] = found
        return found

    def targets(self, held: tuple[HeldObjective, ...]) -> tuple[float | None, ...]:
        """The targets of a `held_levers` answer (the same tuple for the same answer)."""
        found = self._targets.get(id(held))
        if found is None:
            found = self._targets[id(held)] = tuple(h.target for h in held)
        return found

    def held(self, unit_path: str, lever: str) -> HeldObjective:
        return self._held([int(part) for part in unit_path.strip("/").split("/") if part], lever)

    def _held(self, ids: list[int] | tuple[int, ...], lever: str) -> HeldObjective:
        """The nearest unit's own objective (`_own`), else the plan's default."""
        if lever in self.levers:
            own = self._own
            for unit_id in reversed(ids):
                found = own.get((unit_id, lever))
                if found is not None:
                    return found
        return self.defaults[lever]
