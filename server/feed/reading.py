"""Reading the feed: pages with filters and orderings, one post, its comments.

A page costs the same handful of queries whatever its size: the posts with their authors
in one joined query, then likes, images, tags and recommendations for all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from server import cursors
from server.errors import ValidationFailed
from server.feed import page_query
from server.feed.audience import audience_unit_id, moderates, readable, reads_hidden
from server.feed.errors import PostNotFound
from server.feed.models import (
    Comment,
    Like,
    Post,
    PostAudience,
    PostImage,
    PostKind,
    PostTag,
    Recommendation,
)
from server.feed.rows import (
    AUTHOR_COLUMNS,
    POST_COLUMNS,
    CommentRow,
    ImageRow,
    PostRow,
    author_row,
    post_row,
)
from server.media.storage import media_url
from server.network.models import Unit
from server.network.scope import Scope

PAGE_MAX = 50


class FeedOrder(StrEnum):
    NEWEST = "NEWEST"
    TOP_OF_WEEK = "TOP_OF_WEEK"


@dataclass(slots=True)
class FeedFilter:
    kind: PostKind | None = None
    unit_id: int | None = None  # posts from this unit and below
    tag: str | None = None
    author_id: int | None = None
    recommended_for_me: bool = False
    within: PostAudience | None = None  # posts from the viewer's own unit, or its region


async def unit_path_of(scope: Scope, filter: FeedFilter) -> str | None:
    """The subtree the filter keeps posts from (by where their author posted), if any.
    An unknown unit or one of another organisation keeps nothing ("-" matches no path)."""
    path: str | None = None
    if filter.unit_id is not None:
        paths = await Unit.filter(
            id=filter.unit_id, organization_id=scope.organization_id
        ).values_list("path", flat=True)
        path = str(paths[0]) if paths else "-"
    if filter.within in (PostAudience.UNIT, PostAudience.REGION):
        mine = scope.unit_path
        if filter.within == PostAudience.REGION:
            region_id = await audience_unit_id(scope, filter.within)
            paths = await Unit.filter(id=region_id).values_list("path", flat=True)
            mine = str(paths[0]) if paths else "-"
        # both given: the narrower one, or nothing when they don't overlap
        if path is None or mine.startswith(path):
            path = mine
        elif not path.startswith(mine):
            path = "-"
    return path


def matches_new_post(filter: FeedFilter, post: dict[str, object], unit_path: str | None) -> bool:
    """Whether a post announced live (its event payload) belongs to the filtered feed. A new
    post is never recommended yet."""
    if filter.recommended_for_me:
        return False
    if filter.kind is not None and post.get("kind") != filter.kind.value:
        return False
    author = post.get("author")
    if filter.author_id is not None and (
        not isinstance(author, dict) or author.get("id") != filter.author_id
    ):
        return False
    tags = post.get("tags")
    if filter.tag and (not isinstance(tags, list) or normalize_tag(filter.tag) not in tags):
        return False
    return unit_path is None or str(post.get("unitPath", "")).startswith(unit_path)


@dataclass(slots=True)
class FeedPage:
    rows: list[PostRow]
    has_next_page: bool
    cursors: list[str]
    pinned: list[PostRow] = field(default_factory=list)

    @property
    def end_cursor(self) -> str | None:
        return self.cursors[-1] if self.cursors else None


def encode_cursor(post_id: int, prefix: str = "post") -> str:
    return cursors.encode_cursor(post_id, prefix)


def decode_cursor(cursor: str, prefix: str = "post") -> int:
    return cursors.decode_cursor(cursor, prefix)


def normalize_tag(tag: str) -> str:
    return tag.strip().lstrip("#").lower()


async def feed_page(
    scope: Scope,
    first: int = 20,
    after: str | None = None,
    filter: FeedFilter | None = None,
    order: FeedOrder = FeedOrder.NEWEST,
) -> FeedPage:
    """Newest first with a keyset cursor (inserts never shift a page), or the week's top
    posts (server.feed.page_query). The first page also carries the posts recommended to the
    viewer's units, pinned above the rest. One statement, two on an unfiltered first page."""
    if not 1 <= first <= PAGE_MAX:
        raise ValidationFailed("page_size_invalid", "first", max=PAGE_MAX)
    filter = filter or FeedFilter()
    if order == FeedOrder.TOP_OF_WEEK:
        found = await page_query.top_of_week(
            scope, filter, first, decode_cursor(after, "top") if after else None
        )
        cursors = [encode_cursor(row.id, "top") for row in found.rows]
    else:
        found = await page_query.newest(
            scope,
            filter,
            first,
            decode_cursor(after) if after is not None else None,
            with_pinned=after is None and filter == FeedFilter(),
        )
        cursors = [encode_cursor(row.id) for row in found.rows]
    return FeedPage(rows=found.rows, has_next_page=found.has_next_page, cursors=cursors, pinned=found.pinned)


