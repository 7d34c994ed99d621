"""setPlanObjective: an objective of the plan for a unit, a lever and a period."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.plans.view_types import ObjectivePeriod, PlanViewLever
from server.plans import objective_services as services
from server.plans.models import PlanPeriod


@strawberry.input(description="An objective: on a unit (it holds for everything below until overridden), for a lever and a period.")
class SetPlanObjectiveInput:
    plan_id: strawberry.ID
    unit_id: strawberry.ID
    lever: PlanViewLever
    period: ObjectivePeriod = ObjectivePeriod.PLAN
    day: dt.date | None = strawberry.field(default=None, description="Any day of the period (default: today).")
    target: float = strawberry.field(description="0–100 (percent, index points), 1–4 for SKILLS.")
    spread: bool = strawberry.field(default=False, description="Also remove the overrides below, so it holds for the whole subtree.")


@strawberry.type(description="The objective as saved.")
class PlanObjective:
    id: strawberry.ID
    unit_id: strawberry.ID
    lever: PlanViewLever
    period: ObjectivePeriod
    period_start: dt.date
    target: float
    owner_function_id: strawberry.ID | None


@strawberry.type
class SetPlanObjectiveSuccess:
    objective: PlanObjective


SetPlanObjectiveResult = Annotated[
    SetPlanObjectiveSuccess | ValidationError | NotAllowedError | NotFoundError,
    strawberry.union("SetPlanObjectiveResult"),
]


async def set_plan_objective(info: Info, input: SetPlanObjectiveInput) -> SetPlanObjectiveResult:
    saved = await services.set_objective(
        scope_of(info),
        services.ObjectiveInput(
            plan_id=parse_id(input.plan_id),
            unit_id=parse_id(input.unit_id),
            lever=input.lever.value,
            period=PlanPeriod(input.period.value),
            day=input.day or dt.datetime.now(dt.UTC).date(),
            target=input.target,
            spread=input.spread,
        ),
    )
    return SetPlanObjectiveSuccess(
        objective=PlanObjective(
            id=strawberry.ID(str(saved.id)),
            unit_id=strawberry.ID(str(saved.unit_id)),
            lever=PlanViewLever(saved.lever),
            period=ObjectivePeriod(str(saved.period)),
            period_start=saved.period_start,
            target=saved.target,
            owner_function_id=strawberry.ID(str(saved.owner_function_id)) if saved.owner_function_id else None,
        )
    )
