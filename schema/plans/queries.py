"""Reading performance plans (managers and head office)."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.plans.types import PerformancePlan, as_plan
from server.plans import services


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
