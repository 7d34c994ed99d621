"""« Notre plan », live: recomputed when a change lands inside the units it shows."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import UTC, datetime

import strawberry

from schema.context import Info
from schema.dashboards.subscriptions import _Changes
from schema.errors import query_error
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.plans.view_types import MyPlanUpdate, as_my_plan
from server.dashboards.live import UnitDashboardWatch
from server.errors import DomainError
from server.plans import view


@strawberry.type
class PlansSubscription:
    @strawberry.subscription(
        description="« Notre plan » of the viewer's unit (or of a unit inside what it acts in), live: "
        "a snapshot, then a new one after each result, training, quiz, assessment, survey, action plan or objective change inside it."
    )
    async def my_plan(
        self, info: Info, unit_id: strawberry.ID | None = None
    ) -> AsyncGenerator[MyPlanUpdate, None]:
        scope = scope_of(info)
        try:
            unit = await view.plan_unit(scope, parse_id(unit_id) if unit_id is not None else None)
        except DomainError as error:
            raise query_error(error, info.context.language) from error

        async def snapshot(version: int) -> MyPlanUpdate:
            now = datetime.now(UTC)
            found = await view.my_plan(scope, now, unit.id)
            return MyPlanUpdate(version=version, at=now, my_plan=as_my_plan(found) if found else None)

        changes = _Changes(scope.organization_id, UnitDashboardWatch(unit.path).wanted)
        try:
            yield await snapshot(0)
            while True:
                yield await snapshot(await changes.next())
        finally:
            changes.stop()
