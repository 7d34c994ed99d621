"""A feed page as one SQL statement: the feed's reading rules (audience, filters, orders,
cursors) written once, for PostgreSQL and SQLite alike.

Every reader of a page goes through here (`server.feed.reading.feed_page`), whether the
document is executed field by field or planned (schema.plan): the page's posts come with
their author and unit, the viewer's like, photos, tags and live recommendations as per-row
subqueries, so a page costs one statement whatever its size, plus one for the pinned posts
on an unfiltered first page.

- **Audience** (`server.feed.audience.readable`, as SQL): posts of the viewer's organisation
  addressed to a unit the viewer belongs to (or to no unit), and, for a manager, to a unit of
  its subtree; hidden posts never.
- **Filters**: kind, author, tag, a unit's subtree (`unitId`), the viewer's own unit or region
  (`within`: both given, both apply, so the narrower wins and disjoint ones keep nothing), and
  the best practices recommended to the viewer's units. Paths are matched by prefix.
- **Orders**: newest first by id (keyset: a new post never shifts a page), or the week's top
  by `post.top_score`, a score the database keeps in the like and comment transactions (a
  trigger, migration 0012): ln(likes + 2 × comments + 1) + age in days, so that one more day
  of age weighs as much as e times the reactions. It does not change while time passes, so an
  index serves it and the cursor is the last post's (score, id).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from server.feed.audience import moderates, visible_sql
from server.feed.models import PostAudience
from server.feed.rows import ImageRow, PostRow, post_row
from server.media.storage import media_url
from server.network.scope import Scope
from server.settings import get_settings

if TYPE_CHECKING:
    from server.feed.reading import FeedFilter

TOP_WINDOW = timedelta(days=7)
TAG_MAX_LENGTH = 40  # PostTag.tag
_NUMBERED = re.compile(r"\$(\d+)")


class Parameters:
    """The statement's values, numbered `$n` (SQLite reads them as `?n`: the numbers, not the
    order they are written in, bind them)."""

    def __init__(self) -> None:
        self.values: list[Any] = []

    def __call__(self, value: Any) -> str:
        self.values.append(value)
        return f"${len(self.values)}"

    def many(self, values: list[Any]) -> str:
        return ", ".join(self(v) for v in values) or "NULL"


def _postgres() -> bool:
    return not get_settings().is_sqlite


def _columns(scope: Scope, now: datetime, p: Parameters) -> str:
    liked = p(scope.user_id)
    if _postgres():
        images = """(SELECT json_agg(json_build_object('id', m.id, 'key', m.key, 'width', m.width,
                       'height', m.height, 'feed_width', m.feed_width, 'feed_height', m.feed_height)
                       ORDER BY pi.position)
                   FROM post_image pi JOIN media m ON m.id = pi.media_id WHERE pi.post_id = p.id)::text"""
        tags = "(SELECT json_agg(t.tag ORDER BY t.id) FROM post_tag t WHERE t.post_id = p.id)::text"
        by = f"""(SELECT json_agg(x.name ORDER BY x.first_id) FROM (
                   SELECT r_u.display_name AS name, min(r.id) AS first_id
                     FROM post_recommendation r JOIN "user" r_u ON r_u.id = r.recommended_by_id
                    WHERE r.post_id = p.id AND r.ends_at > {p(now)}
                    GROUP BY r_u.display_name) x)::text"""
    else:
        images = """(SELECT json_group_array(json_object('id', x.id, 'key', x.key, 'width', x.width,
                       'height', x.height, 'feed_width', x.feed_width, 'feed_height', x.feed_height))
                   FROM (SELECT m.id, m.key, m.width, m.height, m.feed_width, m.feed_height
                           FROM post_image pi JOIN media m ON m.id = pi.media_id
                          WHERE pi.post_id = p.id ORDER BY pi.position) x)"""
        tags = "(SELECT json_group_array(x.tag) FROM (SELECT t.tag FROM post_tag t WHERE t.post_id = p.id ORDER BY t.id) x)"
        by = f"""(SELECT json_group_array(x.name) FROM (
                   SELECT r_u.display_name AS name, min(r.id) AS first_id
                     FROM post_recommendation r JOIN "user" r_u ON r_u.id = r.recommended_by_id
                    WHERE r.post_id = p.id AND r.ends_at > {p(now)}
                    GROUP BY r_u.display_name ORDER BY first_id) x)"""
    # (the like as a LIMIT 1 probe: an EXISTS becomes a hashed scan of every like of the viewer
    # on PostgreSQL, slow for someone who liked thousands of posts)
    return f"""
