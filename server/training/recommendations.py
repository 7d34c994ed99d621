"""Modules suggested to a person when its results slip: a failed quiz, a weak skill in its
latest assessment, or an assigned module coming due. Shown on the home screen."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from server.evaluation.assessments import latest_skill_levels
from server.network.scope import Scope
from server.training.models import Quiz, QuizAttempt
from server.training.services import ModuleRow, Participation, my_modules

DUE_WITHIN = timedelta(days=7)
WEAK_LEVEL = 2
SHOWN = 3
_WORD = re.compile(r"[\wÀ-ÿ]{5,}")


class RecommendationReason(StrEnum):
    QUIZ_FAILED = "QUIZ_FAILED"
    SKILL_GAP = "SKILL_GAP"
    DUE_SOON = "DUE_SOON"


@dataclass(slots=True)
class Recommendation:
    module: ModuleRow
    reason: RecommendationReason
    detail: str  # the skill name, for SKILL_GAP


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


async def recommended_modules(scope: Scope, now: datetime | None = None) -> list[Recommendation]:
    now = now or datetime.now(UTC)
    if scope.user is None:
        return []
    user_id = scope.user.id
    modules = [m for m in await my_modules(scope) if m.status != Participation.COMPLETED]
    by_id = {m.id: m for m in modules}
    found: list[Recommendation] = []
    seen: set[int] = set()

    def add(module: ModuleRow, reason: RecommendationReason, detail: str = "") -> None:
        if module.id not in seen:
            seen.add(module.id)
            found.append(Recommendation(module, reason, detail))

    # a quiz failed and not passed since: go back to its module
    attempts = await QuizAttempt.filter(user_id=user_id).order_by("created_at").values("quiz_id", "passed")
    passed = {a["quiz_id"] for a in attempts if a["passed"]}
    failed = [a["quiz_id"] for a in attempts if not a["passed"] and a["quiz_id"] not in passed]
    if failed:
        for quiz in await Quiz.filter(id__in=failed, module_id__not_isnull=True).values("module_id"):
            if quiz["module_id"] in by_id:
                add(by_id[quiz["module_id"]], RecommendationReason.QUIZ_FAILED)
    # a weak skill: the module whose title shares a word with it (« Financement » → « … financement LOA/LLD »)
    for skill in await latest_skill_levels(user_id):
        if skill.level <= WEAK_LEVEL:
            for module in modules:
                if _words(skill.skill_name) & _words(f"{module.title} {module.summary}"):
                    add(module, RecommendationReason.SKILL_GAP, skill.skill_name)
    for module in sorted((m for m in modules if m.due_at and m.assigned), key=lambda m: m.due_at or now):
        if module.due_at and module.due_at - now <= DUE_WITHIN:
            add(module, RecommendationReason.DUE_SOON)
    return found[:SHOWN]
