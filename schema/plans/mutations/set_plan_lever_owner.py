"""setPlanLeverOwner: head office names the function that owns a lever of the plan."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.plans.types import PerformancePlan, as_plan
from schema.plans.view_types import PlanViewLever
from server.plans import objective_services as services


@strawberry.input
class SetPlanLeverOwnerInput:
    plan_id: strawberry.ID
    lever: PlanViewLever
    function_id: strawberry.ID | None = strawberry.field(default=None, description="Null: nobody owns it.")


@strawberry.type
class SetPlanLeverOwnerSuccess:
    plan: PerformancePlan


SetPlanLeverOwnerResult = Annotated[
    SetPlanLeverOwnerSuccess | ValidationError | NotAllowedError | NotFoundError,
    strawberry.union("SetPlanLeverOwnerResult"),
]


async def set_plan_lever_owner(info: Info, input: SetPlanLeverOwnerInput) -> SetPlanLeverOwnerResult:
    plan = await services.set_lever_owner(
        scope_of(info), parse_id(input.plan_id), input.lever.value,
        parse_id(input.function_id) if input.function_id is not None else None,
    )
    return SetPlanLeverOwnerSuccess(plan=as_plan(plan))
