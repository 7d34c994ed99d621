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
from schema.errors import query_error
from schema.ids import parse_id
from schema.permissions import signed_in
from server.dashboards import services
from server.dashboards.figures import people_figures
from server.errors import DomainError

PEOPLE_MAX = 500


@strawberry.type
class DashboardsQuery:
    @strawberry.field(description="The viewer's figures: training, quizzes, skills, its point of sale.")
    async def my_dashboard(self, info: Info) -> MyDashboard:
        return as_my_dashboard(await services.my_dashboard(signed_in(info)))

    @strawberry.field(description="A unit's dashboard (default: the top of the viewer's scope). Managers only.")
    async def unit_dashboard(self, info: Info, unit_id: strawberry.ID | None = None) -> UnitDashboard:
        viewer = signed_in(info)
        try:
            unit = await services.dashboard_unit(viewer, parse_id(unit_id) if unit_id is not None else None)
            row = await services.unit_dashboard(viewer, unit, datetime.now(UTC).date())
        except DomainError as error:
            raise query_error(error, info.context.language) from error
        return as_unit_dashboard(row)

    @strawberry.field(description="The people behind a unit's figures (first 500 by name; the CSV has all).")
    async def unit_people(self, info: Info, unit_id: strawberry.ID) -> list[PersonFiguresRow]:
        viewer = signed_in(info)
        try:
            unit = await services.dashboard_unit(viewer, parse_id(unit_id))
        except DomainError as error:
            raise query_error(error, info.context.language) from error
        people = sorted(await people_figures(unit), key=lambda p: p.display_name)
        return [as_person(p) for p in people[:PEOPLE_MAX]]

    @strawberry.field(description="A dashboard table as CSV (semicolon-separated, headers in the viewer's language).")
    async def dashboard_csv(self, info: Info, unit_id: strawberry.ID, table: DashboardTable) -> str:
        viewer = signed_in(info)
        try:
            unit = await services.dashboard_unit(viewer, parse_id(unit_id))
            return await services.dashboard_csv(
                viewer, unit, table, datetime.now(UTC).date(), info.context.language
            )
        except DomainError as error:
            raise query_error(error, info.context.language) from error
