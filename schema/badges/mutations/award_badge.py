"""awardBadge: a manager awards a badge to one or several people of its scope."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.badges.types import Award
from schema.context import Info
from schema.errors import (
    ConflictError,
    NotAllowedError,
    NotFoundError,
    ValidationError,
)
from schema.ids import parse_id
from schema.permissions import scope_of
from server.badges import awarding, reading


@strawberry.type
class AwardBadgeSuccess:
    awards: list[Award] = strawberry.field(description="The awards made, one per person.")
    already_held_user_ids: list[strawberry.ID] = strawberry.field(
        description="People who already hold this non-repeatable badge (nothing changed for them)."
    )


AwardBadgeResult = Annotated[
    AwardBadgeSuccess | ValidationError | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("AwardBadgeResult"),
]


async def award_badge(
    info: Info,
    badge_id: strawberry.ID,
    user_ids: list[strawberry.ID],
    reason: str,
    post_id: strawberry.ID | None = None,
    level: str | None = None,
) -> AwardBadgeResult:
    actor = scope_of(info)
    outcome = await awarding.award_badge(
        actor,
        parse_id(badge_id),
        [parse_id(u) for u in user_ids],
        reason,
        parse_id(post_id) if post_id is not None else None,
        level,
    )
    rows = await reading.award_rows(id__in=[a.id for a in outcome.awards]) if outcome.awards else []
    return AwardBadgeSuccess(
        awards=cast(list[Award], rows),
        already_held_user_ids=[strawberry.ID(str(i)) for i in outcome.already_held],
    )
