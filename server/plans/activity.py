"""A unit's weekly history of active people (the retention indicator), week by week.

Each week counts the people of the unit's subtree who used the app that ISO week
(server.accounts.activity) against the people who were there then: joined before the week
ended and not deactivated before it began. People count where they are now. Two statements
whatever the number of weeks; a point of sale's plan shows its last twelve."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tortoise.expressions import Q
from tortoise.functions import Count

from server.accounts.activity import week_of
from server.accounts.models import ActiveWeek, User
from server.errors import ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope
from server.plans.view import plan_unit

WEEKS = 12
WEEKS_MAX = 53


@dataclass(frozen=True, slots=True)
class ActivityWeek:
    week_start: date
    active: int
    people: int

    @property
    def share(self) -> float | None:
        return round(100.0 * self.active / self.people, 2) if self.people else None


async def weekly_activity(scope: Scope, unit_id: int | None, today: date, weeks: int = WEEKS) -> tuple[Unit, list[ActivityWeek]]:
    """The last `weeks` weeks (this one last) of a unit the viewer may read the plan of."""
    if not 1 <= weeks <= WEEKS_MAX:
        raise ValidationFailed("weeks_out_of_range", "weeks")
    unit = await plan_unit(scope, unit_id)
    first = week_of(today) - timedelta(weeks=weeks - 1)
    mondays = [first + timedelta(weeks=n) for n in range(weeks)]
    under = {"user__organization_id": unit.organization_id, "user__unit__path__startswith": unit.path}
    counts = {
        _day(r["week_start"]): int(r["count"])
        for r in await ActiveWeek.filter(week_start__gte=first, **under)
        .annotate(count=Count("id")).group_by("week_start").values("week_start", "count")
    }
    there = await User.filter(organization_id=unit.organization_id, unit__path__startswith=unit.path).filter(
        created_at__lt=_at(mondays[-1] + timedelta(weeks=1))
    ).filter(Q(deactivated_at=None) | Q(deactivated_at__gte=_at(first))).values_list("created_at", "deactivated_at")
    history = []
    for monday in mondays:
        begins, ends = _at(monday), _at(monday + timedelta(weeks=1))
        people = sum(1 for joined, left in there if joined < ends and (left is None or left >= begins))
        history.append(ActivityWeek(monday, counts.get(monday, 0), people))
    return unit, history


def _at(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
