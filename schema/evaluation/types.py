"""GraphQL types of skills, assessments, satisfaction and action plans."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.accounts.types import Role
from server.evaluation.action_plans import PlanRow
from server.evaluation.assessments import AssessmentRow, ScoreRow
from server.evaluation.models import AssessmentOutcome as AssessmentOutcomeEnum
from server.evaluation.models import ItemStatus as ItemStatusEnum
from server.evaluation.models import MysteryVisit as MysteryVisitModel
from server.evaluation.models import PlanStatus as PlanStatusEnum
from server.evaluation.models import SatisfactionSurvey as SurveyModel
from server.evaluation.models import Skill as SkillModel
from server.evaluation.models import SkillsGrid as SkillsGridModel
from server.evaluation.models import SurveyKind as SurveyKindEnum
from server.evaluation.point_of_sale import PointOfSaleView

strawberry.enum(AssessmentOutcomeEnum, name="AssessmentOutcome", description="Global outcome.")
AssessmentOutcome = AssessmentOutcomeEnum
strawberry.enum(SurveyKindEnum, name="SurveyKind", description="NPS (−100..100) or a 0–10 score.")
SurveyKind = SurveyKindEnum
strawberry.enum(PlanStatusEnum, name="ActionPlanStatus", description="Open or closed.")
ActionPlanStatus = PlanStatusEnum
strawberry.enum(ItemStatusEnum, name="ActionItemStatus", description="Where an action is.")
ActionItemStatus = ItemStatusEnum


def gid(value: int | None) -> strawberry.ID | None:
    return None if value is None else strawberry.ID(str(value))


@strawberry.type(description="A skill of a grid and what each level 1–4 looks like.")
class Skill:
    id: strawberry.ID
    name: str
    descriptors: list[str] = strawberry.field(description="Four texts, for levels 1 to 4.")


@strawberry.type(description="The skills expected in a job, e.g. « Vendeur ».")
class SkillsGrid:
    id: strawberry.ID
    name: str
    role: Role
    label_badge_id: strawberry.ID | None = strawberry.field(description="The label a passed assessment grants.")
    skills: list[Skill]


@strawberry.type(description="A skill's level in an assessment.")
class SkillScore:
    skill_id: strawberry.ID
    skill_name: str
    level: int = strawberry.field(description="1 to 4.")
    descriptor: str = strawberry.field(description="What this level means for this skill.")
    comment: str


def as_scores(rows: list[ScoreRow]) -> list[SkillScore]:
    return [
        SkillScore(
            skill_id=strawberry.ID(str(s.skill_id)),
            skill_name=s.skill_name,
            level=s.level,
            descriptor=s.descriptor,
            comment=s.comment,
        )
        for s in rows
    ]


@strawberry.type(description="A manager's assessment of a person against a grid; the person may answer.")
class Assessment:
    id: strawberry.ID
    grid_id: strawberry.ID
    grid_name: str
    person_id: strawberry.ID
    person_name: str
    assessor_name: str | None
    outcome: AssessmentOutcome
    comment: str
    person_comment: str = strawberry.field(description="The assessed person's answer.")
    average_level: float
    created_at: dt.datetime
    scores: list[SkillScore]
    person_photo_url: str | None = strawberry.field(
        default=None, description="The assessed person's profile photo (a square WebP), or null: show the initials.")


def as_assessment(row: AssessmentRow) -> Assessment:
    return Assessment(
        id=strawberry.ID(str(row.id)),
        grid_id=strawberry.ID(str(row.grid_id)),
        grid_name=row.grid_name,
        person_id=strawberry.ID(str(row.person_id)),
        person_name=row.person_name,
        assessor_name=row.assessor_name,
        outcome=row.outcome,
        comment=row.comment,
        person_comment=row.person_comment,
        average_level=row.average_level,
        created_at=row.created_at,
        scores=as_scores(row.scores),
        person_photo_url=row.person_photo_url,
    )


@strawberry.type(description="A survey result of a point of sale over a period.")
class SatisfactionSurvey:
    id: strawberry.ID
    kind: SurveyKind
    value: float
    sample_size: int
    period_start: dt.date
    period_end: dt.date
    normalised: float = strawberry.field(description="The value on the 0–100 index scale.")


def as_survey(row: SurveyModel) -> SatisfactionSurvey:
    from server.evaluation.satisfaction import normalised

    return SatisfactionSurvey(
        id=strawberry.ID(str(row.id)),
        kind=row.kind,
        value=row.value,
        sample_size=row.sample_size,
        period_start=row.period_start,
        period_end=row.period_end,
        normalised=round(normalised(row.kind, row.value), 2),
    )


@strawberry.type
class MysteryVisitSection:
    name: str
    score: float = strawberry.field(description="0 to 100.")


@strawberry.type(description="A mystery shopper's visit with a score per section and a global score.")
class MysteryVisit:
    id: strawberry.ID
    visited_on: dt.date
    global_score: float
    comment: str
    sections: list[MysteryVisitSection]


def as_visit(row: MysteryVisitModel) -> MysteryVisit:
    return MysteryVisit(
        id=strawberry.ID(str(row.id)),
        visited_on=row.visited_on,
        global_score=row.global_score,
        comment=row.comment,
        sections=[MysteryVisitSection(name=str(s["name"]), score=float(s["score"])) for s in row.sections],
    )


@strawberry.type(description="The satisfaction index (0–100) of one month.")
class IndexPoint:
    month: dt.date = strawberry.field(description="First day of the month.")
    index: float | None = strawberry.field(description="Null when no survey ended that month.")
    sample_size: int


@strawberry.type(description="An action of a plan: what, who, by when, and where it stands.")
class ActionItem:
    id: strawberry.ID
    what: str
    owner_id: strawberry.ID | None
    owner_name: str | None
    due_on: dt.date | None
    status: ActionItemStatus


@strawberry.type
class ActionComment:
    id: strawberry.ID
    author_name: str | None
    body: str = strawberry.field(description="Plain text; render as text.")
    created_at: dt.datetime
    author_photo_url: str | None = strawberry.field(
        default=None, description="The author's profile photo (a square WebP), or null: show the initials.")


@strawberry.type(description="A point of sale's action plan, built by its team.")
class ActionPlan:
    id: strawberry.ID
    unit_id: strawberry.ID
    unit_name: str
    title: str
    status: ActionPlanStatus
    progress_percent: float = strawberry.field(description="Share of actions done.")
    survey_id: strawberry.ID | None = strawberry.field(description="The survey that motivated it.")
    visit_id: strawberry.ID | None = strawberry.field(description="The mystery visit that motivated it.")
    assessment_id: strawberry.ID | None
    created_at: dt.datetime
    updated_at: dt.datetime
    items: list[ActionItem]
    comments: list[ActionComment]


def as_plan(row: PlanRow) -> ActionPlan:
    return ActionPlan(
        id=strawberry.ID(str(row.id)),
        unit_id=strawberry.ID(str(row.unit_id)),
        unit_name=row.unit_name,
        title=row.title,
        status=row.status,
        progress_percent=row.progress_percent,
        survey_id=gid(row.survey_id),
        visit_id=gid(row.visit_id),
        assessment_id=gid(row.assessment_id),
        created_at=row.created_at,
        updated_at=row.updated_at,
        items=[
            ActionItem(
                id=strawberry.ID(str(i.id)),
                what=i.what,
                owner_id=gid(i.owner_id),
                owner_name=i.owner_name,
                due_on=i.due_on,
                status=i.status,
            )
            for i in row.items
        ],
        comments=[
            ActionComment(id=strawberry.ID(str(c.id)), author_name=c.author_name, body=c.body, created_at=c.created_at,
                          author_photo_url=c.author_photo_url)
            for c in row.comments
        ],
    )


@strawberry.type(description="A member of a point of sale's team (owners of actions are chosen here).")
class TeamMember:
    id: strawberry.ID
    display_name: str


@strawberry.type(description="Customer satisfaction of a point of sale, its trend and its action plans.")
class PointOfSaleSatisfaction:
    unit_id: strawberry.ID
    unit_name: str
    city: str | None
    index: float | None = strawberry.field(description="Index of the latest month with surveys.")
    target: float
    below_target: bool
    trend: list[IndexPoint] = strawberry.field(description="Six months, oldest first.")
    surveys: list[SatisfactionSurvey]
    mystery_visits: list[MysteryVisit]
    action_plans: list[ActionPlan]
    team: list[TeamMember]
    can_record: bool = strawberry.field(description="Whether the viewer may enter scores here.")


def as_point_of_sale(view: PointOfSaleView) -> PointOfSaleSatisfaction:
    return PointOfSaleSatisfaction(
        unit_id=strawberry.ID(str(view.unit.id)),
        unit_name=view.unit.name,
        city=view.unit.city,
        index=view.index,
        target=view.target,
        below_target=view.below_target,
        trend=[IndexPoint(month=p.month, index=p.index, sample_size=p.sample_size) for p in view.trend],
        surveys=[as_survey(s) for s in view.surveys],
        mystery_visits=[as_visit(v) for v in view.visits],
        action_plans=[as_plan(p) for p in view.plans],
        team=[TeamMember(id=strawberry.ID(str(t.id)), display_name=t.display_name) for t in view.team],
        can_record=view.can_record,
    )


def as_grid(grid: SkillsGridModel, skills: list[SkillModel]) -> SkillsGrid:
    return SkillsGrid(
        id=strawberry.ID(str(grid.id)),
        name=grid.name,
        role=grid.role,
        label_badge_id=gid(grid.label_badge_id),
        skills=[Skill(id=strawberry.ID(str(s.id)), name=s.name, descriptors=list(s.descriptors)) for s in skills],
    )
