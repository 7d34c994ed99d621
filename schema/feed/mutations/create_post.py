"""createPost: share a win or a best practice."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, RateLimitedError, ValidationError, to_user_error
from schema.feed.types import Post, PostKind
from schema.permissions import signed_in
from server.errors import DomainError
from server.feed import services


@strawberry.input
class CreatePostInput:
    kind: PostKind
    body: str
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="Client-chosen key (8–64 chars): sending it again returns the same post.",
    )


@strawberry.type
class CreatePostSuccess:
    post: Post


CreatePostResult = Annotated[
    CreatePostSuccess | ValidationError | NotAllowedError | RateLimitedError,
    strawberry.union("CreatePostResult"),
]


async def create_post(info: Info, input: CreatePostInput) -> CreatePostResult:
    author = signed_in(info)
    try:
        row = await services.create_post(
            author, PostKind(input.kind), input.body, input.idempotency_key
        )
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return CreatePostSuccess(post=cast(Post, row))
