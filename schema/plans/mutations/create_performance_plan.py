"""createPerformancePlan: head office ties a period's levers together."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, ValidationError, to_user_error
from schema.ids import parse_id
from schema.permissions import signed_in
from schema.plans.types import PerformancePlan, as_plan
from server.errors import DomainError
from server.plans import services


@strawberry.input
class CreatePerformancePlanInput:
    name: str
    starts_on: dt.date
    ends_on: dt.date
    module_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    quiz_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    challenge_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    badge_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    training_completion_target: float = 80
    quiz_average_target: float = 70
    satisfaction_index_target: float = 80


@strawberry.type
class CreatePerformancePlanSuccess:
    plan: PerformancePlan


CreatePerformancePlanResult = Annotated[
    CreatePerformancePlanSuccess | ValidationError | NotAllowedError,
    strawberry.union("CreatePerformancePlanResult"),
]


async def create_performance_plan(info: Info, input: CreatePerformancePlanInput) -> CreatePerformancePlanResult:
    viewer = signed_in(info)
    try:
        plan = await services.create_plan(
            viewer,
            services.PlanInput(
                name=input.name,
                starts_on=input.starts_on,
                ends_on=input.ends_on,
                module_ids=[parse_id(i) for i in input.module_ids],
                quiz_ids=[parse_id(i) for i in input.quiz_ids],
                challenge_ids=[parse_id(i) for i in input.challenge_ids],
                badge_ids=[parse_id(i) for i in input.badge_ids],
                training_completion_target=input.training_completion_target,
                quiz_average_target=input.quiz_average_target,
                satisfaction_index_target=input.satisfaction_index_target,
            ),
        )
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return CreatePerformancePlanSuccess(plan=as_plan(plan))
