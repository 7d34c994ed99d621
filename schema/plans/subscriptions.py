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
            # the unit asked for, read and checked once (not again for each snapshot); by default
            # the top of what the viewer acts in, whose path the scope already knows
            asked = None if unit_id is None else await view.plan_unit(scope, parse_id(unit_id))
        except DomainError as error:
            raise query_error(error, info.context.language) from error

        async def snapshot(version: int) -> MyPlanUpdate:
            now = datetime.now(UTC)
            found = await view.my_plan(scope, now, unit=asked)
            return MyPlanUpdate(version=version, at=now, my_plan=as_my_plan(found) if found else None)

        path = asked.path if asked is not None else view.top_path(scope)
        changes = _Changes(scope.organization_id, UnitDashboardWatch(path).wanted)
        try:
            yield await snapshot(0)
            while True:
                yield await snapshot(await changes.next())
        finally:
            changes.stop()
