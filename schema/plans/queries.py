"""Reading performance plans (managers and head office)."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import query_error
from schema.ids import parse_id
from schema.permissions import signed_in
from schema.plans.types import PerformancePlan, as_plan
from server.errors import DomainError
from server.plans import services
from server.plans.errors import PlanNotFound


@strawberry.type
class PlansQuery:
    @strawberry.field(description="The organisation's performance plans, latest period first.")
    async def performance_plans(self, info: Info) -> list[PerformancePlan]:
        viewer = signed_in(info)
        try:
            return [as_plan(p) for p in await services.plans(viewer)]
        except DomainError as error:
            raise query_error(error, info.context.language) from error

    @strawberry.field(description="One performance plan, or null.")
    async def performance_plan(self, info: Info, id: strawberry.ID) -> PerformancePlan | None:
        viewer = signed_in(info)
        try:
            return as_plan(await services.get_plan(viewer, parse_id(id)))
        except PlanNotFound:
            return None
        except DomainError as error:
            raise query_error(error, info.context.language) from error
