"""GraphQL types of the dashboards."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.challenges.types import ScoringMode
from schema.evaluation.types import ActionPlan, IndexPoint, SkillScore, as_plan, as_scores
from schema.network.types import UnitKind
from server.challenges.models import ScoringMode as ScoringModeEnum
from server.dashboards.figures import PersonFigures, Totals
from server.dashboards.results import ResultAgainstTarget as ResultRow
from server.dashboards.services import DashboardTable as DashboardTableEnum
from server.dashboards.services import MyDashboard as MyDashboardRow
from server.dashboards.services import UnitDashboard as UnitDashboardRow

strawberry.enum(DashboardTableEnum, name="DashboardTable", description="A table a manager can export.")
DashboardTable = DashboardTableEnum


@strawberry.type(description="Training and quiz figures of a group of people.")
class TrainingFigures:
    people: int
    assigned: int = strawberry.field(description="(person, module) pairs assigned.")
    started: int
    not_started: int
    completed: int
    completion_rate: float | None = strawberry.field(description="Completed / assigned, in percent.")
    quiz_average: float | None = strawberry.field(description="Mean of best scores per person and quiz, percent.")
    quiz_scores_count: int = strawberry.field(description="(person, quiz) pairs behind the average.")


def as_figures(t: Totals) -> TrainingFigures:
    return TrainingFigures(
        people=t.people,
        assigned=t.assigned,
        started=t.started,
        not_started=t.not_started,
        completed=t.completed,
        completion_rate=t.completion_rate,
        quiz_average=t.quiz_average,
        quiz_scores_count=len(t.quiz_scores),
    )


@strawberry.type(description="A sub-unit's line in its parent's dashboard.")
class SubUnitFigures:
    unit_id: strawberry.ID
    name: str
    kind: UnitKind
    rank: int = strawberry.field(description="By completion rate, then quiz average; ties share a rank.")
    figures: TrainingFigures
    satisfaction_index: float | None


@strawberry.type(description="A metric with a target over the current period: results so far against it.")
class ResultAgainstTarget:
    metric_id: strawberry.ID
    metric_name: str
    unit_label: str = strawberry.field(description="How the metric counts, e.g. « véh. ».")
    total: float = strawberry.field(description="Results over the target's period so far (the viewer's, or the subtree's).")
    target: float
    percent: float | None = strawberry.field(description="Total / target, in percent; null without a target.")


def as_results(rows: list[ResultRow]) -> list[ResultAgainstTarget]:
    return [
        ResultAgainstTarget(
            metric_id=strawberry.ID(str(r.metric_id)), metric_name=r.metric_name, unit_label=r.unit_label,
            total=r.total, target=r.target, percent=r.percent,
        )
        for r in rows
    ]


@strawberry.type(description="A unit's dashboard: its subtree's figures, live.")
class UnitDashboard:
    unit_id: strawberry.ID
    unit_name: str
    figures: TrainingFigures
    satisfaction_index: float | None
    satisfaction_target: float
    satisfaction_trend: list[IndexPoint]
    open_action_plans: list[ActionPlan]
    sub_units: list[SubUnitFigures]
    badges_this_month: int = strawberry.field(description="Badges and labels awarded this month in the subtree.")
    results: list[ResultAgainstTarget] = strawberry.field(
        description="Added-up metrics: the subtree's results against the unit's target, else its people's targets summed."
    )


def as_unit_dashboard(row: UnitDashboardRow) -> UnitDashboard:
    return UnitDashboard(
        unit_id=strawberry.ID(str(row.unit_id)),
        unit_name=row.unit_name,
        figures=as_figures(row.totals),
        satisfaction_index=row.satisfaction_index,
        satisfaction_target=row.satisfaction_target,
        satisfaction_trend=[IndexPoint(month=m, index=i, sample_size=n) for m, i, n in row.satisfaction_trend],
        open_action_plans=[as_plan(p) for p in row.open_plans],
        badges_this_month=row.badges_this_month,
        results=as_results(row.results),
        sub_units=[
            SubUnitFigures(
                unit_id=strawberry.ID(str(s.unit_id)),
                name=s.name,
                kind=s.kind,  # type: ignore[arg-type]
                rank=s.rank,
                figures=as_figures(s.totals),
                satisfaction_index=s.satisfaction_index,
            )
            for s in row.sub_units
        ],
    )


@strawberry.type(description="A badge or label the viewer holds.")
class HeldBadge:
    badge_id: strawberry.ID
    name: str
    emoji: str | None
    kind: str = strawberry.field(description="BADGE or LABEL.")
    level: str | None
    awarded_at: dt.datetime


@strawberry.type(description="Where the viewer stands in a live challenge it takes part in.")
class ChallengeStanding:
    challenge_id: strawberry.ID
    name: str
    rank: int | None
    participant_count: int = strawberry.field(description="Participants in the viewer's league.")
    score: float
    scoring_mode: ScoringMode = strawberry.field(description="The score's unit: percent of target or improvement, "
                                                 "or absolute points.")
    tied: bool = strawberry.field(description="Whether the rank is shared with others at the same score (ex aequo).")


@strawberry.type(description="The viewer's own figures.")
class MyDashboard:
    modules_assigned: int
    modules_completed: int
    modules_in_progress: int
    completion_rate: float | None
    quiz_average: float | None = strawberry.field(description="Mean of the viewer's best score per quiz.")
    quizzes_taken: int
    skills: list[SkillScore] = strawberry.field(description="Latest assessment's levels: the skills radar.")
    point_of_sale_name: str | None
    satisfaction_index: float | None
    satisfaction_target: float | None
    badges: list[HeldBadge] = strawberry.field(description="Newest first, revoked ones left out.")
    results: list[ResultAgainstTarget] = strawberry.field(description="Results against targets, by metric name.")
    standings: list[ChallengeStanding] = strawberry.field(description="Live challenges, the one ending first first.")


def as_my_dashboard(row: MyDashboardRow) -> MyDashboard:
    return MyDashboard(
        modules_assigned=row.modules_assigned,
        modules_completed=row.modules_completed,
        modules_in_progress=row.modules_in_progress,
        completion_rate=row.completion_rate,
        quiz_average=row.quiz_average,
        quizzes_taken=row.quizzes_taken,
        skills=as_scores(row.skills),
        point_of_sale_name=row.point_of_sale_name,
        satisfaction_index=row.satisfaction_index,
        satisfaction_target=row.satisfaction_target,
        badges=[
            HeldBadge(
                badge_id=strawberry.ID(str(b.badge_id)),
                name=b.name,
                emoji=b.emoji,
                kind=b.kind,
                level=b.level,
                awarded_at=b.awarded_at,
            )
            for b in row.badges
        ],
        results=as_results(row.results),
        standings=[
            ChallengeStanding(
                challenge_id=strawberry.ID(str(s.challenge_id)), name=s.name, rank=s.rank,
                participant_count=s.size, score=s.score, scoring_mode=ScoringModeEnum(s.scoring_mode), tied=s.tied,
            )
            for s in row.standings
        ],
    )


@strawberry.type(description="One person's figures, the detail behind a unit's numbers.")
class PersonFiguresRow:
    user_id: strawberry.ID
    display_name: str
    unit_name: str
    assigned: int
    started: int
    completed: int
    quiz_average: float | None


def as_person(p: PersonFigures) -> PersonFiguresRow:
    return PersonFiguresRow(
        user_id=strawberry.ID(str(p.user_id)),
        display_name=p.display_name,
        unit_name=p.unit_name,
        assigned=p.assigned,
        started=p.started,
        completed=p.completed,
        quiz_average=p.quiz_average,
    )


@strawberry.type(description="A dashboard, first as it is (version 0), then after each change that touches it.")
class UnitDashboardUpdate:
    version: int
    at: dt.datetime
    dashboard: UnitDashboard


@strawberry.type(description="The viewer's dashboard, first as it is (version 0), then after each change.")
class MyDashboardUpdate:
    version: int
    at: dt.datetime
    dashboard: MyDashboard
