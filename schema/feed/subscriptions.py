"""Live feed events."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from typing import Any, cast

import strawberry

from schema.context import Info
from schema.feed.types import FeedEvent, FeedEventType, Post
from schema.permissions import signed_in
from server.bus import get_bus
from server.feed.events import POST_CREATED, feed_channel
from server.feed.rows import PostRow

QUEUE_LIMIT = 256


def _feed_event(message: dict[str, Any]) -> FeedEvent:
    post = message.get("post")
    return FeedEvent(
        version=int(message["version"]),
        type=FeedEventType(message["type"]),
        post_id=strawberry.ID(str(message["postId"])),
        post=cast(Post, PostRow.from_event(post)) if post and message["type"] == POST_CREATED else None,
        like_count=message.get("likeCount"),
    )


@strawberry.type
class FeedSubscription:
    @strawberry.subscription(description="Posts created and like counts changed, as they happen.")
    async def feed_events(self, info: Info) -> AsyncGenerator[FeedEvent, None]:
        viewer = signed_in(info)
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_LIMIT)

        def receive(message: dict[str, Any]) -> None:
            # a slow client loses events rather than memory; the version gap tells it
            if not queue.full():
                queue.put_nowait(message)

        stop = get_bus().listen(feed_channel(viewer.organization_id), receive)
        try:
            while True:
                yield _feed_event(await queue.get())
        finally:
            stop()
