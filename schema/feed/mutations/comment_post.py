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
)
from schema.feed.types import Comment, Post
from schema.ids import parse_id
from schema.permissions import scope_of
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
    scope = scope_of(info)
    comment, post = await comments.add_comment(
        scope, parse_id(input.post_id), input.body, input.idempotency_key
    )
    return AddCommentSuccess(comment=cast(Comment, comment), post=cast(Post, post))


async def edit_comment(info: Info, comment_id: strawberry.ID, body: str) -> EditCommentResult:
    scope = scope_of(info)
    comment = await comments.edit_comment(scope, parse_id(comment_id), body)
    return EditCommentSuccess(comment=cast(Comment, comment))


async def delete_comment(info: Info, comment_id: strawberry.ID) -> DeleteCommentResult:
    scope = scope_of(info)
    post = await comments.delete_comment(scope, parse_id(comment_id))
    return DeleteCommentSuccess(post=cast(Post, post))
