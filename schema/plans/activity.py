"""A unit's weekly history of active people (the plan's retention indicator)."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.permissions import scope_of
from server.plans import activity


@strawberry.type(description="One ISO week of a unit: who used the app, among the people there then.")
class ActivityWeek:
    week_start: dt.date = strawberry.field(description="The week's Monday (UTC).")
    active_people: int = strawberry.field(description="People of the unit who used the app that week.")
    people: int = strawberry.field(description="People of the unit that week (joined by its end, not gone before it).")
    share: float | None = strawberry.field(description="Active people in percent of people; null without people.")


@strawberry.type(description="A unit's weekly active people, oldest week first, this week last.")
class UnitActivity:
    unit_id: strawberry.ID
    unit_name: str
    weeks: list[ActivityWeek]


@strawberry.type
class UnitActivityQuery:
    @strawberry.field(
        description="The weekly history of active people of a unit the viewer may read the plan of (default: its own "
        "unit, a member's point of sale), over the last `weeks` weeks (1–53).",
        extensions=[DomainErrors()],
    )
    async def unit_activity(self, info: Info, unit_id: strawberry.ID | None = None, weeks: int = activity.WEEKS) -> UnitActivity:
        unit, history = await activity.weekly_activity(
            scope_of(info), parse_id(unit_id) if unit_id is not None else None, dt.datetime.now(dt.UTC).date(), weeks
        )
        return UnitActivity(
            unit_id=strawberry.ID(str(unit.id)),
            unit_name=unit.name,
            weeks=[ActivityWeek(week_start=w.week_start, active_people=w.active, people=w.people, share=w.share) for w in history],
        )
