"""The training domain's values for challenge criteria (server.challenges.criteria)."""

from __future__ import annotations

from collections import defaultdict

from server.accounts.models import User
from server.challenges.criteria import CriterionQuery
from server.network.models import Unit
from server.training.audience import load_audience
from server.training.models import ModuleProgress, QuizAttempt


async def _people(query: CriterionQuery) -> dict[int, list[tuple[int, str, str]]]:
    """Participant id → [(user id, unit path, role)]: the person itself, or a unit's people."""
    if query.participant_kind == "USER":
        rows = await User.filter(
            organization_id=query.organization_id, id__in=list(query.participant_ids), deactivated_at=None
        ).values("id", "role", "unit__path")
        return {int(r["id"]): [(int(r["id"]), str(r["unit__path"]), str(r["role"]))] for r in rows}
    units = await Unit.filter(organization_id=query.organization_id, id__in=list(query.participant_ids)).values(
        "id", "path"
    )
    found: dict[int, list[tuple[int, str, str]]] = {}
    for unit in units:
        rows = await User.filter(
            organization_id=query.organization_id, unit__path__startswith=unit["path"], deactivated_at=None
        ).values("id", "role", "unit__path")
        found[int(unit["id"])] = [(int(r["id"]), str(r["unit__path"]), str(r["role"])) for r in rows]
    return found


async def training_completion(query: CriterionQuery) -> dict[int, float]:
    """Share of the chosen modules (default: the person's assigned modules) completed in the period."""
    chosen = [int(m) for m in query.options.get("module_ids") or []]
    people = await _people(query)
    audience = await load_audience(query.organization_id, chosen or None)
    module_ids = chosen or sorted(audience.open_to_all | set(audience.targets))
    user_ids = [uid for group in people.values() for uid, _, _ in group]
    done: dict[int, set[int]] = defaultdict(set)
    for row in await ModuleProgress.filter(
        user_id__in=user_ids,
        module_id__in=module_ids,
        completed_at__not_isnull=True,
        completed_at__lte=query.ends_at,
    ).values("user_id", "module_id"):
        done[int(row["user_id"])].add(int(row["module_id"]))

    def share(uid: int, path: str, role: str) -> float:
        expected = module_ids if chosen else audience.modules_for(module_ids, path, role)
        return len(done[uid] & set(expected)) / len(expected) if expected else 0.0

    return {
        pid: (sum(share(*person) for person in group) / len(group) if group else 0.0)
        for pid, group in people.items()
    }


async def quiz_score(query: CriterionQuery) -> dict[int, float]:
    """Best score of the chosen quiz (or the average of best scores) in the period, 0..1.

    For a unit, the mean over its people, someone without an attempt counting 0."""
    quiz_id = query.options.get("quiz_id")
    people = await _people(query)
    user_ids = [uid for group in people.values() for uid, _, _ in group]
    attempts = QuizAttempt.filter(
        user_id__in=user_ids, created_at__gte=query.starts_at, created_at__lte=query.ends_at
    )
    if quiz_id is not None:
        attempts = attempts.filter(quiz_id=int(quiz_id))
    best: dict[int, dict[int, float]] = defaultdict(dict)
    for row in await attempts.values("user_id", "quiz_id", "score_percent"):
        uid, qid = int(row["user_id"]), int(row["quiz_id"])
        best[uid][qid] = max(best[uid].get(qid, 0.0), float(row["score_percent"]))

    def value(uid: int) -> float:
        scores = list(best[uid].values())
        return (sum(scores) / len(scores) / 100.0) if scores else 0.0

    return {
        pid: (sum(value(uid) for uid, _, _ in group) / len(group) if group else 0.0)
        for pid, group in people.items()
    }
