"""Reading grids, assessments, satisfaction and action plans."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from schema.context import Info
from schema.errors import query_error
from schema.evaluation.types import (
    ActionPlan,
    Assessment,
    IndexPoint,
    PointOfSaleSatisfaction,
    Skill,
    SkillsGrid,
    TeamMember,
    as_assessment,
    as_plan,
    as_survey,
    as_visit,
    gid,
)
from schema.ids import parse_id
from schema.permissions import signed_in
from server.accounts.models import User
from server.errors import DomainError
from server.evaluation import action_plans, assessments, satisfaction
from server.evaluation.errors import ActionPlanNotFound, AssessmentNotFound, PointOfSaleNotFound
from server.network.models import Unit
from server.training.scope import manages


@strawberry.type
class EvaluationQuery:
    @strawberry.field(description="The skills grids of the organisation.")
    async def skills_grids(self, info: Info) -> list[SkillsGrid]:
        found = await assessments.grids(signed_in(info))
        return [
            SkillsGrid(
                id=strawberry.ID(str(g.id)),
                name=g.name,
                role=g.role,
                label_badge_id=gid(g.label_badge_id),
                skills=[Skill(id=strawberry.ID(str(s.id)), name=s.name, descriptors=list(s.descriptors)) for s in skills],
            )
            for g, skills in found
        ]

    @strawberry.field(description="One assessment, for the person assessed or a manager in scope; else null.")
    async def assessment(self, info: Info, id: strawberry.ID) -> Assessment | None:
        try:
            return as_assessment(await assessments.get_assessment(signed_in(info), parse_id(id)))
        except AssessmentNotFound:
            return None

    @strawberry.field(description="The viewer's own assessments, newest first.")
    async def my_assessments(self, info: Info) -> list[Assessment]:
        return [as_assessment(r) for r in await assessments.my_assessments(signed_in(info))]

    @strawberry.field(description="Assessments of the people of a unit in the viewer's scope.")
    async def assessments(self, info: Info, unit_id: strawberry.ID) -> list[Assessment]:
        viewer = signed_in(info)
        unit = await Unit.get_or_none(id=parse_id(unit_id), organization_id=viewer.organization_id)
        try:
            if unit is None:
                raise PointOfSaleNotFound("unitId")
            rows = await assessments.assessments_in_scope(viewer, unit)
        except DomainError as error:
            raise query_error(error, info.context.language) from error
        return [as_assessment(r) for r in rows]

    @strawberry.field(description="Satisfaction of a point of sale (default: the viewer's own); null if not visible.")
    async def point_of_sale(self, info: Info, unit_id: strawberry.ID | None = None) -> PointOfSaleSatisfaction | None:
        viewer = signed_in(info)
        try:
            if unit_id is None:
                unit = await satisfaction.viewer_point_of_sale(viewer)
                if unit is None:
                    return None
            else:
                unit = await satisfaction.point_of_sale(viewer, parse_id(unit_id))
            await satisfaction.require_reader_of(viewer, unit)
        except PointOfSaleNotFound:
            return None
        return await _satisfaction(viewer, unit)

    @strawberry.field(description="One action plan, for its point of sale's team and managers in scope; else null.")
    async def action_plan(self, info: Info, id: strawberry.ID) -> ActionPlan | None:
        try:
            return as_plan(await action_plans.get_plan(signed_in(info), parse_id(id)))
        except ActionPlanNotFound:
            return None

    @strawberry.field(description="Action plans of the points of sale under a unit the viewer may see.")
    async def action_plans(self, info: Info, unit_id: strawberry.ID, only_open: bool = False) -> list[ActionPlan]:
        viewer = signed_in(info)
        unit = await Unit.get_or_none(id=parse_id(unit_id), organization_id=viewer.organization_id)
        if unit is None:
            return []
        try:
            rows = await action_plans.plans_of_unit(viewer, unit, only_open)
        except ActionPlanNotFound:
            return []
        return [as_plan(r) for r in rows]


async def _satisfaction(viewer: User, unit: Unit) -> PointOfSaleSatisfaction:
    today = datetime.now(UTC).date()
    index = await satisfaction.latest_index(unit)
    target = await satisfaction.target_for(unit)
    team = await User.filter(organization_id=unit.organization_id, unit__path__startswith=unit.path).order_by(
        "display_name"
    ).values("id", "display_name")
    return PointOfSaleSatisfaction(
        unit_id=strawberry.ID(str(unit.id)),
        unit_name=unit.name,
        city=unit.city,
        index=index,
        target=target,
        below_target=index is not None and index < target,
        trend=[
            IndexPoint(month=p.month, index=p.index, sample_size=p.sample_size)
            for p in await satisfaction.index_trend(unit, today)
        ],
        surveys=[as_survey(s) for s in await satisfaction.surveys_of(unit)],
        mystery_visits=[as_visit(v) for v in await satisfaction.visits_of(unit)],
        action_plans=[as_plan(p) for p in await action_plans.plans_of_unit(viewer, unit)],
        team=[TeamMember(id=strawberry.ID(str(t["id"])), display_name=str(t["display_name"])) for t in team],
        can_record=await manages(viewer, unit),
    )
