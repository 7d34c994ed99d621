"""addComment, editComment, deleteComment."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.context import Info
from schema.errors import (
    NotAllowedError,
    NotFoundError,
    RateLimitedError,
    ValidationError,
    to_user_error,
)
from schema.feed.types import Comment, Post
from schema.ids import parse_id
from schema.permissions import signed_in
from server.errors import DomainError
from server.feed import comments


@strawberry.input
class AddCommentInput:
    post_id: strawberry.ID
    body: str
    idempotency_key: str | None = strawberry.field(
        default=None, description="Client-chosen key (8–64 chars): sending it again adds nothing."
    )


@strawberry.type
class AddCommentSuccess:
    comment: Comment
    post: Post


AddCommentResult = Annotated[
    AddCommentSuccess | ValidationError | NotFoundError | RateLimitedError,
    strawberry.union("AddCommentResult"),
]


@strawberry.type
class EditCommentSuccess:
    comment: Comment


EditCommentResult = Annotated[
    EditCommentSuccess | ValidationError | NotAllowedError | NotFoundError,
    strawberry.union("EditCommentResult"),
]


@strawberry.type
class DeleteCommentSuccess:
    post: Post


DeleteCommentResult = Annotated[
    DeleteCommentSuccess | NotAllowedError | NotFoundError, strawberry.union("DeleteCommentResult")
]


async def add_comment(info: Info, input: AddCommentInput) -> AddCommentResult:
    viewer = signed_in(info)
    try:
        comment, post = await comments.add_comment(
            viewer, parse_id(input.post_id), input.body, input.idempotency_key
        )
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return AddCommentSuccess(comment=cast(Comment, comment), post=cast(Post, post))


async def edit_comment(info: Info, comment_id: strawberry.ID, body: str) -> EditCommentResult:
    viewer = signed_in(info)
    try:
        comment = await comments.edit_comment(viewer, parse_id(comment_id), body)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return EditCommentSuccess(comment=cast(Comment, comment))


async def delete_comment(info: Info, comment_id: strawberry.ID) -> DeleteCommentResult:
    viewer = signed_in(info)
    try:
        post = await comments.delete_comment(viewer, parse_id(comment_id))
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return DeleteCommentSuccess(post=cast(Post, post))
