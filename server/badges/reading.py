"""What people see of recognition: profiles, a unit's wall of fame, who a manager may award.

Recognition is public inside the organisation: anyone of it reads a colleague's profile, an
award, the wall of fame of any of its units (the wall walks up and down the network). A
manager is offered the people it manages to award (server.badges.awarding)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from tortoise.functions import Count

from server.accounts.models import User
from server.badges.models import Award, BadgeKind, Podium
from server.badges.rows import AWARD_COLUMNS, AwardRow, BadgeRow, award_row
from server.feed.models import Post, PostKind
from server.network.errors import UnitNotFound
from server.network.models import Unit
from server.network.scope import Scope

WALL_LATEST = 20
PEOPLE_LIMIT = 50


async def award_rows(**filters: object) -> list[AwardRow]:
    values = await Award.filter(**filters).order_by("-awarded_at", "-id").values(*AWARD_COLUMNS)
    return [award_row(v) for v in values]


async def awards_by_user_id(organization_id: int, user_ids: list[int]) -> dict[int, list[AwardRow]]:
    """Every award (badges and labels, not revoked) of these people, in one query."""
    rows = await award_rows(organization_id=organization_id, user_id__in=user_ids, revoked_at=None)
    found: dict[int, list[AwardRow]] = defaultdict(list)
    for row in rows:
        found[row.recipient.id].append(row)
    return found


async def award_by_id(scope: Scope, award_id: int) -> AwardRow | None:
    rows = await award_rows(organization_id=scope.organization_id, id=award_id)
    return rows[0] if rows else None


async def person(scope: Scope, user_id: int) -> User | None:
    """A person of the viewer's organisation, with their unit, for their profile."""
    return await User.filter(id=user_id, organization_id=scope.organization_id).select_related("unit").first()


@dataclass(slots=True)
class RecognitionCounts:
    wins: int
    best_practices: int
    podiums: int


async def counts_by_user_id(user_ids: list[int]) -> dict[int, RecognitionCounts]:
    posts = (
        await Post.filter(author_id__in=user_ids, kind__in=[PostKind.WIN, PostKind.BEST_PRACTICE])
        .annotate(n=Count("id"))
        .group_by("author_id", "kind")
        .values("author_id", "kind", "n")
    )
    podiums = (
        await Podium.filter(user_id__in=user_ids, rank__lte=3)
        .annotate(n=Count("id"))
        .group_by("user_id")
        .values("user_id", "n")
    )
    counts = {user_id: RecognitionCounts(0, 0, 0) for user_id in user_ids}
    for row in posts:
        entry = counts[int(row["author_id"])]
        if str(row["kind"]) == PostKind.WIN:
            entry.wins = int(row["n"])
        else:
            entry.best_practices = int(row["n"])
    for row in podiums:
        counts[int(row["user_id"])].podiums = int(row["n"])
    return counts


@dataclass(slots=True)
class BadgeCount:
    badge: BadgeRow
    count: int


@dataclass(slots=True)
class WallOfFame:
    unit: Unit
    parent: Unit | None
    subunits: list[Unit]
    latest: list[AwardRow]
    top_badges: list[BadgeCount]
    label_holders: list[AwardRow]


async def wall_of_fame(scope: Scope, unit_id: int | None) -> WallOfFame:
    """Latest awards in the unit's subtree, its most awarded badges and its label holders."""
    unit = await Unit.get_or_none(id=unit_id or scope.unit_id, organization_id=scope.organization_id)
    if unit is None:
        raise UnitNotFound("unitId")
    in_subtree = {
        "organization_id": scope.organization_id,
        "revoked_at": None,
        "user__unit__path__startswith": unit.path,
    }
    latest = await Award.filter(**in_subtree).order_by("-awarded_at", "-id").limit(WALL_LATEST).values(*AWARD_COLUMNS)
    labels = await Award.filter(**in_subtree, badge__kind=BadgeKind.LABEL).order_by("-awarded_at").limit(100).values(*AWARD_COLUMNS)
    counted = (
        await Award.filter(**in_subtree, badge__kind=BadgeKind.BADGE)
        .annotate(n=Count("id"))
        .group_by("badge_id")
        .values("badge_id", "n")
    )
    top = sorted(counted, key=lambda r: -int(r["n"]))[:5]
    from server.badges.models import Badge

    badges = {b.id: b for b in await Badge.filter(id__in=[r["badge_id"] for r in top])}
    parent = await Unit.get_or_none(id=unit.parent_id) if unit.parent_id else None
    subunits = await Unit.filter(parent_id=unit.id).order_by("name")
    return WallOfFame(
        unit=unit,
        parent=parent,
        subunits=list(subunits),
        latest=[award_row(v) for v in latest],
        top_badges=[BadgeCount(BadgeRow.of(badges[int(r["badge_id"])]), int(r["n"])) for r in top],
        label_holders=[r for r in (award_row(v) for v in labels) if r.status.value == "VALID"],
    )


async def awardable_people(scope: Scope, search: str | None = None) -> list[User]:
    """People a manager may award (those it manages; head office: everyone), by name; not those
    who left."""
    if not scope.is_manager:
        return []
    query = User.filter(scope.subtree_filter("unit__"), deactivated_at=None)
    if search and search.strip():
        query = query.filter(display_name__icontains=search.strip()[:80])
    return await query.exclude(id=scope.user_id).select_related("unit").order_by("display_name").limit(PEOPLE_LIMIT)
