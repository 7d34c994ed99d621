"""GraphQL types of the feed.

Resolvers hand these types the feed's plain rows (`server.feed.rows`); the default
attribute resolvers read them directly, so no intermediate objects are built per post.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from schema.accounts.types import User
from server.feed.models import PostKind

strawberry.enum(PostKind, name="PostKind", description="What a post is about.")


@strawberry.type(description="A win, best practice, announcement or system post.")
class Post:
    id: strawberry.ID
    kind: PostKind
    body: str = strawberry.field(description="Plain text; clients must render it as text.")
    author: User
    created_at: datetime
    like_count: int
    comment_count: int
    liked_by_me: bool = strawberry.field(description="Whether the viewer likes this post.")


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class PostEdge:
    cursor: str
    node: Post


@strawberry.type(description="A page of posts, newest first.")
class PostConnection:
    edges: list[PostEdge]
    page_info: PageInfo


@strawberry.enum(description="What changed in the feed.")
class FeedEventType(StrEnum):
    POST_CREATED = "POST_CREATED"
    LIKE_COUNT_CHANGED = "LIKE_COUNT_CHANGED"
    POST_REMOVED = "POST_REMOVED"


@strawberry.type(description="A live change of the feed. `version` grows by one per event of "
                 "the organisation; a gap means events were missed and the page should be refetched.")
class FeedEvent:
    version: int
    type: FeedEventType
    post_id: strawberry.ID
    post: Post | None = strawberry.field(description="The new post, for POST_CREATED.")
    like_count: int | None = strawberry.field(description="The new count, for LIKE_COUNT_CHANGED.")
