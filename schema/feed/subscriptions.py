"""Live feed events, filtered per subscriber by audience."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from typing import Any, cast

import strawberry

from schema.context import Info
from schema.errors import query_error
from schema.feed.queries import feed_filter
from schema.feed.types import Comment, FeedEvent, FeedEventType, FeedFilter, Post
from schema.ids import parse_id
from schema.permissions import scope_of
from server.bus import get_bus
from server.errors import DomainError
from server.feed.audience import moderates, reads
from server.feed.events import (
    COMMENT_ADDED,
    COMMENT_EDITED,
    POST_CREATED,
    POST_EDITED,
    feed_channel,
)
from server.feed.reading import get_post, matches_new_post, unit_path_of
from server.feed.rows import CommentRow, PostRow
from server.network.scope import Scope

QUEUE_LIMIT = 256


def _feed_event(message: dict[str, Any], scope: Scope) -> FeedEvent:
    kind = message["type"]
    post = message.get("post")
    row: PostRow | None = None
    if post and kind in {POST_CREATED, POST_EDITED}:
        row = PostRow.from_event(post)
        row.viewer_is_author = row.author.id == scope.user_id
        row.viewer_can_moderate = moderates(scope, row.unit_path)
    comment = message.get("comment")
    comment_id = message.get("commentId")
    return FeedEvent(
        version=int(message["version"]),
        type=FeedEventType(kind),
        post_id=strawberry.ID(str(message["postId"])),
        post=cast(Post, row),
        like_count=message.get("likeCount"),
        comment_count=message.get("commentCount"),
        comment=cast(Comment, CommentRow.from_event(comment))
        if comment and kind in {COMMENT_ADDED, COMMENT_EDITED}
        else None,
        comment_id=strawberry.ID(str(comment_id)) if comment_id is not None else None,
    )


@strawberry.type
class FeedSubscription:
    @strawberry.subscription(
        description="Posts created, edited, hidden and deleted, like and comment counts and "
        "new comments, as they happen, for the posts the viewer may see; with `postId`, only "
        "that post's events (the post page); with `filter`, new posts only when they belong "
        "to the filtered feed (the same filter as `feed`)."
    )
    async def feed_events(
        self,
        info: Info,
        post_id: strawberry.ID | None = None,
        filter: FeedFilter | None = None,
    ) -> AsyncGenerator[FeedEvent, None]:
        scope = scope_of(info)
        only = parse_id(post_id) if post_id is not None else None
        if only is not None:
            try:  # a post the viewer may not read is refused, as the `post` query would
                await get_post(scope, only)
            except DomainError as error:
                raise query_error(error, info.context.language) from None
        wanted = feed_filter(filter)
        wanted_path = await unit_path_of(scope, wanted)
        filtered = filter is not None
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_LIMIT)
        # The bus numbers the organisation's events; this subscriber skips those outside its
        # audience, so it numbers what it delivers itself, and turns a gap in the bus's
        # sequence (lost events) or a full queue into a gap in its own.
        bus_version: int | None = None
        version = 0

        def receive(message: dict[str, Any]) -> None:
            nonlocal bus_version, version
            received = int(message.get("version", 0))
            if bus_version is not None and received != bus_version + 1:
                version += 1
            bus_version = received
            path = message.get("audiencePath")
            # outside the audience: never delivered, not even the id
            if not path or not reads(scope, str(path)):
                return
            if only is not None and message.get("postId") != only:
                return
            if (
                filtered
                and message.get("type") == POST_CREATED
                and not matches_new_post(wanted, message.get("post") or {}, wanted_path)
            ):
                return
            version += 1
            # a slow client loses events rather than memory; the version gap tells it
            if not queue.full():
                queue.put_nowait({**message, "version": version})

        stop = get_bus().listen(feed_channel(scope.organization_id), receive)
        try:
            while True:
                yield _feed_event(await queue.get(), scope)
        finally:
            stop()
