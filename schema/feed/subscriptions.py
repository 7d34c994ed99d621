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
from server.feed.services import FeedFilter as FeedFilterRule
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


class FeedFollower:
    """One subscriber's view of its organisation's feed events: which it receives (its
    audience, its post, its filter) and the version it numbers them with. The rule the
    subscription applies, whether it runs on its own (below) or shares an execution with the
    subscribers of the same document (schema.fanout.FeedHub)."""

    def __init__(self, scope: Scope, only: int | None, wanted: FeedFilterRule, wanted_path: str | None,
                 filtered: bool) -> None:
        self.scope = scope
        self.only = only
        self.wanted = wanted
        self.wanted_path = wanted_path
        self.filtered = filtered
        # The bus numbers the organisation's events; this subscriber skips those outside its
        # audience, so it numbers what it delivers itself, and turns a gap in the bus's
        # sequence (lost events) or a full queue into a gap in its own.
        self.bus_version: int | None = None
        self.version = 0

    @classmethod
    async def create(cls, info_language: str, scope: Scope, post_id: strawberry.ID | None,
                     filter: FeedFilter | None) -> FeedFollower:
        only = parse_id(post_id) if post_id is not None else None
        if only is not None:
            try:  # a post the viewer may not read is refused, as the `post` query would
                await get_post(scope, only)
            except DomainError as error:
                raise query_error(error, info_language) from None
        wanted = feed_filter(filter)
        return cls(scope, only, wanted, await unit_path_of(scope, wanted), filter is not None)

    @property
    def channel(self) -> str:
        return feed_channel(self.scope.organization_id)

    def accept(self, message: dict[str, Any]) -> int | None:
        """The version this subscriber gives the message, or None when it is not for it."""
        received = int(message.get("version", 0))
        if self.bus_version is not None and received != self.bus_version + 1:
            self.version += 1
        self.bus_version = received
        path = message.get("audiencePath")
        # outside the audience: never delivered, not even the id
        if not path or not reads(self.scope, str(path)):
            return None
        if self.only is not None and message.get("postId") != self.only:
            return None
        if (
            self.filtered
            and message.get("type") == POST_CREATED
            and not matches_new_post(self.wanted, message.get("post") or {}, self.wanted_path)
        ):
            return None
        self.version += 1
        return self.version


    def variant(self, message: dict[str, Any]) -> tuple[bool, bool]:
        """What of the event depends on this viewer: whether it wrote the post and whether it
        moderates it (only posts carry them)."""
        post = message.get("post")
        if not post or message.get("type") not in {POST_CREATED, POST_EDITED}:
            return (False, False)
        return (post.get("author", {}).get("id") == self.scope.user_id,
                moderates(self.scope, str(post.get("unitPath") or "")))

    def event(self, message: dict[str, Any], version: int) -> FeedEvent:
        return _feed_event({**message, "version": version}, self.scope)


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
        # A socket shares this execution with the subscribers of the same document
        # (schema.fanout.FeedHub); this is the subscription run on its own (SSE, tests).
        follower = await FeedFollower.create(info.context.language, scope_of(info), post_id, filter)
        queue: asyncio.Queue[tuple[dict[str, Any], int]] = asyncio.Queue(QUEUE_LIMIT)

        def receive(message: dict[str, Any]) -> None:
            version = follower.accept(message)
            if version is None:
                return
            # a slow client loses events rather than memory; the version gap tells it
            if queue.full():
                return
            queue.put_nowait((message, version))

        stop = get_bus().listen(follower.channel, receive)
        try:
            while True:
                message, version = await queue.get()
                yield follower.event(message, version)
        finally:
            stop()