async def enrich(scope: Scope, rows: list[PostRow]) -> list[PostRow]:
    """Everything a card shows besides the post itself, for all rows in four queries."""
    if not rows:
        return rows
    ids = list({row.id for row in rows})
    liked = set(
        await Like.filter(user_id=scope.user_id, post_id__in=ids).values_list("post_id", flat=True)
    )
    images: dict[int, list[ImageRow]] = {}
    for image in (
        await PostImage.filter(post_id__in=ids)
        .order_by("position")
        .values(
            "post_id",
            "media_id",
            "media__key",
            "media__width",
            "media__height",
            "media__feed_width",
            "media__feed_height",
        )
    ):
        images.setdefault(image["post_id"], []).append(image_row(image))
    tags: dict[int, list[str]] = {}
    for tag in await PostTag.filter(post_id__in=ids).order_by("id").values("post_id", "tag"):
        tags.setdefault(tag["post_id"], []).append(tag["tag"])
    recommended: dict[int, tuple[list[str], set[int]]] = {}
    for rec in (
        await Recommendation.filter(post_id__in=ids, ends_at__gt=datetime.now(UTC))
        .order_by("id")
        .values("post_id", "unit_id", "recommended_by__display_name")
    ):
        names, units = recommended.setdefault(rec["post_id"], ([], set()))
        if rec["recommended_by__display_name"] not in names:
            names.append(rec["recommended_by__display_name"])
        units.add(rec["unit_id"])
    for row in rows:
        row.liked_by_me = row.id in liked
        row.images = images.get(row.id, [])
        row.tags = tags.get(row.id, [])
        names, units = recommended.get(row.id, ([], set()))
        row.recommended_by = names
        row.recommended_unit_count = len(units)
        row.viewer_is_author = row.author.id == scope.user_id
        row.viewer_can_moderate = moderates(scope, row.unit_path)
    return rows


def image_row(values: dict[str, object]) -> ImageRow:
    key = str(values["media__key"])
    return ImageRow(
        id=int(values["media_id"]),  # type: ignore[call-overload]
        feed_url=media_url(key, "feed"),
        full_url=media_url(key, "full"),
        width=int(values["media__width"]),  # type: ignore[call-overload]
        height=int(values["media__height"]),  # type: ignore[call-overload]
        feed_width=int(values["media__feed_width"]),  # type: ignore[call-overload]
        feed_height=int(values["media__feed_height"]),  # type: ignore[call-overload]
    )


async def get_post(scope: Scope, post_id: int) -> PostRow:
    """A visible post; a hidden one only for its author and the managers who moderate it."""
    values = await Post.filter(readable(scope), id=post_id).values(*POST_COLUMNS)
    if not values:
        raise PostNotFound("postId")
    row = post_row(values[0])
    if row.hidden_at is not None and not reads_hidden(scope, row.author.id, row.unit_path):
        raise PostNotFound("postId")
    return (await enrich(scope, [row]))[0]


COMMENT_COLUMNS = (
    "id",
    "post_id",
    "body",
    "created_at",
    "edited_at",
    *AUTHOR_COLUMNS,
)


def comment_row(values: dict[str, object]) -> CommentRow:
    return CommentRow(
        id=int(values["id"]),  # type: ignore[call-overload]
        post_id=int(values["post_id"]),  # type: ignore[call-overload]
        body=str(values["body"]),
        created_at=values["created_at"],  # type: ignore[arg-type]
        edited_at=values["edited_at"],  # type: ignore[arg-type]
        author=author_row(values),
    )


@dataclass(slots=True)
class CommentPage:
    rows: list[CommentRow]
    has_next_page: bool

    @property
    def end_cursor(self) -> str | None:
        return encode_cursor(self.rows[-1].id, "comment") if self.rows else None


async def comment_page(post_id: int, first: int = 20, after: str | None = None) -> CommentPage:
    """Oldest first, as a conversation reads; the caller has checked the post is visible."""
    if not 1 <= first <= PAGE_MAX:
        raise ValidationFailed("page_size_invalid", "first", max=PAGE_MAX)
    query = Comment.filter(post_id=post_id)
    if after is not None:
        query = query.filter(id__gt=decode_cursor(after, "comment"))
    values = await query.order_by("id").limit(first + 1).values(*COMMENT_COLUMNS)
    return CommentPage(
        rows=[comment_row(v) for v in values[:first]], has_next_page=len(values) > first
    )
