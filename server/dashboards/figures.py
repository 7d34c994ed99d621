"""The figures of a unit's dashboard, computed in a fixed number of queries.

Definitions (the dashboard test recomputes them independently):
- training completion rate: completed (person, module) pairs / assigned pairs, where a
  module is assigned to a person by its audience (open to all, or an assignment whose unit
  holds the person's unit and whose role, if any, is the person's);
- quiz average: mean over (person, quiz) pairs of the person's best score on that quiz;
- satisfaction index: see server.evaluation.satisfaction (sample-weighted, 0–100).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from server.accounts.models import User
from server.evaluation.models import SatisfactionSurvey
from server.evaluation.satisfaction import month_start, months_back, weighted_index
from server.network.models import Unit
from server.training.audience import load_audience
from server.training.models import ModuleProgress, Publication, QuizAttempt, TrainingModule


@dataclass(slots=True)
class PersonFigures:
    user_id: int
    display_name: str
    unit_path: str
    unit_name: str
    assigned: int = 0
    started: int = 0
    completed: int = 0
    best_scores: dict[int, float] = field(default_factory=dict)

    @property
    def quiz_average(self) -> float | None:
        scores = list(self.best_scores.values())
        return round(sum(scores) / len(scores), 2) if scores else None


@dataclass(slots=True)
class Totals:
    people: int = 0
    assigned: int = 0
    started: int = 0
    completed: int = 0
    quiz_scores: list[float] = field(default_factory=list)

    def add(self, person: PersonFigures) -> None:
        self.people += 1
        self.assigned += person.assigned
        self.started += person.started
        self.completed += person.completed
        self.quiz_scores.extend(person.best_scores.values())

    @property
    def completion_rate(self) -> float | None:
        return round(100.0 * self.completed / self.assigned, 2) if self.assigned else None

    @property
    def not_started(self) -> int:
        return self.assigned - self.started

    @property
    def quiz_average(self) -> float | None:
        return round(sum(self.quiz_scores) / len(self.quiz_scores), 2) if self.quiz_scores else None


async def people_figures(unit: Unit) -> list[PersonFigures]:
    """Everyone in the unit's subtree with its training and quiz figures (five queries)."""
    users = await User.filter(
        organization_id=unit.organization_id, unit__path__startswith=unit.path, deactivated_at=None
    ).values(
        "id", "display_name", "role", "unit__path", "unit__name"
    )
    audience = await load_audience(unit.organization_id)
    # drafts reach no one and archived modules have left the lists of things to do
    module_ids = list(
        await TrainingModule.filter(
            organization_id=unit.organization_id, publication=Publication.PUBLISHED
        ).values_list("id", flat=True)
    )
    people: dict[int, PersonFigures] = {}
    assigned: dict[int, set[int]] = {}
    for u in users:
        uid = int(u["id"])
        mine = set(audience.modules_for(module_ids, str(u["unit__path"]), str(u["role"])))  # type: ignore[arg-type]
        assigned[uid] = mine
        people[uid] = PersonFigures(uid, str(u["display_name"]), str(u["unit__path"]), str(u["unit__name"]), len(mine))
    for p in await ModuleProgress.filter(
        organization_id=unit.organization_id, user__unit__path__startswith=unit.path
    ).values("user_id", "module_id", "completed_at"):
        person = people.get(int(p["user_id"]))
        if person is None or int(p["module_id"]) not in assigned[person.user_id]:
            continue
        person.started += 1
        person.completed += p["completed_at"] is not None
    for a in await QuizAttempt.filter(
        organization_id=unit.organization_id, user__unit__path__startswith=unit.path
    ).values("user_id", "quiz_id", "score_percent"):
        person = people.get(int(a["user_id"]))
        if person is not None:
            quiz_id = int(a["quiz_id"])
            person.best_scores[quiz_id] = max(person.best_scores.get(quiz_id, 0.0), float(a["score_percent"]))
    return list(people.values())


@dataclass(slots=True)
class SatisfactionFigures:
    trend: list[tuple[date, float | None, int]]  # month, index, sample size
    by_unit_latest: dict[int, float | None]  # child unit id → index of the latest month


async def satisfaction_figures(unit: Unit, children: list[Unit], today: date, months: int = 6) -> SatisfactionFigures:
    axis = months_back(today, months)
    rows = await SatisfactionSurvey.filter(
        organization_id=unit.organization_id, unit__path__startswith=unit.path, period_end__gte=axis[0]
    ).values("kind", "value", "sample_size", "period_end", "unit__path")
    trend = []
    for month in axis:
        inside = [(str(r["kind"]), float(r["value"]), int(r["sample_size"])) for r in rows if month_start(r["period_end"]) == month]
        trend.append((month, weighted_index(inside), sum(n for _, _, n in inside)))
    by_unit: dict[int, float | None] = {}
    for child in children:
        mine = [r for r in rows if str(r["unit__path"]).startswith(child.path)]
        if not mine:
            by_unit[child.id] = None
            continue
        latest = max(month_start(r["period_end"]) for r in mine)
        by_unit[child.id] = weighted_index(
            [(str(r["kind"]), float(r["value"]), int(r["sample_size"])) for r in mine if month_start(r["period_end"]) == latest]
        )
    return SatisfactionFigures(trend, by_unit)


def totals_by_child(people: list[PersonFigures], children: list[Unit]) -> dict[int, Totals]:
    found: dict[int, Totals] = defaultdict(Totals)
    by_path = sorted(((c.path, c.id) for c in children), key=lambda pair: -len(pair[0]))
    for person in people:
        for path, child_id in by_path:
            if person.unit_path.startswith(path):
                found[child_id].add(person)
                break
    return {c.id: found[c.id] for c in children}
