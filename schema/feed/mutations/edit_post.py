"""editPost and deletePost: only the author."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.feed.mutations.create_post import content_of
from schema.feed.types import Post
from schema.ids import parse_id
from schema.permissions import scope_of
from server.feed import services


@strawberry.input(description="The new texts of a post; its kind, audience and photos stay.")
class EditPostInput:
    post_id: strawberry.ID
    body: str
    figure: str | None = None
    product: str | None = None
    context: str | None = None
    action: str | None = None
    result: str | None = None


@strawberry.type
class EditPostSuccess:
    post: Post


EditPostResult = Annotated[
    EditPostSuccess | ValidationError | NotAllowedError | NotFoundError,
    strawberry.union("EditPostResult"),
]


@strawberry.type
class DeletePostSuccess:
    post_id: strawberry.ID


DeletePostResult = Annotated[
    DeletePostSuccess | NotAllowedError | NotFoundError, strawberry.union("DeletePostResult")
]


async def edit_post(info: Info, input: EditPostInput) -> EditPostResult:
    scope = scope_of(info)
    row = await services.edit_post(scope, parse_id(input.post_id), content_of(input))
    return EditPostSuccess(post=cast(Post, row))


async def delete_post(info: Info, post_id: strawberry.ID) -> DeletePostResult:
    scope = scope_of(info)
    await services.delete_post(scope, parse_id(post_id))
    return DeletePostSuccess(post_id=post_id)
