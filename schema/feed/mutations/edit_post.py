"""editPost and deletePost: only the author."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError, to_user_error
from schema.feed.mutations.create_post import content_of
from schema.feed.types import Post
from schema.ids import parse_id
from schema.permissions import signed_in
from server.errors import DomainError
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
    author = signed_in(info)
    try:
        row = await services.edit_post(author, parse_id(input.post_id), content_of(input))
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return EditPostSuccess(post=cast(Post, row))


async def delete_post(info: Info, post_id: strawberry.ID) -> DeletePostResult:
    author = signed_in(info)
    try:
        await services.delete_post(author, parse_id(post_id))
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return DeletePostSuccess(post_id=post_id)
