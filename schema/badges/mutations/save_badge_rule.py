"""createBadgeRule and updateBadgeRule: head office defines rules; past earners are backfilled."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry
from strawberry.scalars import JSON

from schema.badges.types import BadgeRule
from schema.context import Info
from schema.errors import (
    ConflictError,
    NotAllowedError,
    NotFoundError,
    ValidationError,
)
from schema.ids import parse_id
from schema.permissions import signed_in
from server.badges import rules
from server.badges.models import RuleTrigger


@strawberry.input
class CreateBadgeRuleInput:
    badge_id: strawberry.ID
    trigger: RuleTrigger
    threshold: float | None = None
    options: JSON | None = strawberry.field(default=None, description="e.g. {\"quiz_id\": 7}")


@strawberry.input
class UpdateBadgeRuleInput:
    rule_id: strawberry.ID
    threshold: float | None = None
    options: JSON | None = None
    active: bool = True


@strawberry.type
class SaveBadgeRuleSuccess:
    rule: BadgeRule
    backfilled: int = strawberry.field(description="Past earners who received the badge just now.")


SaveBadgeRuleResult = Annotated[
    SaveBadgeRuleSuccess | ValidationError | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("SaveBadgeRuleResult"),
]


def _options(raw: object) -> dict[str, object]:
    return {str(k): v for k, v in raw.items()} if isinstance(raw, dict) else {}


async def create_badge_rule(info: Info, input: CreateBadgeRuleInput) -> SaveBadgeRuleResult:
    actor = signed_in(info)
    rule, made = await rules.create_rule(
        actor, parse_id(input.badge_id), RuleTrigger(input.trigger), input.threshold, _options(input.options)
    )
    return SaveBadgeRuleSuccess(rule=cast(BadgeRule, rule), backfilled=made)


async def update_badge_rule(info: Info, input: UpdateBadgeRuleInput) -> SaveBadgeRuleResult:
    actor = signed_in(info)
    rule, made = await rules.update_rule(
        actor, parse_id(input.rule_id), input.threshold,
        _options(input.options) if input.options is not None else None, input.active,
    )
    return SaveBadgeRuleSuccess(rule=cast(BadgeRule, rule), backfilled=made)
