"""recommendPost: a manager pins a best practice at the top of units' feeds."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.feed.types import Post
from schema.ids import parse_id
from schema.permissions import scope_of
from server.feed import recommendations


@strawberry.input
class RecommendPostInput:
    post_id: strawberry.ID
    unit_ids: list[strawberry.ID] = strawberry.field(
        description="Units of the manager's scope; their people and the units below see it pinned."
    )
    days: int = strawberry.field(default=14, description="How long it stays pinned (1–90).")


@strawberry.type
class RecommendPostSuccess:
    post: Post


RecommendPostResult = Annotated[
    RecommendPostSuccess | ValidationError | NotAllowedError | NotFoundError,
    strawberry.union("RecommendPostResult"),
]


async def recommend_post(info: Info, input: RecommendPostInput) -> RecommendPostResult:
    scope = scope_of(info)
    row = await recommendations.recommend_post(
        scope, parse_id(input.post_id), [parse_id(u) for u in input.unit_ids], input.days
    )
    return RecommendPostSuccess(post=cast(Post, row))
