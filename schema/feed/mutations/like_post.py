"""likePost and unlikePost: both idempotent."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.context import Info
from schema.errors import NotFoundError, RateLimitedError, to_user_error
from schema.feed.types import Post
from schema.ids import parse_id
from schema.permissions import signed_in
from server.errors import DomainError
from server.feed import services


@strawberry.type
class LikePostSuccess:
    post: Post


LikePostResult = Annotated[
    LikePostSuccess | NotFoundError | RateLimitedError, strawberry.union("LikePostResult")
]



async def like_post(info: Info, post_id: strawberry.ID) -> LikePostResult:
    viewer = signed_in(info)
    try:
        row = await services.like_post(viewer, parse_id(post_id))
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return LikePostSuccess(post=cast(Post, row))


async def unlike_post(info: Info, post_id: strawberry.ID) -> LikePostResult:
    viewer = signed_in(info)
    try:
        row = await services.unlike_post(viewer, parse_id(post_id))
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return LikePostSuccess(post=cast(Post, row))
