"""Reading performance plans (managers and head office)."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.plans.types import PerformancePlan, as_plan
from schema.plans.view_types import MyPlan, as_my_plan
from server.plans import services, view


@strawberry.type
class PlansQuery:
    @strawberry.field(
        description="The organisation's performance plans, latest period first. Managers and head office.",
        extensions=[DomainErrors()],
    )
    async def performance_plans(self, info: Info) -> list[PerformancePlan]:
        return [as_plan(p) for p in await services.plans(scope_of(info))]

    @strawberry.field(
        description="One performance plan, or null. Managers and head office; each sees its own scope's figures.",
        extensions=[DomainErrors()],
    )
    async def performance_plan(self, info: Info, id: strawberry.ID) -> PerformancePlan | None:
        found = await services.find_plan(scope_of(info), parse_id(id))
        return as_plan(found) if found is not None else None

    @strawberry.field(
        description="« Notre plan »: the period's plan as it applies to the viewer's unit (a member's point of sale; "
        "a manager's unit, then each point of sale under it side by side). A unit inside what the viewer acts in may "
        "be asked for; null when the organisation has no plan.",
        extensions=[DomainErrors()],
    )
    async def my_plan(
        self, info: Info, unit_id: strawberry.ID | None = None, plan_id: strawberry.ID | None = None
    ) -> MyPlan | None:
        found = await view.my_plan(
            scope_of(info),
            datetime.now(UTC),
            parse_id(unit_id) if unit_id is not None else None,
            parse_id(plan_id) if plan_id is not None else None,
        )
        return as_my_plan(found) if found is not None else None
