"""GraphQL types of the feed.

Resolvers hand these types the feed's plain rows (`server.feed.rows`); the default
attribute resolvers read them directly, so no intermediate objects are built per post.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import cast

import strawberry
from strawberry.scalars import JSON

from schema.accounts.types import User
from schema.context import Info
from schema.errors import DomainErrors
from schema.texts.loaders import refs_of
from schema.texts.types import TextRefs, text_refs
from server.feed.models import PostAudience, PostKind
from server.feed.reading import FeedOrder, comment_page, encode_cursor
from server.feed.rows import PostRow
from server.texts.render import system_post_text

strawberry.enum(PostKind, name="PostKind", description="What a post is about.")
strawberry.enum(
    PostAudience,
    name="PostAudience",
    description="Who may read a post: the author's team or point of sale, region, or the whole network.",
)
strawberry.enum(FeedOrder, name="FeedOrder", description="Newest first, or the week's top posts.")


@strawberry.type(description="A photo of a post, re-encoded to WebP at two sizes.")
class PostImage:
    id: strawberry.ID
    feed_url: str = strawberry.field(description="Up to 720 px, for the feed.")
    full_url: str = strawberry.field(description="Up to 1600 px, for the full view.")
    width: int = strawberry.field(description="Width of the full rendition's source, in pixels.")
    height: int
    feed_width: int = strawberry.field(description="Size of the feed rendition, to reserve space.")
    feed_height: int


@strawberry.type(description="A comment in a post's flat thread.")
class Comment:
    id: strawberry.ID
    post_id: strawberry.ID
    body: str = strawberry.field(description="Plain text; clients must render it as text.")
    author: User
    created_at: datetime
    edited_at: datetime | None


@strawberry.type
class CommentPageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class CommentEdge:
    cursor: str
    node: Comment


@strawberry.type(description="A page of comments, oldest first.")
class CommentConnection:
    edges: list[CommentEdge]
    page_info: CommentPageInfo


@strawberry.type(description="A win, best practice, announcement or system post.")
class Post:
    id: strawberry.ID
    kind: PostKind
    author: User
    created_at: datetime
    edited_at: datetime | None = strawberry.field(description="Set once the author edits it.")
    audience: PostAudience
    figure: str | None = strawberry.field(description="A win's figure, e.g. « 3 contrats ».")
    product: str | None = strawberry.field(description="The product a win is about.")
    context: str | None = strawberry.field(description="Best practice: the situation.")
    action: str | None = strawberry.field(description="Best practice: what was done.")
    result: str | None = strawberry.field(description="Best practice: what came of it.")
    tags: list[str] = strawberry.field(description="Tags without the hash, lower case.")
    images: list[PostImage]
    like_count: int
    comment_count: int
    liked_by_me: bool = strawberry.field(description="Whether the viewer likes this post.")
    recommended_by: list[str] = strawberry.field(
        description="Names of the managers recommending it now."
    )
    recommended_unit_count: int = strawberry.field(
        description="How many units it is recommended to now."
    )
    pinned: bool = strawberry.field(description="Pinned at the top of the viewer's feed.")
    hidden_reason: str | None = strawberry.field(
        description="Why a manager hid it; only its author and moderators see hidden posts."
    )
    viewer_is_author: bool = strawberry.field(description="The viewer may edit and delete it.")
    viewer_can_moderate: bool = strawberry.field(
        description="The viewer may hide it and remove its comments."
    )

    system_kind: str | None = strawberry.field(
        description="A SYSTEM post: what happened (BADGE_AWARDED, LABEL_AWARDED, TOP_THREE_ENTERED, "
        "CHALLENGE_PODIUM, RACE_FINISHED); null for one written before kinds were kept."
    )

    @strawberry.field(description="Plain text; clients must render it as text. A SYSTEM post's "
                      "sentence, written in the viewer's language.")
    async def body(self, info: Info) -> str:
        row = cast(PostRow, self)
        if row.kind != "SYSTEM" or not row.system_kind:
            return row.body
        refs = await refs_of(info, row.system_params or {}, row.refs)
        return system_post_text(row.system_kind, row.system_params or {}, row.body, refs, info.context.language)

    @strawberry.field(
        description="A SYSTEM post's parameters: `userId`, `byId`, `badgeId`, `challengeId`, `rank`, "
        "`count`, `podium` ([{rank, userId | name | hidden}]), `reason`, `emoji`, `level`, with titles "
        "(`badge`, `challenge`) as fallbacks."
    )
    def system_params(self) -> JSON | None:
        return cast(PostRow, self).system_params  # type: ignore[return-value]

    @strawberry.field(description="The people, badges and challenges `systemParams` names, as called now.")
    async def system_refs(self, info: Info) -> TextRefs | None:
        row = cast(PostRow, self)
        if not row.system_kind:
            return None
        params = row.system_params or {}
        return text_refs(params, await refs_of(info, params, row.refs), info.context.language)

    @strawberry.field(description="The comments, oldest first.", extensions=[DomainErrors()])
    async def comments(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> CommentConnection:
        page = await comment_page(int(self.id), first, after)
        return CommentConnection(
            edges=[
                CommentEdge(cursor=encode_cursor(row.id, "comment"), node=cast(Comment, row))
                for row in page.rows
            ],
            page_info=CommentPageInfo(
                has_next_page=page.has_next_page, end_cursor=page.end_cursor
            ),
        )


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class PostEdge:
    cursor: str
    node: Post


@strawberry.type(description="A page of posts.")
class PostConnection:
    pinned: list[Post] = strawberry.field(
        description="Best practices recommended to the viewer's units, on the first page only."
    )
    edges: list[PostEdge]
    page_info: PageInfo


@strawberry.input(description="Narrow the feed; all given conditions apply.")
class FeedFilter:
    kind: PostKind | None = None
    unit_id: strawberry.ID | None = strawberry.field(
        default=None, description="Posts from this unit and the units below it."
    )
    tag: str | None = strawberry.field(default=None, description="With or without the hash.")
    author_id: strawberry.ID | None = None
    recommended_for_me: bool = strawberry.field(
        default=False, description="Only best practices recommended to the viewer's units."
    )
    within: PostAudience | None = strawberry.field(
        default=None,
        description="Posts written in the viewer's own unit (UNIT: « Mon équipe ») or its "
        "region (REGION: « Ma région »); NETWORK or null: everywhere.",
    )


@strawberry.type(description="An open report on a post, for the managers who moderate it.")
class PostReport:
    id: strawberry.ID
    reason: str
    created_at: datetime
    reporter_name: str
    post: Post
    reporter_photo_url: str | None = strawberry.field(
        default=None, description="The reporter's profile photo (a square WebP), or null: show the initials."
    )


@strawberry.enum(description="What changed in the feed.")
class FeedEventType(StrEnum):
    POST_CREATED = "POST_CREATED"
    POST_EDITED = "POST_EDITED"
    POST_HIDDEN = "POST_HIDDEN"
    POST_DELETED = "POST_DELETED"
    LIKE_COUNT_CHANGED = "LIKE_COUNT_CHANGED"
    COMMENT_ADDED = "COMMENT_ADDED"
    COMMENT_EDITED = "COMMENT_EDITED"
    COMMENT_DELETED = "COMMENT_DELETED"
    POST_REMOVED = "POST_REMOVED"


@strawberry.type(description="A live change of the feed. `version` grows by one per event of "
                 "the organisation; a gap means events were missed and the page should be refetched.")
class FeedEvent:
    version: int
    type: FeedEventType
    post_id: strawberry.ID
    post: Post | None = strawberry.field(description="The post, for POST_CREATED and POST_EDITED.")
    like_count: int | None = strawberry.field(description="The new count, for LIKE_COUNT_CHANGED.")
    comment_count: int | None = strawberry.field(description="The new count, for COMMENT_*.")
    comment: Comment | None = strawberry.field(description="The comment, for COMMENT_ADDED and COMMENT_EDITED.")
    comment_id: strawberry.ID | None = strawberry.field(description="The comment, for COMMENT_*.")
