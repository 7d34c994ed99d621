"""What the composer suggests while typing: colleagues to @mention, #tags in use."""

from __future__ import annotations

from tortoise.functions import Count

from server.accounts.models import User
from server.feed.models import PostTag
from server.feed.reading import normalize_tag
from server.feed.rows import AuthorRow, UnitRow

LIMIT = 8


async def colleagues(viewer: User, search: str) -> list[AuthorRow]:
    search = search.strip().lstrip("@")
    if not search:
        return []
    values = (
        await User.filter(organization_id=viewer.organization_id, display_name__icontains=search, deactivated_at=None)
        .exclude(id=viewer.id)
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


async def tags(viewer: User, prefix: str) -> list[str]:
    prefix = normalize_tag(prefix)
    query = PostTag.filter(post__organization_id=viewer.organization_id)
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
