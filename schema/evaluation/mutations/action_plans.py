"""Action plan mutations: create, add and update items, comment, open or close."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotFoundError, ValidationError
from schema.evaluation.types import ActionItemStatus, ActionPlan, ActionPlanStatus, as_plan
from schema.ids import parse_id
from schema.permissions import scope_of
from server.evaluation import action_plans


@strawberry.type
class ActionPlanSuccess:
    plan: ActionPlan


ActionPlanResult = Annotated[
    ActionPlanSuccess | ValidationError | NotFoundError, strawberry.union("ActionPlanResult")
]


def _opt(value: strawberry.ID | None) -> int | None:
    return parse_id(value) if value is not None else None


@strawberry.input
class CreateActionPlanInput:
    unit_id: strawberry.ID = strawberry.field(description="The point of sale.")
    title: str
    survey_id: strawberry.ID | None = None
    visit_id: strawberry.ID | None = None
    assessment_id: strawberry.ID | None = None


async def create_action_plan(info: Info, input: CreateActionPlanInput) -> ActionPlanResult:
    row = await action_plans.create_plan(
        scope_of(info), parse_id(input.unit_id), input.title, _opt(input.survey_id), _opt(input.visit_id), _opt(input.assessment_id)
    )
    return ActionPlanSuccess(plan=as_plan(row))


@strawberry.input
class AddActionItemInput:
    plan_id: strawberry.ID
    what: str
    owner_id: strawberry.ID | None = None
    due_on: dt.date | None = None


async def add_action_item(info: Info, input: AddActionItemInput) -> ActionPlanResult:
    row = await action_plans.add_item(scope_of(info), parse_id(input.plan_id), input.what, _opt(input.owner_id), input.due_on)
    return ActionPlanSuccess(plan=as_plan(row))


@strawberry.input(description="Only the fields given change.")
class UpdateActionItemInput:
    item_id: strawberry.ID
    what: str | None = None
    status: ActionItemStatus | None = None
    owner_id: strawberry.ID | None = None
    clear_owner: bool = False
    due_on: dt.date | None = None


async def update_action_item(info: Info, input: UpdateActionItemInput) -> ActionPlanResult:
    row = await action_plans.update_item(
        scope_of(info),
        parse_id(input.item_id),
        what=input.what,
        status=input.status,
        owner_id=_opt(input.owner_id),
        clear_owner=input.clear_owner,
        due_on=input.due_on,
    )
    return ActionPlanSuccess(plan=as_plan(row))


async def comment_action_plan(info: Info, plan_id: strawberry.ID, body: str) -> ActionPlanResult:
    row = await action_plans.comment_plan(scope_of(info), parse_id(plan_id), body)
    return ActionPlanSuccess(plan=as_plan(row))


async def set_action_plan_status(info: Info, plan_id: strawberry.ID, status: ActionPlanStatus) -> ActionPlanResult:
    row = await action_plans.set_plan_status(scope_of(info), parse_id(plan_id), status)
    return ActionPlanSuccess(plan=as_plan(row))
