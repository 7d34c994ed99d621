"""A generated network of 5,000 people with training, quiz and satisfaction data, and the
figures a dashboard should show, computed here from the generator's own choices."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from server.accounts.models import Role, User
from server.evaluation.models import SatisfactionSurvey, SurveyKind
from server.network.models import Unit, UnitKind
from server.network.services import create_organization, create_unit
from server.training.models import (
    ModuleAssignment,
    ModuleProgress,
    Quiz,
    QuizAttempt,
    TrainingModule,
)
from tests.factories import password_hash

PEOPLE = 5000
REGIONS = 4
POS_PER_REGION = 25  # 100 points of sale, 50 people each


@dataclass
class Person:
    id: int
    region: int
    pos: int
    role: Role
    assigned: set[int] = field(default_factory=set)
    started: set[int] = field(default_factory=set)
    completed: set[int] = field(default_factory=set)
    best: dict[int, float] = field(default_factory=dict)


@dataclass
class Generated:
    organization_id: int
    root: Unit
    regions: list[Unit]
    points_of_sale: list[Unit]
    people: list[Person]
    admin: User
    surveys: list[tuple[int, int, str, float, int, date]]  # region index, pos index, kind, value, sample, end


async def generate(today: date, seed: int = 5000) -> Generated:
    rng = random.Random(seed)
    suffix = uuid.uuid4().hex[:8]
    organization, root = await create_organization(f"Réseau 5000 {suffix}", f"n5000-{suffix}")
    regions = [await create_unit(root, UnitKind.REGION, f"Région {r}") for r in range(REGIONS)]
    points = [
        await create_unit(regions[r], UnitKind.POINT_OF_SALE, f"PDV {r}-{p}", "Ville")
        for r in range(REGIONS)
        for p in range(POS_PER_REGION)
    ]
    hashed = await password_hash()
    rows = []
    layout = []
    for n in range(PEOPLE):
        pos_index = n % len(points)
        role = Role.MANAGER if n < len(points) else Role.MEMBER
        layout.append((pos_index // POS_PER_REGION, pos_index, role))
        rows.append(
            User(
                organization_id=organization.id,
                unit_id=points[pos_index].id,
                email=f"p{n}-{suffix}@n5000.example",
                display_name=f"Personne {n:04d}",
                role=role,
                password_hash=hashed,
            )
        )
    await User.bulk_create(rows, batch_size=500)
    ids = await User.filter(organization_id=organization.id).order_by("id").values_list("id", flat=True)
    people = [Person(int(uid), *layout[n]) for n, uid in enumerate(ids)]
    admin = await User.create(
        organization_id=organization.id, unit=root, email=f"admin-{suffix}@n5000.example",
        display_name="Siège", role=Role.ADMIN, password_hash=hashed,
    )

    # four modules: open to all; region 0's people; managers everywhere; one point of sale
    modules = [
        await TrainingModule.create(organization_id=organization.id, title=f"Module {m}", open_to_all=(m == 0))
        for m in range(4)
    ]
    await ModuleAssignment.create(module=modules[1], unit=regions[0])
    await ModuleAssignment.create(module=modules[2], unit=root, role=Role.MANAGER)
    await ModuleAssignment.create(module=modules[3], unit=points[7], due_at=datetime.now(UTC) + timedelta(days=7))
    # head office is a person of the organisation too: the module open to all is for it
    people.append(Person(admin.id, -1, -1, Role.ADMIN))
    for person in people:
        person.assigned.add(modules[0].id)
        if person.region == 0:
            person.assigned.add(modules[1].id)
        if person.role == Role.MANAGER:
            person.assigned.add(modules[2].id)
        if person.pos == 7:
            person.assigned.add(modules[3].id)

    progress = []
    for person in people:
        for module in modules:
            # some progress on unassigned modules too: it must not count
            draw = rng.random()
            if draw < 0.35:
                continue
            done = draw > 0.7
            progress.append(
                ModuleProgress(
                    module_id=module.id, user_id=person.id, organization_id=organization.id,
                    sections_done=3 if done else 1, completed_at=datetime.now(UTC) if done else None,
                )
            )
            if module.id in person.assigned:
                person.started.add(module.id)
                if done:
                    person.completed.add(module.id)
    await ModuleProgress.bulk_create(progress, batch_size=1000)

    quizzes = [await Quiz.create(organization_id=organization.id, title=f"Quiz {q}") for q in range(2)]
    attempts = []
    for person in people:
        for quiz in quizzes:
            for number in range(1, rng.randint(0, 3) + 1):
                score = float(rng.choice([0, 25, 33.33, 50, 66.67, 75, 100]))
                attempts.append(
                    QuizAttempt(
                        quiz_id=quiz.id, user_id=person.id, organization_id=organization.id,
                        number=number, score_percent=score, passed=score >= 70,
                    )
                )
                person.best[quiz.id] = max(person.best.get(quiz.id, 0.0), score)
    await QuizAttempt.bulk_create(attempts, batch_size=1000)

    surveys = []
    survey_rows = []
    for pos_index, pos in enumerate(points):
        for back in range(6):
            year, month = today.year, today.month - back
            while month < 1:
                year, month = year - 1, month + 12
            end = date(year, month, 1) + timedelta(days=rng.randint(0, 27))
            kind = rng.choice([SurveyKind.NPS, SurveyKind.SCORE_10])
            value = float(rng.randint(-20, 80)) if kind == SurveyKind.NPS else round(rng.uniform(5, 10), 1)
            sample = rng.randint(5, 300)
            surveys.append((pos_index // POS_PER_REGION, pos_index, str(kind), value, sample, end))
            survey_rows.append(
                SatisfactionSurvey(
                    organization_id=organization.id, unit_id=pos.id, kind=kind, value=value, sample_size=sample,
                    period_start=end.replace(day=1), period_end=end,
                )
            )
    await SatisfactionSurvey.bulk_create(survey_rows, batch_size=500)
    return Generated(organization.id, root, regions, points, people, admin, surveys)


def expected_figures(people: list[Person]) -> dict[str, float | int | None]:
    """The dashboard's definitions, recomputed from the generator's records."""
    assigned = sum(len(p.assigned) for p in people)
    completed = sum(len(p.completed) for p in people)
    started = sum(len(p.started) for p in people)
    scores = [s for p in people for s in p.best.values()]
    return {
        "people": len(people),
        "assigned": assigned,
        "started": started,
        "notStarted": assigned - started,
        "completed": completed,
        "completionRate": round(100 * completed / assigned, 2) if assigned else None,
        "quizAverage": round(sum(scores) / len(scores), 2) if scores else None,
        "quizScoresCount": len(scores),
    }


def expected_trend(surveys: list[tuple[int, int, str, float, int, date]], region: int | None) -> dict[str, float]:
    by_month: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for r, _, kind, value, sample, end in surveys:
        if region is None or r == region:
            scaled = (value + 100) / 2 if kind == "NPS" else value * 10
            by_month[end.strftime("%Y-%m-01")].append((scaled, sample))
    return {
        month: round(sum(v * n for v, n in rows) / sum(n for _, n in rows), 2) for month, rows in by_month.items()
    }
