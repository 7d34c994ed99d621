"""The plan's quarterly review: what worked and what did not, as a screen and as CSV."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.plans.types import PerformancePlan, as_plan
from schema.plans.view_types import PlanViewLever
from server.plans import action_indicator, improvement


@strawberry.enum(description="What kind of action the plan measures.")
class ImprovementKind(StrEnum):
    ACTION_PLAN = "ACTION_PLAN"
    CHALLENGE = "CHALLENGE"
    TRAINING_CAMPAIGN = "TRAINING_CAMPAIGN"


@strawberry.enum(description="What the review concludes.")
class ImprovementVerdict(StrEnum):
    WORKED = "WORKED"
    DID_NOT_WORK = "DID_NOT_WORK"
    TOO_EARLY = "TOO_EARLY"
    NOT_MEASURED = "NOT_MEASURED"


@strawberry.type(description="An action's effect: its indicator on its unit before and after, beside comparable units.")
class ImprovementEffect:
    id: strawberry.ID
    kind: ImprovementKind
    subject_id: strawberry.ID = strawberry.field(description="The action plan, challenge or module.")
    title: str
    unit_id: strawberry.ID
    unit_name: str
    indicator: PlanViewLever
    started_on: dt.date
    ends_on: dt.date | None
    before: float | None = strawberry.field(description="Over the window before it started (recorded then).")
    after: float | None = strawberry.field(description="Over the window after it (while it runs: since it started).")
    change: float | None
    comparable_before: float | None
    comparable_after: float | None
    comparable_change: float | None = strawberry.field(description="The mean change of the comparable units.")
    comparable_units: int = strawberry.field(description="Units of the same kind that ran nothing on this indicator meanwhile.")
    effect: float | None = strawberry.field(description="The unit's change minus the comparable units'.")
    verdict: ImprovementVerdict
    may_change_indicator: bool = strawberry.field(
        description="Whether the viewer may change the indicator it targets (setActionIndicator)."
    )


@strawberry.type(description="The plan's review: its actions, what worked first.")
class PlanReview:
    plan: PerformancePlan
    effects: list[ImprovementEffect]


def as_effect(e: improvement.Effect, may_change_indicator: bool) -> ImprovementEffect:
    a = e.action
    return ImprovementEffect(
        id=strawberry.ID(str(a.id)), kind=ImprovementKind(str(a.kind)), subject_id=strawberry.ID(str(a.subject_id)),
        title=a.title, unit_id=strawberry.ID(str(a.unit_id)), unit_name=e.unit_name, indicator=PlanViewLever(a.indicator),
        started_on=a.started_on, ends_on=a.ends_on, before=e.before, after=e.after, change=e.change,
        comparable_before=e.comparable_before, comparable_after=e.comparable_after, comparable_change=e.comparable_change,
        comparable_units=e.comparable_units, effect=e.effect, verdict=ImprovementVerdict(e.verdict),
        may_change_indicator=may_change_indicator,
    )


@strawberry.type
class PlanReviewQuery:
    @strawberry.field(
        description="The plan's review (continuous improvement): every action plan, challenge and training campaign that "
        "started in its period on a unit the viewer manages, with its effect. Managers and head office.",
        extensions=[DomainErrors()],
    )
    async def plan_review(self, info: Info, plan_id: strawberry.ID) -> PlanReview:
        plan, effects, manageable = await action_indicator.review_with_rights(
            scope_of(info), parse_id(plan_id), dt.datetime.now(dt.UTC).date()
        )
        return PlanReview(plan=as_plan(plan), effects=[as_effect(e, e.action.id in manageable) for e in effects])

    @strawberry.field(
        description="The plan's review as CSV (semicolon-separated, headers in the viewer's language).",
        extensions=[DomainErrors()],
    )
    async def plan_review_csv(self, info: Info, plan_id: strawberry.ID) -> str:
        _, effects = await improvement.plan_review(scope_of(info), parse_id(plan_id), dt.datetime.now(dt.UTC).date())
        return improvement.review_csv(effects, info.context.language)
