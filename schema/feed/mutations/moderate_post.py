"""hidePost (managers of the post's scope) and reportPost (anyone who sees it)."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.feed.types import Post
from schema.ids import parse_id
from schema.permissions import scope_of
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
    scope = scope_of(info)
    row = await moderation.hide_post(scope, parse_id(post_id), reason)
    return HidePostSuccess(post=cast(Post, row))


async def report_post(info: Info, post_id: strawberry.ID, reason: str) -> ReportPostResult:
    scope = scope_of(info)
    await moderation.report_post(scope, parse_id(post_id), reason)
    return ReportPostSuccess(post_id=post_id)
