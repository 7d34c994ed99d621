"""Reading the feed."""

from __future__ import annotations

from typing import cast

import strawberry
from graphql import GraphQLError

from schema.context import Info
from schema.feed.types import PageInfo, Post, PostConnection, PostEdge
from schema.ids import parse_id
from schema.permissions import signed_in
from server.errors import DomainError
from server.feed import services
from server.feed.errors import PostNotFound


@strawberry.type
class FeedQuery:
    @strawberry.field(description="Posts of the viewer's network, newest first (Relay-style).")
    async def feed(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> PostConnection:
        viewer = signed_in(info)
        try:
            page = await services.feed_page(viewer, first, after)
        except DomainError as error:
            raise GraphQLError(
                error.message(info.context.language), extensions={"code": "BAD_USER_INPUT"}
            ) from error
        edges = [
            PostEdge(cursor=services.encode_cursor(row.id), node=cast(Post, row))
            for row in page.rows
        ]
        return PostConnection(
            edges=edges,
            page_info=PageInfo(has_next_page=page.has_next_page, end_cursor=page.end_cursor),
        )

    @strawberry.field(description="One post, or null when it doesn't exist or isn't visible.")
    async def post(self, info: Info, id: strawberry.ID) -> Post | None:
        viewer = signed_in(info)
        try:
            return cast(Post, await services.get_post(viewer, parse_id(id)))
        except PostNotFound:
            return None
