"""What the composer suggests while typing: colleagues to @mention, #tags in use."""

from __future__ import annotations

from tortoise.functions import Count

from server.accounts.models import User
from server.feed.audience import visible
from server.feed.models import PostTag
from server.feed.reading import normalize_tag
from server.feed.rows import AuthorRow, UnitRow
from server.network.scope import Scope

LIMIT = 8


async def colleagues(scope: Scope, search: str) -> list[AuthorRow]:
    """People of the organisation to @mention (anyone may be mentioned, and told)."""
    search = search.strip().lstrip("@")[:80]
    if not search:
        return []
    values = (
        await User.filter(organization_id=scope.organization_id, display_name__icontains=search, deactivated_at=None)
        .exclude(id=scope.user_id)
        .order_by("display_name")
        .limit(LIMIT)
        .values("id", "display_name", "role", "avatar_url", "unit_id", "unit__name", "unit__kind", "unit__city")
    )
    return [
        AuthorRow(
            id=v["id"],
            display_name=v["display_name"],
            role=str(v["role"]),
            avatar_url=v["avatar_url"],
            unit=UnitRow(id=v["unit_id"], name=v["unit__name"], kind=str(v["unit__kind"]), city=v["unit__city"]),
        )
        for v in values
    ]


async def tags(scope: Scope, prefix: str) -> list[str]:
    """Tags of the posts the viewer may see (server.feed.audience), most used first."""
    prefix = normalize_tag(prefix)[:40]
    query = PostTag.filter(visible(scope, "post__"))
    if prefix:
        query = query.filter(tag__startswith=prefix)
    rows = (
        await query.annotate(uses=Count("id"))
        .group_by("tag")
        .order_by("-uses", "tag")
        .limit(LIMIT)
        .values_list("tag", flat=True)
    )
    return [str(t) for t in rows]
