"""Reading grids, assessments, satisfaction and action plans."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.evaluation.types import (
    ActionPlan,
    Assessment,
    PointOfSaleSatisfaction,
    SkillsGrid,
    as_assessment,
    as_grid,
    as_plan,
    as_point_of_sale,
)
from schema.ids import parse_id
from schema.permissions import scope_of
from server.evaluation import action_plans, assessments
from server.evaluation.point_of_sale import point_of_sale_view


@strawberry.type
class EvaluationQuery:
    @strawberry.field(description="The skills grids of the organisation.")
    async def skills_grids(self, info: Info) -> list[SkillsGrid]:
        return [as_grid(grid, skills) for grid, skills in await assessments.grids(scope_of(info))]

    @strawberry.field(description="One assessment, for the person assessed or a manager in scope; else null.")
    async def assessment(self, info: Info, id: strawberry.ID) -> Assessment | None:
        found = await assessments.find_assessment(scope_of(info), parse_id(id))
        return as_assessment(found) if found is not None else None

    @strawberry.field(description="The viewer's own assessments, newest first.")
    async def my_assessments(self, info: Info) -> list[Assessment]:
        return [as_assessment(r) for r in await assessments.my_assessments(scope_of(info))]

    @strawberry.field(
        description="Assessments of the people of a unit the viewer manages.", extensions=[DomainErrors()]
    )
    async def assessments(self, info: Info, unit_id: strawberry.ID) -> list[Assessment]:
        return [as_assessment(r) for r in await assessments.assessments_in_scope(scope_of(info), parse_id(unit_id))]

    @strawberry.field(description="Satisfaction of a point of sale (default: the viewer's own); null if not visible.")
    async def point_of_sale(self, info: Info, unit_id: strawberry.ID | None = None) -> PointOfSaleSatisfaction | None:
        view = await point_of_sale_view(scope_of(info), parse_id(unit_id) if unit_id is not None else None)
        return as_point_of_sale(view) if view is not None else None

    @strawberry.field(description="One action plan, for its point of sale's team and managers in scope; else null.")
    async def action_plan(self, info: Info, id: strawberry.ID) -> ActionPlan | None:
        found = await action_plans.find_plan(scope_of(info), parse_id(id))
        return as_plan(found) if found is not None else None

    @strawberry.field(
        description="Action plans under a unit the viewer manages, or of the point of sale whose team it is on "
        "(never above it: a member asking for its region gets NOT_FOUND).",
        extensions=[DomainErrors()],
    )
    async def action_plans(self, info: Info, unit_id: strawberry.ID, only_open: bool = False) -> list[ActionPlan]:
        rows = await action_plans.plans_of_unit(scope_of(info), parse_id(unit_id), only_open)
        return [as_plan(r) for r in rows]
