"""Badges and labels on the dashboards, read from the badges domain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from server.badges.models import Award
from server.network.models import Unit


@dataclass(slots=True)
class HeldBadge:
    badge_id: int
    name: str
    emoji: str | None
    kind: str
    level: str | None
    awarded_at: datetime


async def my_badges(user_id: int, limit: int = 12) -> list[HeldBadge]:
    """The person's badges and labels, newest first, revoked ones left out (one query)."""
    rows = await Award.filter(user_id=user_id, revoked_at=None).order_by("-awarded_at").limit(limit).values(
        "badge_id", "badge__name", "badge__emoji", "badge__kind", "level", "awarded_at"
    )
    return [
        HeldBadge(int(r["badge_id"]), str(r["badge__name"]), r["badge__emoji"], str(r["badge__kind"]), r["level"], r["awarded_at"])
        for r in rows
    ]


async def badges_this_month(unit: Unit, today: date) -> int:
    """Badges and labels awarded (and not revoked) this month to people of the unit's subtree."""
    start = datetime.combine(today.replace(day=1), time.min, tzinfo=UTC)
    return await Award.filter(
        organization_id=unit.organization_id,
        user__unit__path__startswith=unit.path,
        awarded_at__gte=start,
        revoked_at=None,
    ).count()
