"""Reading the feed."""

from __future__ import annotations

from typing import cast

import strawberry

from schema.accounts.types import User
from schema.context import Info
from schema.errors import DomainErrors
from schema.feed.types import (
    FeedFilter,
    FeedOrder,
    PageInfo,
    Post,
    PostConnection,
    PostEdge,
    PostReport,
)
from schema.ids import parse_id
from schema.permissions import scope_of
from server.feed import moderation, services, suggestions
from server.feed.errors import PostNotFound


def feed_filter(value: FeedFilter | None) -> services.FeedFilter:
    if value is None:
        return services.FeedFilter()
    return services.FeedFilter(
        kind=value.kind,
        unit_id=parse_id(value.unit_id) if value.unit_id is not None else None,
        tag=value.tag,
        author_id=parse_id(value.author_id) if value.author_id is not None else None,
        recommended_for_me=value.recommended_for_me,
        within=None if value.within == services.PostAudience.NETWORK else value.within,
    )


@strawberry.type
class FeedQuery:
    @strawberry.field(
        description="Posts the viewer may see (Relay-style): newest first or the week's top; "
        "filters by kind, unit subtree, tag, author or recommended for me.",
        extensions=[DomainErrors()],
    )
    async def feed(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: FeedFilter | None = None,
        order: FeedOrder = FeedOrder.NEWEST,
    ) -> PostConnection:
        page = await services.feed_page(scope_of(info), first, after, feed_filter(filter), order)
        return PostConnection(
            pinned=cast(list[Post], page.pinned),
            edges=[
                PostEdge(cursor=cursor, node=cast(Post, row))
                for cursor, row in zip(page.cursors, page.rows, strict=True)
            ],
            page_info=PageInfo(has_next_page=page.has_next_page, end_cursor=page.end_cursor),
        )

    @strawberry.field(
        description="One post, or null when it doesn't exist or isn't visible.",
        extensions=[DomainErrors()],
    )
    async def post(self, info: Info, id: strawberry.ID) -> Post | None:
        try:
            return cast(Post, await services.get_post(scope_of(info), parse_id(id)))
        except PostNotFound:
            return None

    @strawberry.field(
        description="Open reports on posts of the viewer's scope (managers and admins).",
        extensions=[DomainErrors()],
    )
    async def post_reports(self, info: Info) -> list[PostReport]:
        return cast(list[PostReport], await moderation.open_reports(scope_of(info)))

    @strawberry.field(description="Colleagues whose name starts like `search`, for @mentions.")
    async def mention_suggestions(self, info: Info, search: str) -> list[User]:
        return cast(list[User], await suggestions.colleagues(scope_of(info), search))

    @strawberry.field(description="Tags of the posts the viewer may see that start with `prefix`, most used first.")
    async def tag_suggestions(self, info: Info, prefix: str = "") -> list[str]:
        return await suggestions.tags(scope_of(info), prefix)
