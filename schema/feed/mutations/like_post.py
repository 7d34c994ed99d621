"""likePost and unlikePost: both idempotent."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.context import Info
from schema.errors import NotFoundError, RateLimitedError
from schema.feed.types import Post
from schema.ids import parse_id
from schema.permissions import scope_of
from server.feed import services


@strawberry.type
class LikePostSuccess:
    post: Post


LikePostResult = Annotated[
    LikePostSuccess | NotFoundError | RateLimitedError, strawberry.union("LikePostResult")
]



async def like_post(info: Info, post_id: strawberry.ID) -> LikePostResult:
    scope = scope_of(info)
    row = await services.like_post(scope, parse_id(post_id))
    return LikePostSuccess(post=cast(Post, row))


async def unlike_post(info: Info, post_id: strawberry.ID) -> LikePostResult:
    scope = scope_of(info)
    row = await services.unlike_post(scope, parse_id(post_id))
    return LikePostSuccess(post=cast(Post, row))