SELECT p.id, p.kind, p.body, p.created_at, p.like_count, p.comment_count, p.audience,
       p.audience_unit_id, aud.path AS audience_unit__path, pu.path AS unit__path,
       p.figure, p.product, p.context, p.action, p.result, p.edited_at, p.hidden_at,
       p.hidden_reason, p.system_kind, p.system_params,
       p.author_id, a.display_name AS author__display_name, a.role AS author__role,
       a.avatar_url AS author__avatar_url, a.unit_id AS author__unit_id,
       au.name AS author__unit__name, au.kind AS author__unit__kind, au.city AS author__unit__city,
       COALESCE((SELECT 1 FROM post_like l WHERE l.post_id = p.id AND l.user_id = {liked}
                 LIMIT 1), 0) AS liked,
       {images} AS images,
       {tags} AS tags,
       {by} AS recommended_by,
       (SELECT count(DISTINCT r.unit_id) FROM post_recommendation r
         WHERE r.post_id = p.id AND r.ends_at > {p(now)}) AS recommended_units
  FROM post p
  JOIN "user" a ON a.id = p.author_id
  JOIN unit pu ON pu.id = p.unit_id
  LEFT JOIN unit aud ON aud.id = p.audience_unit_id
  LEFT JOIN unit au ON au.id = a.unit_id"""


def filter_conditions(scope: Scope, filter: FeedFilter, now: datetime, p: Parameters) -> list[str]:
    from server.feed.reading import normalize_tag

    conditions: list[str] = []
    if filter.kind is not None:
        conditions.append(f"p.kind = {p(str(filter.kind.value))}")
    if filter.author_id is not None:
        conditions.append(f"p.author_id = {p(filter.author_id)}")
    if filter.tag:
        tag = normalize_tag(filter.tag)
        # a tag longer than any post's matches none (and must not reach the column's check)
        if len(tag) > TAG_MAX_LENGTH:
            conditions.append("1 = 0")
        else:
            conditions.append(f"EXISTS (SELECT 1 FROM post_tag t WHERE t.post_id = p.id AND t.tag = {p(tag)})")
    if filter.unit_id is not None:
        # a unit of another organisation (or none) keeps nothing: its path is NULL
        conditions.append(
            f"pu.path LIKE (SELECT u.path FROM unit u WHERE u.id = {p(filter.unit_id)} "
            f"AND u.organization_id = {p(scope.organization_id)}) || '%'"
        )
    if filter.within == PostAudience.UNIT:
        conditions.append(f"pu.path LIKE {p(scope.unit_path + '%')}")
    elif filter.within == PostAudience.REGION:
        # the region the viewer belongs to; someone above every region reads the whole network
        ancestors = scope.ancestor_ids
        conditions.append(
            f"pu.path LIKE COALESCE((SELECT u.path FROM unit u WHERE u.id IN ({p.many(ancestors)}) "
            f"AND u.kind = 'REGION' ORDER BY u.id LIMIT 1), {p(f'/{ancestors[0]}/')}) || '%'"
        )
    if filter.recommended_for_me:
        conditions.append(
            f"p.id IN (SELECT r.post_id FROM post_recommendation r WHERE r.unit_id IN "
            f"({p.many(scope.ancestor_ids)}) AND r.ends_at > {p(now)})"
        )
    return conditions


@dataclass(slots=True)
class Found:
    rows: list[PostRow]
    has_next_page: bool
    pinned: list[PostRow] = field(default_factory=list)


async def newest(
    scope: Scope, filter: FeedFilter, first: int, before_id: int | None, with_pinned: bool
) -> Found:
    """Newest first, after the post `before_id` (keyset on the id)."""
    now = datetime.now(UTC)
    p = Parameters()
    sql = _columns(scope, now, p) + "\n WHERE " + " AND ".join(
        [visible_sql(scope, p), *filter_conditions(scope, filter, now, p)]
        + ([f"p.id < {p(before_id)}"] if before_id is not None else [])
    ) + f"\n ORDER BY p.id DESC LIMIT {p(first + 1)}"
    records = await _fetch(sql, p.values)
    pinned: list[PostRow] = []
    if with_pinned:
        q = Parameters()
        pinned_sql = _columns(scope, now, q) + "\n WHERE " + visible_sql(scope, q) + (
            f" AND p.id IN (SELECT r.post_id FROM post_recommendation r WHERE r.unit_id IN "
            f"({q.many(scope.ancestor_ids)}) AND r.ends_at > {q(now)})\n ORDER BY p.id DESC"
        )
        pinned = [_row(r, scope) for r in await _fetch(pinned_sql, q.values)]
        for row in pinned:
            row.pinned = True
    return Found([_row(r, scope) for r in records[:first]], len(records) > first, pinned)


async def top_of_week(scope: Scope, filter: FeedFilter, first: int, after_id: int | None) -> Found:
    """The week's posts by `top_score`, then newest; after the post `after_id` of the
    previous page (keyset on its score and id)."""
    now = datetime.now(UTC)
    p = Parameters()
    conditions = [
        visible_sql(scope, p),
        *filter_conditions(scope, filter, now, p),
        f"p.created_at >= {p(now - TOP_WINDOW)}",
    ]
    if after_id is not None:
        conditions.append(
            f"(p.top_score, p.id) < (SELECT c.top_score, c.id FROM post c WHERE c.id = {p(after_id)})"
        )
    sql = _columns(scope, now, p) + "\n WHERE " + " AND ".join(conditions) + (
        f"\n ORDER BY p.top_score DESC, p.id DESC LIMIT {p(first + 1)}"
    )
    records = await _fetch(sql, p.values)
    return Found([_row(r, scope) for r in records[:first]], len(records) > first)


async def _fetch(sql: str, values: list[Any]) -> list[Any]:
    from tortoise import connections

    if not _postgres():
        sql = _NUMBERED.sub(r"?\1", sql)
    _, rows = await connections.get("default").execute_query(sql, values)
    return list(rows)


def _when(value: Any) -> Any:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _json_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(json.loads(value)) if isinstance(value, str) else list(value)


def _row(record: Any, scope: Scope) -> PostRow:
    values = dict(record)
    for name in ("created_at", "edited_at", "hidden_at"):
        values[name] = _when(values[name])
    if isinstance(values["system_params"], str):  # JSON as text (SQLite, asyncpg without a codec)
        values["system_params"] = json.loads(values["system_params"])
    row = post_row(values)
    row.liked_by_me = bool(values["liked"])
    row.tags = [str(t) for t in _json_list(values["tags"])]
    row.recommended_by = [str(n) for n in _json_list(values["recommended_by"])]
    row.recommended_unit_count = int(values["recommended_units"])
    row.images = [
        ImageRow(
            id=int(i["id"]),
            feed_url=media_url(i["key"], "feed"),
            full_url=media_url(i["key"], "full"),
            width=int(i["width"]),
            height=int(i["height"]),
            feed_width=int(i["feed_width"]),
            feed_height=int(i["feed_height"]),
        )
        for i in _json_list(values["images"])
    ]
    row.viewer_is_author = row.author.id == scope.user_id
    row.viewer_can_moderate = moderates(scope, row.unit_path)
    return row
