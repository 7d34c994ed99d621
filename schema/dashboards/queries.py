"""Dashboards and their CSV exports."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from schema.context import Info
from schema.dashboards.types import (
    DashboardTable,
    MyDashboard,
    PersonFiguresRow,
    UnitDashboard,
    as_my_dashboard,
    as_person,
    as_unit_dashboard,
)
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.permissions import scope_of
from server.dashboards import services

PEOPLE_MAX = 500


@strawberry.type
class DashboardsQuery:
    @strawberry.field(
        description="The viewer's figures: training, quizzes, skills, its point of sale.", extensions=[DomainErrors()]
    )
    async def my_dashboard(self, info: Info) -> MyDashboard:
        return as_my_dashboard(await services.my_dashboard(scope_of(info)))

    @strawberry.field(
        description="A unit's dashboard (default: the top of the viewer's scope). Managers of the unit only.",
        extensions=[DomainErrors()],
    )
    async def unit_dashboard(self, info: Info, unit_id: strawberry.ID | None = None) -> UnitDashboard:
        row = await services.unit_dashboard_of(
            scope_of(info), parse_id(unit_id) if unit_id is not None else None, datetime.now(UTC).date()
        )
        return as_unit_dashboard(row)

    @strawberry.field(
        description="The people behind a unit's figures (first 500 by name; the CSV has all).",
        extensions=[DomainErrors()],
    )
    async def unit_people(self, info: Info, unit_id: strawberry.ID) -> list[PersonFiguresRow]:
        return [as_person(p) for p in await services.unit_people(scope_of(info), parse_id(unit_id), PEOPLE_MAX)]

    @strawberry.field(
        description="A dashboard table as CSV (semicolon-separated, headers in the viewer's language).",
        extensions=[DomainErrors()],
    )
    async def dashboard_csv(self, info: Info, unit_id: strawberry.ID, table: DashboardTable) -> str:
        return await services.dashboard_csv(
            scope_of(info), parse_id(unit_id), table, datetime.now(UTC).date(), info.context.language
        )
