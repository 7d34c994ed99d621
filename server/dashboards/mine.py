"""The rows of a person's own dashboard (« Mes résultats »), read by hand in two statements:
its training with its quizzes, then its skills, its point of sale's satisfaction and its
badges. The screen is live, so it is read again after every change that touches the person
(server.dashboards.live); read through each domain's functions it took eleven statements.

The rules stay with their domains, applied here to the rows: who a module is for
(server.training.audience), the latest month's index and the nearest target
(server.evaluation.satisfaction), what a skill's level means (server.evaluation.assessments)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from server.dashboards.recognition import HeldBadge
from server.evaluation.assessments import ScoreRow, score_row
from server.evaluation.satisfaction import latest_of, nearest_target
from server.network.models import Unit
from server.network.scope import Scope
from server.sql import Statement
from server.training.audience import Audience, Target
from server.training.models import Publication

BADGES_SHOWN = 12
NOT_STARTED, IN_PROGRESS, COMPLETED = 0, 1, 2


@dataclass(slots=True)
class MyTraining:
    assigned: int = 0
    completed: int = 0
    in_progress: int = 0
    best_scores: dict[int, float] = field(default_factory=dict)  # quiz → the person's best score

    @property
    def quiz_average(self) -> float | None:
        scores = list(self.best_scores.values())
        return round(sum(scores) / len(scores), 2) if scores else None


@dataclass(slots=True)
class MyEvaluation:
    skills: list[ScoreRow] = field(default_factory=list)
    badges: list[HeldBadge] = field(default_factory=list)
    satisfaction_index: float | None = None
    satisfaction_target: float | None = None


async def my_training(scope: Scope) -> MyTraining:
    """The published modules for the person (open to all, or assigned to its branch and role)
    with its progress in each, and its best score in each quiz: one statement."""
    q = Statement()
    viewer = q.arg(scope.user_id)
    rows = await q.rows(f"""
SELECT m.id AS module_id, CASE WHEN m.open_to_all THEN 1 ELSE 0 END AS open_to_all, u.path AS unit_path, a.role AS role,
       CASE WHEN p.id IS NULL THEN {NOT_STARTED} WHEN p.completed_at IS NULL THEN {IN_PROGRESS} ELSE {COMPLETED} END AS progress,
       NULL AS quiz_id, NULL AS best
  FROM training_module m
  LEFT JOIN training_assignment a ON a.module_id = m.id
  LEFT JOIN unit u ON u.id = a.unit_id
  LEFT JOIN training_progress p ON p.module_id = m.id AND p.user_id = {viewer}
 WHERE m.organization_id = {q.arg(scope.organization_id)} AND m.publication = {q.arg(Publication.PUBLISHED.value)}
UNION ALL
SELECT NULL, NULL, NULL, NULL, NULL, t.quiz_id, max(t.score_percent)
  FROM quiz_attempt t WHERE t.user_id = {viewer} GROUP BY t.quiz_id""")
    audience = Audience(set(), {})
    progress: dict[int, int] = {}
    found = MyTraining()
    for row in rows:
        if row["quiz_id"] is not None:
            found.best_scores[int(row["quiz_id"])] = float(row["best"])
            continue
        module_id = int(row["module_id"])
        progress[module_id] = int(row["progress"])
        if row["open_to_all"]:
            audience.open_to_all.add(module_id)
        if row["unit_path"] is not None:
            role = str(row["role"]) if row["role"] is not None else None
            audience.targets.setdefault(module_id, []).append(Target(str(row["unit_path"]), role, None))
    for module_id, state in progress.items():
        if audience.includes(module_id, scope.unit_path, scope.role):
            found.assigned += 1
            found.completed += state == COMPLETED
            found.in_progress += state == IN_PROGRESS
    return found


async def my_evaluation(scope: Scope, point_of_sale: Unit | None) -> MyEvaluation:
    """The latest assessment's levels, the point of sale's surveys and the organisation's
    satisfaction targets, and the newest badges: one statement."""
    q = Statement()
    viewer, organization = q.arg(scope.user_id), q.arg(scope.organization_id)
    satisfaction = ""
    if point_of_sale is not None:
        satisfaction = f"""
UNION ALL
SELECT 'survey', NULL, v.sample_size, NULL, v.value, v.kind, NULL, NULL, NULL, CAST(v.period_end AS TEXT)
  FROM satisfaction_survey v JOIN unit u ON u.id = v.unit_id
 WHERE v.organization_id = {organization} AND u.path LIKE {q.arg(point_of_sale.path + '%')}
UNION ALL
SELECT 'target', t.unit_id, NULL, NULL, t.index_target, NULL, NULL, NULL, NULL, NULL
  FROM satisfaction_target t WHERE t.organization_id = {organization}"""
    rows = await q.rows(f"""
SELECT 'skill' AS tag, s.skill_id AS id, s.level AS n, k.position AS place, NULL AS x, k.name AS a,
       CAST(k.descriptors AS TEXT) AS b, s.comment AS c, NULL AS d, NULL AS at
  FROM assessment_score s JOIN skill k ON k.id = s.skill_id
 WHERE s.assessment_id = (SELECT e.id FROM assessment e WHERE e.person_id = {viewer}
                           ORDER BY e.created_at DESC, e.id DESC LIMIT 1){satisfaction}
UNION ALL
SELECT * FROM (SELECT 'badge', w.badge_id, CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), CAST(NULL AS FLOAT), b.name, b.emoji, b.kind, w.level, CAST(w.awarded_at AS TEXT)
                 FROM badge_award w JOIN badge b ON b.id = w.badge_id
                WHERE w.user_id = {viewer} AND w.revoked_at IS NULL
                ORDER BY w.awarded_at DESC LIMIT {q.arg(BADGES_SHOWN)}) newest""")
    # (the NULLs of a subquery are typed there: PostgreSQL then matches them with the others)
    found = MyEvaluation()
    skills: list[tuple[int, ScoreRow]] = []
    surveys: list[tuple[str, float, int, date]] = []
    targets: dict[int | None, float] = {}
    for row in rows:
        tag = row["tag"]
        if tag == "skill":
            skills.append((int(row["place"]), score_row(
                int(row["id"]), str(row["a"]), _json(row["b"]), int(row["n"]), str(row["c"]))))
        elif tag == "survey":
            surveys.append((str(row["a"]), float(row["x"]), int(row["n"]), date.fromisoformat(str(row["at"])[:10])))
        elif tag == "target":
            targets[int(row["id"]) if row["id"] is not None else None] = float(row["x"])
        else:
            found.badges.append(HeldBadge(int(row["id"]), str(row["a"]), row["b"], str(row["c"]), row["d"],
                                          datetime.fromisoformat(str(row["at"]))))
    found.skills = [score for _, score in sorted(skills, key=lambda s: s[0])]
    found.badges.sort(key=lambda b: b.awarded_at, reverse=True)
    if point_of_sale is not None:
        found.satisfaction_index = latest_of(surveys)
        found.satisfaction_target = nearest_target(targets, point_of_sale)
    return found


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
