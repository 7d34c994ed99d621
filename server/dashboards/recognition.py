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


async def badges_this_month(unit: Unit, today: date) -> int:
    """Badges and labels awarded (and not revoked) this month to people of the unit's subtree."""
    start = datetime.combine(today.replace(day=1), time.min, tzinfo=UTC)
    return await Award.filter(
        organization_id=unit.organization_id,
        user__unit__path__startswith=unit.path,
        awarded_at__gte=start,
        revoked_at=None,
    ).count()
