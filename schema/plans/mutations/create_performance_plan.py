"""createPerformancePlan: head office ties a period's levers together."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.plans.types import PerformancePlan, as_plan
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
    plan = await services.create_plan(
        scope_of(info),
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
    return CreatePerformancePlanSuccess(plan=as_plan(plan))
