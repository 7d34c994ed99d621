"""Dashboards for a person and for a unit, and the CSV of every table a manager sees.

A unit's dashboard, its people and its CSV are for the managers of that unit (`Scope.manages`):
a manager of a sibling or of a child unit, and every member, are refused. Without a unit,
the top of the viewer's scope. A person's own dashboard is theirs alone."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum

from server.dashboards.figures import (
    PersonFigures,
    Totals,
    people_figures,
    satisfaction_figures,
    totals_by_child,
)
from server.dashboards.mine import my_evaluation, my_training
from server.dashboards.recognition import HeldBadge, badges_this_month
from server.dashboards.results import (
    ResultAgainstTarget,
    StandingRow,
    my_results,
    my_standings,
    unit_results,
)
from server.errors import NotAllowed, ValidationFailed
from server.evaluation.action_plans import PlanRow, plans_under
from server.evaluation.assessments import ScoreRow, assessments_under
from server.evaluation.satisfaction import latest_index, target_for
from server.network.models import Unit
from server.network.scope import Scope, path_ids
from server.network.services import point_of_sale_of, top_of_scope


@dataclass(slots=True)
class SubUnitRow:
    unit_id: int
    name: str
    kind: str
    rank: int
    totals: Totals
    satisfaction_index: float | None


@dataclass(slots=True)
class UnitDashboard:
    unit_id: int
    unit_name: str
    totals: Totals
    satisfaction_trend: list[tuple[date, float | None, int]]
    satisfaction_index: float | None
    satisfaction_target: float
    open_plans: list[PlanRow]
    sub_units: list[SubUnitRow]
    badges_this_month: int = 0
    results: list[ResultAgainstTarget] = field(default_factory=list)


@dataclass(slots=True)
class MyDashboard:
    user_id: int
    modules_assigned: int
    modules_completed: int
    modules_in_progress: int
    quiz_average: float | None
    quizzes_taken: int
    skills: list[ScoreRow] = field(default_factory=list)
    satisfaction_index: float | None = None
    satisfaction_target: float | None = None
    point_of_sale_name: str | None = None
    badges: list[HeldBadge] = field(default_factory=list)
    results: list[ResultAgainstTarget] = field(default_factory=list)
    standings: list[StandingRow] = field(default_factory=list)

    @property
    def completion_rate(self) -> float | None:
        return round(100.0 * self.modules_completed / self.modules_assigned, 2) if self.modules_assigned else None


def rank_sub_units(rows: list[SubUnitRow]) -> list[SubUnitRow]:
    """By training completion, then quiz average, then name; equal figures share a rank."""

    def key(row: SubUnitRow) -> tuple[float, float]:
        return (-(row.totals.completion_rate or 0.0), -(row.totals.quiz_average or 0.0))

    rows.sort(key=lambda r: (*key(r), r.name))
    for index, row in enumerate(rows):
        row.rank = rows[index - 1].rank if index and key(rows[index - 1]) == key(row) else index + 1
    return rows


async def dashboard_unit(scope: Scope, unit_id: int | None) -> Unit:
    """The unit whose dashboard the viewer asks for, when it manages it (default: the top of
    its scope). Members manage nothing."""
    scope = scope.for_content("dashboards")
    scope.require_manager()
    if unit_id is None:
        return await top_of_scope(scope)
    unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id)
    if unit is None:
        raise ValidationFailed("unit_not_found", "unitId")
    scope.require_manages(unit)
    return unit


async def unit_dashboard(scope: Scope, unit: Unit, today: date) -> UnitDashboard:
    scope = scope.for_content("dashboards")
    scope.require_manages(unit)
    people = await people_figures(unit)
    totals = Totals()
    for person in people:
        totals.add(person)
    children = await Unit.filter(parent_id=unit.id, closed_at=None).order_by("name")
    satisfaction = await satisfaction_figures(unit, children, today)
    by_child = totals_by_child(people, children)
    sub_units = rank_sub_units(
        [
            SubUnitRow(c.id, c.name, str(c.kind), 0, by_child[c.id], satisfaction.by_unit_latest.get(c.id))
            for c in children
        ]
    )
    return UnitDashboard(
        unit_id=unit.id,
        unit_name=unit.name,
        totals=totals,
        satisfaction_trend=satisfaction.trend,
        satisfaction_index=await latest_index(unit),
        satisfaction_target=await target_for(unit),
        open_plans=await plans_under(unit, only_open=True),
        sub_units=sub_units,
        badges_this_month=await badges_this_month(unit, today),
        results=await unit_results(unit, datetime.now(UTC)),
    )


async def unit_dashboard_of(scope: Scope, unit_id: int | None, today: date) -> UnitDashboard:
    """`unit_dashboard` of the unit asked for (see `dashboard_unit`)."""
    return await unit_dashboard(scope, await dashboard_unit(scope, unit_id), today)


async def my_dashboard(scope: Scope) -> MyDashboard:
    """The person's own figures: its training and quizzes, then its skills, satisfaction and
    badges (server.dashboards.mine), its results against targets, its standings: four
    statements whatever it has."""
    viewer = scope.user
    if viewer is None:  # an integration token has no dashboard of its own
        raise NotAllowed()
    training = await my_training(scope)
    pos = await point_of_sale_of(scope.unit_path, scope.own_unit)
    evaluation = await my_evaluation(scope, pos)
    return MyDashboard(
        user_id=viewer.id,
        modules_assigned=training.assigned,
        modules_completed=training.completed,
        modules_in_progress=training.in_progress,
        quiz_average=training.quiz_average,
        quizzes_taken=len(training.best_scores),
        skills=evaluation.skills,
        satisfaction_index=evaluation.satisfaction_index,
        satisfaction_target=evaluation.satisfaction_target,
        point_of_sale_name=pos.name if pos else None,
        badges=evaluation.badges,
        results=await my_results(viewer, datetime.now(UTC)),
        standings=await my_standings(viewer, path_ids(scope.unit_path)),
    )


class DashboardTable(StrEnum):
    SUB_UNITS = "SUB_UNITS"
    PEOPLE = "PEOPLE"
    ACTION_PLANS = "ACTION_PLANS"
    SATISFACTION = "SATISFACTION"
    ASSESSMENTS = "ASSESSMENTS"


HEADERS = {
    "fr": {
        DashboardTable.SUB_UNITS: ["rang", "unité", "personnes", "formations assignées", "formations terminées", "taux de complétion (%)", "moyenne quiz (%)", "indice satisfaction"],
        DashboardTable.PEOPLE: ["personne", "unité", "formations assignées", "commencées", "terminées", "moyenne quiz (%)"],
        DashboardTable.ACTION_PLANS: ["point de vente", "plan d'action", "statut", "actions", "avancement (%)"],
        DashboardTable.SATISFACTION: ["mois", "indice", "répondants"],
        DashboardTable.ASSESSMENTS: ["personne", "grille", "résultat", "niveau moyen", "date", "évaluateur"],
    },
    "en": {
        DashboardTable.SUB_UNITS: ["rank", "unit", "people", "trainings assigned", "trainings completed", "completion rate (%)", "quiz average (%)", "satisfaction index"],
        DashboardTable.PEOPLE: ["person", "unit", "trainings assigned", "started", "completed", "quiz average (%)"],
        DashboardTable.ACTION_PLANS: ["point of sale", "action plan", "status", "actions", "progress (%)"],
        DashboardTable.SATISFACTION: ["month", "index", "respondents"],
        DashboardTable.ASSESSMENTS: ["person", "grid", "outcome", "average level", "date", "assessor"],
    },
}


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # a spreadsheet must not run a formula hidden in a name
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


async def unit_people(scope: Scope, unit_id: int, limit: int) -> list[PersonFigures]:
    """The people behind the figures of a unit the viewer manages, by name."""
    scope = scope.for_content("dashboards")
    unit = await dashboard_unit(scope, unit_id)
    return sorted(await people_figures(unit), key=lambda p: p.display_name)[:limit]


async def dashboard_csv(scope: Scope, unit_id: int, table: DashboardTable, today: date, language: str) -> str:
    """A table of the dashboard of a unit the viewer manages, as CSV."""
    scope = scope.for_content("dashboards")
    unit = await dashboard_unit(scope, unit_id)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADERS.get(language, HEADERS["fr"])[table])
    if table == DashboardTable.PEOPLE:
        for p in sorted(await people_figures(unit), key=lambda p: p.display_name):
            writer.writerow([_cell(p.display_name), _cell(p.unit_name), p.assigned, p.started, p.completed, _cell(p.quiz_average)])
    elif table == DashboardTable.ASSESSMENTS:
        for a in await assessments_under(unit):
            writer.writerow([
                _cell(a.person_name), _cell(a.grid_name), a.outcome, a.average_level,
                a.created_at.date().isoformat(), _cell(a.assessor_name),
            ])
    elif table == DashboardTable.ACTION_PLANS:
        for plan in await plans_under(unit):
            writer.writerow([_cell(plan.unit_name), _cell(plan.title), plan.status, len(plan.items), plan.progress_percent])
    else:
        board = await unit_dashboard(scope, unit, today)
        if table == DashboardTable.SUB_UNITS:
            for row in board.sub_units:
                t = row.totals
                writer.writerow([row.rank, _cell(row.name), t.people, t.assigned, t.completed, _cell(t.completion_rate), _cell(t.quiz_average), _cell(row.satisfaction_index)])
        else:
            for month, index, sample in board.satisfaction_trend:
                writer.writerow([month.strftime("%Y-%m"), _cell(index), sample])
    return out.getvalue()
