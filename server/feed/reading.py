"""Reading the feed: pages with filters and orderings, one post, its comments.

A page costs the same handful of queries whatever its size: the posts with their authors
in one joined query, then likes, images, tags and recommendations for all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from server import cursors
from server.accounts.models import User
from server.errors import ValidationFailed
from server.feed.audience import Scope, audience_unit_id, viewer_scope
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

PAGE_MAX = 50
TOP_WINDOW = timedelta(days=7)
TOP_CANDIDATES = 2000


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
            id=filter.unit_id, organization_id=scope.user.organization_id
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


def in_audience(scope: Scope) -> Q:
    audience = Q(audience_unit_id__in=scope.ancestor_ids) | Q(audience_unit_id=None)
    if scope.is_manager:
        audience |= Q(audience_unit__path__startswith=scope.unit_path)
    return audience


def visible_posts(scope: Scope) -> QuerySet[Post]:
    """Posts of the viewer's organisation whose audience holds the viewer (or, for a
    manager, lies in its subtree), hidden ones left out."""
    return Post.filter(in_audience(scope), organization_id=scope.user.organization_id, hidden_at=None)


async def active_recommended_ids(scope: Scope, now: datetime | None = None) -> list[int]:
    """Best practices recommended to one of the viewer's units, still running."""
    ids = await Recommendation.filter(
        unit_id__in=scope.ancestor_ids,
        ends_at__gt=now or datetime.now(UTC),
        post__organization_id=scope.user.organization_id,
        post__hidden_at=None,
    ).values_list("post_id", flat=True)
    return sorted({int(i) for i in ids}, reverse=True)  # type: ignore[call-overload]


async def _filtered(scope: Scope, filter: FeedFilter) -> QuerySet[Post]:
    query = visible_posts(scope)
    if filter.kind is not None:
        query = query.filter(kind=filter.kind)
    if filter.author_id is not None:
        query = query.filter(author_id=filter.author_id)
    if filter.tag:
        tag = normalize_tag(filter.tag)
        # a tag longer than any post's can match none (and must not reach the column's check)
        query = query.filter(tags__tag=tag) if len(tag) <= TAG_MAX_LENGTH else query.filter(id__in=[])
    unit_path = await unit_path_of(scope, filter)
    if unit_path is not None:
        query = query.filter(unit__path__startswith=unit_path)
    if filter.recommended_for_me:
        query = query.filter(id__in=await active_recommended_ids(scope))
    return query


TAG_MAX_LENGTH = 40  # PostTag.tag


def normalize_tag(tag: str) -> str:
    return tag.strip().lstrip("#").lower()


async def feed_page(
    viewer: User,
    first: int = 20,
    after: str | None = None,
    filter: FeedFilter | None = None,
    order: FeedOrder = FeedOrder.NEWEST,
) -> FeedPage:
    """Newest first with a keyset cursor (inserts never shift a page), or the week's top
    posts by likes and comments with time decay. The first page also carries the posts
    recommended to the viewer's units, pinned above the rest."""
    if not 1 <= first <= PAGE_MAX:
        raise ValidationFailed("page_size_invalid", "first", max=PAGE_MAX)
    scope = await viewer_scope(viewer)
    filter = filter or FeedFilter()
    query = await _filtered(scope, filter)
    if order == FeedOrder.TOP_OF_WEEK:
        offset = decode_cursor(after, "top") if after else 0
        ids = await _top_of_week_ids(query)
        chosen = ids[offset : offset + first]
        rows = await _rows_in_order(scope, chosen)
        cursors = [encode_cursor(offset + n + 1, "top") for n in range(len(rows))]
        has_next = len(ids) > offset + first
    else:
        if after is not None:
            query = query.filter(id__lt=decode_cursor(after))
        values = await query.order_by("-id").limit(first + 1).values(*POST_COLUMNS)
        rows = [post_row(v) for v in values[:first]]
        cursors = [encode_cursor(row.id) for row in rows]
        has_next = len(values) > first
    pinned: list[PostRow] = []
    if after is None and order == FeedOrder.NEWEST and filter == FeedFilter():
        pinned = await _rows_in_order(scope, await active_recommended_ids(scope), enrich=False)
        for row in pinned:
            row.pinned = True
    await enrich(scope, rows + pinned)
    return FeedPage(rows=rows, has_next_page=has_next, cursors=cursors, pinned=pinned)


async def _top_of_week_ids(query: QuerySet[Post]) -> list[int]:
    now = datetime.now(UTC)
    candidates = (
        await query.filter(created_at__gte=now - TOP_WINDOW)
        .order_by("-id")
        .limit(TOP_CANDIDATES)
        .values("id", "like_count", "comment_count", "created_at")
    )

    def score(c: dict[str, object]) -> float:
        hours = max(0.0, (now - c["created_at"]).total_seconds() / 3600)  # type: ignore[operator]
        return (int(c["like_count"]) + 2 * int(c["comment_count"]) + 1) / (hours + 2) ** 1.5  # type: ignore[call-overload]

    return [int(c["id"]) for c in sorted(candidates, key=lambda c: (-score(c), -int(c["id"])))]  # type: ignore[call-overload]


async def _rows_in_order(scope: Scope, ids: list[int], enrich: bool = False) -> list[PostRow]:
    if not ids:
        return []
    values = await visible_posts(scope).filter(id__in=ids).values(*POST_COLUMNS)
    by_id = {v["id"]: post_row(v) for v in values}
    return [by_id[i] for i in ids if i in by_id]


async def enrich(scope: Scope, rows: list[PostRow]) -> list[PostRow]:
    """Everything a card shows besides the post itself, for all rows in four queries."""
    if not rows:
        return rows
    ids = list({row.id for row in rows})
    viewer = scope.user
    liked = set(
        await Like.filter(user_id=viewer.id, post_id__in=ids).values_list("post_id", flat=True)
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
        row.viewer_is_author = row.author.id == viewer.id
        row.viewer_can_moderate = scope.moderates(row.unit_path)
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


async def get_post(viewer: User, post_id: int) -> PostRow:
    """A visible post; a hidden one only for its author and the managers who moderate it."""
    scope = await viewer_scope(viewer)
    values = await Post.filter(
        in_audience(scope), id=post_id, organization_id=viewer.organization_id
    ).values(*POST_COLUMNS)
    if not values:
        raise PostNotFound("postId")
    row = post_row(values[0])
    if row.hidden_at is not None and not (
        row.author.id == viewer.id or scope.moderates(row.unit_path)
    ):
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
