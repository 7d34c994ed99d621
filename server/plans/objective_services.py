"""Setting a plan's objectives per unit and period, and reading their history.

Head office sets an objective on the organisation or a region and it is spread to every unit
below (server.plans.objectives); a manager overrides it for a unit it manages; a head-office
person whose function owns the lever sets it like head office (`Scope.may_manage`). With
`spread`, the overrides below are removed, so the value holds for the whole subtree again.

Every change is an audit row (server.audit) on the plan: who, when, which unit, lever and
period, the target before and after; that is the objectives' history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from server.accounts.models import User
from server.audit.models import AuditEntry
from server.audit.services import record
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.function_models import Function
from server.network.models import Unit
from server.network.scope import Scope
from server.plans.errors import PlanNotFound
from server.plans.models import PerformancePlan, PlanObjective, PlanPeriod
from server.plans.objectives import LEVERS, period_start

# the bounds of an objective, per lever: percents, index points, a level 1–4, a score
BOUNDS = {"SKILLS": (1.0, 4.0), "CHALLENGES": (0.0, 1_000_000.0)}
HISTORY_MAX = 100


@dataclass(frozen=True, slots=True)
class ObjectiveInput:
    plan_id: int
    unit_id: int
    lever: str
    period: PlanPeriod
    day: date  # any day of the period
    target: float
    spread: bool = False


async def _plan(scope: Scope, plan_id: int) -> PerformancePlan:
    plan = await PerformancePlan.get_or_none(id=plan_id, organization_id=scope.organization_id)
    if plan is None:
        raise PlanNotFound("planId")
    return plan


def may_set(scope: Scope, unit: Unit, lever: str) -> bool:
    """Head office and the lever's function anywhere in the organisation; a manager within
    its subtree."""
    return scope.is_admin or scope.manages(unit) or (scope.acts_in(unit) and scope.may_manage(lever_content(lever)))


def lever_content(lever: str) -> str:
    """The content a lever's objectives belong to, for `Scope.may_manage`."""
    return "objectives." + lever.lower()


def check(data: ObjectiveInput, plan: PerformancePlan) -> date:
    """The first day of the objective's period, once the input is known to be valid."""
    if data.lever not in LEVERS:
        raise ValidationFailed("plan_lever_invalid", "lever")
    low, high = BOUNDS.get(data.lever, (0.0, 100.0))
    if not (low <= data.target <= high):
        raise ValidationFailed("plan_objective_target_invalid", "target")
    if not (plan.starts_on <= data.day <= plan.ends_on):
        raise ValidationFailed("plan_objective_period_invalid", "day")
    return period_start(data.period, data.day, plan)


async def set_objective(scope: Scope, data: ObjectiveInput) -> PlanObjective:
    plan = await _plan(scope, data.plan_id)
    unit = await Unit.get_or_none(id=data.unit_id, organization_id=scope.organization_id)
    if unit is None:
        raise ValidationFailed("unit_not_found", "unitId")
    if not may_set(scope, unit, data.lever):
        raise NotAllowed()
    starts = check(data, plan)
    keys: dict[str, Any] = {"plan_id": plan.id, "lever": data.lever, "period": data.period, "period_start": starts}
    async with atomic() as events:
        found = await PlanObjective.filter(unit_id=unit.id, **keys).select_for_update().first()
        before = found.target if found is not None else None
        if found is None:
            found = await PlanObjective.create(
                organization_id=scope.organization_id, unit_id=unit.id, target=data.target,
                owner_function_id=plan.lever_owners.get(data.lever), set_by_id=scope.user_id, **keys,
            )
        else:
            found.target, found.set_by_id = data.target, scope.user_id
            await found.save(update_fields=["target", "set_by_id", "updated_at"])
        cleared = 0
        if data.spread:
            below = PlanObjective.filter(unit__path__startswith=unit.path, **keys).exclude(unit_id=unit.id)
            cleared = await below.delete()
        after = {**_describe(unit, data, starts), "target": data.target, "spread": data.spread, "overridesCleared": cleared}
        await record(scope, "objective.set", "performance_plan", plan.id, {"target": before}, after)
        events.emit("plans.objective_set", {"organization_id": scope.organization_id, "unit_id": unit.id})
    return found


