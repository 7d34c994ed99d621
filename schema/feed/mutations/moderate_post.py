"""hidePost (managers of the post's scope) and reportPost (anyone who sees it)."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError, to_user_error
from schema.feed.types import Post
from schema.ids import parse_id
from schema.permissions import signed_in
from server.errors import DomainError
from server.feed import moderation


@strawberry.type
class HidePostSuccess:
    post: Post


HidePostResult = Annotated[
    HidePostSuccess | ValidationError | NotAllowedError | NotFoundError,
    strawberry.union("HidePostResult"),
]


@strawberry.type
class ReportPostSuccess:
    post_id: strawberry.ID


ReportPostResult = Annotated[
    ReportPostSuccess | ValidationError | NotFoundError, strawberry.union("ReportPostResult")
]


async def hide_post(info: Info, post_id: strawberry.ID, reason: str) -> HidePostResult:
    viewer = signed_in(info)
    try:
        row = await moderation.hide_post(viewer, parse_id(post_id), reason)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return HidePostSuccess(post=cast(Post, row))


async def report_post(info: Info, post_id: strawberry.ID, reason: str) -> ReportPostResult:
    viewer = signed_in(info)
    try:
        await moderation.report_post(viewer, parse_id(post_id), reason)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return ReportPostSuccess(post_id=post_id)
