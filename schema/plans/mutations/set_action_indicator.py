"""setActionIndicator: an action plan, challenge or training campaign targets another indicator."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.plans.review import ImprovementEffect, as_effect
from schema.plans.view_types import PlanViewLever
from server.plans import action_indicator


@strawberry.input(description="The indicator an action of the plan's review targets.")
class SetActionIndicatorInput:
    action_id: strawberry.ID = strawberry.field(description="The action's id in the review (ImprovementEffect.id).")
    indicator: PlanViewLever


@strawberry.type
class SetActionIndicatorSuccess:
    effect: ImprovementEffect = strawberry.field(description="Its effect on the new indicator, the baseline computed again.")


SetActionIndicatorResult = Annotated[
    SetActionIndicatorSuccess | ValidationError | NotAllowedError | NotFoundError,
    strawberry.union("SetActionIndicatorResult"),
]


async def set_action_indicator(info: Info, input: SetActionIndicatorInput) -> SetActionIndicatorResult:
    effect = await action_indicator.set_action_indicator(
        scope_of(info), parse_id(input.action_id), input.indicator.value, dt.datetime.now(dt.UTC).date()
    )
    return SetActionIndicatorSuccess(effect=as_effect(effect, True))