def _describe(unit: Unit, data: ObjectiveInput, starts: date) -> dict[str, Any]:
    return {
        "unitId": unit.id, "unitName": unit.name, "unitPath": unit.path, "lever": data.lever,
        "period": str(data.period), "periodStart": starts.isoformat(),
    }


@dataclass(frozen=True, slots=True)
class ObjectiveChange:
    at: datetime
    actor_name: str | None
    unit_id: int
    unit_name: str
    lever: str
    period: str
    period_start: date
    before: float | None
    after: float
    spread: bool


async def objective_history(scope: Scope, plan_id: int, unit_id: int | None = None) -> list[ObjectiveChange]:
    """The latest changes of a plan's objectives on units the viewer sees (its own, those
    above it that spread to it, and for a manager those below), newest first; narrowed to one
    unit's subtree and the units above it when asked."""
    plan = await _plan(scope, plan_id)
    focus: str | None = None
    if unit_id is not None:
        unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id)
        if unit is None:
            raise ValidationFailed("unit_not_found", "unitId")
        scope.require_acts_in(unit, NotAllowed())
        focus = unit.path
    rows = await AuditEntry.filter(
        organization_id=scope.organization_id, subject_type="performance_plan", subject_id=plan.id,
        action="objective.set",
    ).order_by("-id").limit(HISTORY_MAX * 4).values("created_at", "actor_id", "before", "after")
    names = {
        int(u["id"]): str(u["display_name"])
        for u in await User.filter(id__in={int(r["actor_id"]) for r in rows if r["actor_id"]}).values("id", "display_name")
    }
    changes: list[ObjectiveChange] = []
    for r in rows:
        after, before = r["after"] or {}, r["before"] or {}
        path = str(after.get("unitPath", ""))
        if not (scope.sees_path(path) or path.startswith(scope.act_path)):
            continue
        if focus is not None and not (path.startswith(focus) or focus.startswith(path)):
            continue
        changes.append(
            ObjectiveChange(
                at=r["created_at"], actor_name=names.get(int(r["actor_id"])) if r["actor_id"] else None,
                unit_id=int(after["unitId"]), unit_name=str(after["unitName"]), lever=str(after["lever"]),
                period=str(after["period"]), period_start=date.fromisoformat(str(after["periodStart"])),
                before=before.get("target"), after=float(after["target"]), spread=bool(after.get("spread")),
            )
        )
    return changes[:HISTORY_MAX]


async def set_lever_owner(scope: Scope, plan_id: int, lever: str, function_id: int | None) -> PerformancePlan:
    """Head office names the function that owns a lever of the plan (None: nobody)."""
    scope.require_admin()
    plan = await _plan(scope, plan_id)
    if lever not in LEVERS:
        raise ValidationFailed("plan_lever_invalid", "lever")
    name = None
    if function_id is not None:
        function = await Function.get_or_none(id=function_id, organization_id=scope.organization_id)
        if function is None:
            raise ValidationFailed("function_not_found", "functionId")
        name = function.name
    async with atomic() as events:
        owners = dict(plan.lever_owners or {})
        before = owners.get(lever)
        if function_id is None:
            owners.pop(lever, None)
        else:
            owners[lever] = function_id
        plan.lever_owners = owners
        await plan.save(update_fields=["lever_owners"])
        await record(scope, "plan.lever_owner", "performance_plan", plan.id,
                     {"lever": lever, "functionId": before}, {"lever": lever, "functionId": function_id, "functionName": name})
        root = await Unit.filter(organization_id=scope.organization_id, parent_id=None).values_list("id", flat=True)
        if root:
            events.emit("plans.objective_set", {"organization_id": scope.organization_id, "unit_id": int(root[0])})  # type: ignore[call-overload]
    return plan
