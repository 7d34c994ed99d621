"""retireBadge: head office stops a badge from being awarded; awards given stay visible."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.badges.types import Badge
from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError
from schema.ids import parse_id
from schema.permissions import signed_in
from server.badges import catalogue
from server.badges.rows import BadgeRow


@strawberry.type
class RetireBadgeSuccess:
    badge: Badge


RetireBadgeResult = Annotated[
    RetireBadgeSuccess | NotAllowedError | NotFoundError, strawberry.union("RetireBadgeResult")
]


async def retire_badge(info: Info, badge_id: strawberry.ID) -> RetireBadgeResult:
    actor = signed_in(info)
    badge = await catalogue.retire_badge(actor, parse_id(badge_id))
    return RetireBadgeSuccess(badge=cast(Badge, BadgeRow.of(badge)))
