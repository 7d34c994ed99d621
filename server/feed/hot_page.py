"""The hot feed page in hand-written PostgreSQL: the page (and its pinned posts) with
author, unit, like, photos, tags and recommendations in one statement each, on one pooled
connection.

Used by `schema.feed.fast`; it mirrors `server.feed.reading`, which stays the reference (a
test compares both answers field by field). Who reads what comes from the viewer's `Scope`
through `server.feed.audience.audience_parameters`, the same rule as `readable`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from server.feed.audience import audience_parameters
from server.network.scope import Scope

_COLUMNS = """
SELECT p.id, p.kind, p.body, p.created_at, p.edited_at, p.audience, p.figure, p.product,
       p.context, p.action, p.result, p.like_count, p.comment_count, p.hidden_reason,
       p.system_kind, p.system_params::text AS system_params,
       pu.path AS unit_path,
       a.id AS author_id, a.display_name, a.role, a.avatar_url,
       au.id AS author_unit_id, au.name AS author_unit_name, au.kind AS author_unit_kind,
       au.city AS author_unit_city,
       -- LIMIT 1 keeps it a per-row index probe (an EXISTS becomes a hashed scan of the
       -- viewer's likes, slow for someone who liked thousands of posts)
       COALESCE((SELECT true FROM post_like l WHERE l.post_id = p.id AND l.user_id = $2
                 LIMIT 1), false) AS liked,
       (SELECT json_agg(json_build_object(
                 'id', m.id::text, 'key', m.key, 'width', m.width, 'height', m.height,
                 'feedWidth', m.feed_width, 'feedHeight', m.feed_height) ORDER BY pi.position)
          FROM post_image pi JOIN media m ON m.id = pi.media_id
         WHERE pi.post_id = p.id)::text AS images,
       ARRAY(SELECT t.tag FROM post_tag t WHERE t.post_id = p.id ORDER BY t.id) AS tags,
       ARRAY(SELECT x.name FROM (
               SELECT r_u.display_name AS name, min(r.id) AS first_id
                 FROM post_recommendation r JOIN "user" r_u ON r_u.id = r.recommended_by_id
                WHERE r.post_id = p.id AND r.ends_at > $5
                GROUP BY r_u.display_name) x ORDER BY x.first_id) AS recommended_by,
       (SELECT count(DISTINCT r.unit_id) FROM post_recommendation r
         WHERE r.post_id = p.id AND r.ends_at > $5) AS recommended_units
FROM post p
JOIN "user" a ON a.id = p.author_id
JOIN unit pu ON pu.id = p.unit_id
LEFT JOIN unit aud ON aud.id = p.audience_unit_id
LEFT JOIN unit au ON au.id = a.unit_id
WHERE p.organization_id = $1 AND p.hidden_at IS NULL
  AND (p.audience_unit_id = ANY($3::int[]) OR p.audience_unit_id IS NULL
       OR ($4::text IS NOT NULL AND aud.path LIKE $4))
"""

# $1 organisation, $2 viewer, $3 viewer's unit and ancestors, $4 subtree pattern for
# managers (NULL for members), $5 now, $6 cursor id, $7 limit
PAGE = _COLUMNS + "  AND p.id < $6\nORDER BY p.id DESC\nLIMIT $7"

PINNED = (
    _COLUMNS
    + """  AND p.id IN (SELECT r.post_id FROM post_recommendation r
                 WHERE r.unit_id = ANY($3::int[]) AND r.ends_at > $5)
ORDER BY p.id DESC"""
)


@dataclass(slots=True)
class HotPage:
    records: list[Any]  # asyncpg records, newest first, up to `limit`
    pinned: list[Any]


def available() -> bool:
    """The hot page needs PostgreSQL through asyncpg; elsewhere the reference path answers."""
    from tortoise import connections

    client = connections.get("default")
    return hasattr(client, "acquire_connection") and type(client).__name__ == "AsyncpgDBClient"


async def hot_page(scope: Scope, before_id: int, limit: int, with_pinned: bool) -> HotPage:
    from tortoise import connections

    audience = audience_parameters(scope)
    now = datetime.now(UTC)
    common = (audience.organization_id, scope.user_id, audience.ancestor_ids, audience.subtree_pattern, now)
    async with connections.get("default").acquire_connection() as db:  # type: ignore[attr-defined]
        records = await db.fetch(PAGE, *common, before_id, limit)
        pinned = await db.fetch(PINNED, *common) if with_pinned else []
    return HotPage(list(records), list(pinned))
