"""The performance plan: objectives per lever for a period, and how each unit is doing.

Training and satisfaction levers are measured here; the challenge lever (the mean score of
the participants in the plan's challenges) and the badge lever are read from their domains.

Head office writes plans; managers and head office read them, each measured over its own
scope (`Scope.act_path`): a manager of a region sees its region and the units right under it,
never a sibling's figures nor the network's. Members read no plan."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from server.accounts.models import User
from server.badges.models import Award, Badge
from server.challenges.models import Challenge, Participant
from server.db import atomic
from server.errors import ValidationFailed
from server.evaluation.models import SatisfactionSurvey
from server.evaluation.satisfaction import month_start, weighted_index
from server.network.models import Unit
from server.network.scope import Scope
from server.network.services import top_of_scope
from server.plans.errors import PlanNotFound
from server.plans.models import PerformancePlan
from server.training.audience import load_audience
from server.training.models import ModuleProgress, Quiz, QuizAttempt, TrainingModule


@dataclass(slots=True)
class LeverStatus:
    lever: str  # TRAINING | QUIZ | SATISFACTION | BADGES | CHALLENGES
    value: float | None
    target: float | None  # None: counted, no objective (badges)

    @property
    def on_track(self) -> bool | None:
        return None if self.value is None or self.target is None else self.value >= self.target


@dataclass(slots=True)
class UnitLevers:
    unit_id: int
    unit_name: str
    levers: list[LeverStatus] = field(default_factory=list)


@dataclass(slots=True)
class PlanInput:
    name: str
    starts_on: date
    ends_on: date
    module_ids: list[int]
    quiz_ids: list[int]
    challenge_ids: list[int]
    badge_ids: list[int]
    training_completion_target: float
    quiz_average_target: float
    satisfaction_index_target: float


async def create_plan(scope: Scope, data: PlanInput) -> PerformancePlan:
    """Head office only; every module, quiz, challenge and badge named is of its organisation."""
    scope.require_admin()
    if not 2 <= len(data.name.strip()) <= 120:
        raise ValidationFailed("plan_name_invalid", "name")
    if data.ends_on < data.starts_on:
        raise ValidationFailed("plan_period_invalid", "endsOn")
    for value, name in (
        (data.training_completion_target, "trainingCompletionTarget"),
        (data.quiz_average_target, "quizAverageTarget"),
        (data.satisfaction_index_target, "satisfactionIndexTarget"),
    ):
        if not 0 <= value <= 100:
            raise ValidationFailed("plan_target_invalid", name)
    org = scope.organization_id
    if len(set(data.module_ids)) != await TrainingModule.filter(organization_id=org, id__in=data.module_ids).count():
        raise ValidationFailed("training_module_not_found", "moduleIds")
    if len(set(data.quiz_ids)) != await Quiz.filter(organization_id=org, id__in=data.quiz_ids).count():
        raise ValidationFailed("quiz_not_found", "quizIds")
    if len(set(data.challenge_ids)) != await Challenge.filter(organization_id=org, id__in=data.challenge_ids).count():
        raise ValidationFailed("challenge_not_found", "challengeIds")
    if len(set(data.badge_ids)) != await Badge.filter(organization_id=org, id__in=data.badge_ids).count():
        raise ValidationFailed("badge_not_found", "badgeIds")
    async with atomic():
        return await PerformancePlan.create(
            organization_id=org,
            name=data.name.strip(),
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            module_ids=sorted(set(data.module_ids)),
            quiz_ids=sorted(set(data.quiz_ids)),
            challenge_ids=sorted(set(data.challenge_ids)),
            badge_ids=sorted(set(data.badge_ids)),
            training_completion_target=data.training_completion_target,
            quiz_average_target=data.quiz_average_target,
            satisfaction_index_target=data.satisfaction_index_target,
            created_by_id=scope.user_id,
        )


async def plans(scope: Scope) -> list[PerformancePlan]:
    scope.require_manager()
    return await PerformancePlan.filter(organization_id=scope.organization_id).order_by("-starts_on", "-id")


async def get_plan(scope: Scope, plan_id: int) -> PerformancePlan:
    scope.require_manager()
    plan = await PerformancePlan.get_or_none(id=plan_id, organization_id=scope.organization_id)
    if plan is None:
        raise PlanNotFound("id")
    return plan


async def find_plan(scope: Scope, plan_id: int) -> PerformancePlan | None:
    """`get_plan`, or None when the organisation has no such plan (members are refused)."""
    try:
        return await get_plan(scope, plan_id)
    except PlanNotFound:
        return None


async def plan_levers(scope: Scope, plan_id: int) -> list[UnitLevers]:
    """For each unit directly under the viewer's scope (and the scope itself, first):
    training completion of the plan's modules, average best score on its quizzes in the
    period, and the satisfaction index of the period's latest month, against the objectives."""
    plan = await get_plan(scope, plan_id)
    root = await top_of_scope(scope)
    units = [root] + list(await Unit.filter(parent_id=root.id).order_by("name"))
    starts = datetime.combine(plan.starts_on, time.min, tzinfo=UTC)
    ends = datetime.combine(plan.ends_on, time.max, tzinfo=UTC)
    people = await User.filter(
        organization_id=root.organization_id, unit__path__startswith=root.path, deactivated_at=None
    ).values(
        "id", "role", "unit__path"
    )
    audience = await load_audience(root.organization_id, list(plan.module_ids))
    completed = {
        (int(r["user_id"]), int(r["module_id"]))
        for r in await ModuleProgress.filter(
            module_id__in=list(plan.module_ids), completed_at__not_isnull=True, completed_at__lte=ends,
            user__unit__path__startswith=root.path,
        ).values("user_id", "module_id")
    }
    best: dict[tuple[int, int], float] = defaultdict(float)
    for a in await QuizAttempt.filter(
        quiz_id__in=list(plan.quiz_ids), created_at__gte=starts, created_at__lte=ends,
        user__unit__path__startswith=root.path,
    ).values("user_id", "quiz_id", "score_percent"):
        key = (int(a["user_id"]), int(a["quiz_id"]))
        best[key] = max(best[key], float(a["score_percent"]))
    surveys = await SatisfactionSurvey.filter(
        organization_id=root.organization_id, unit__path__startswith=root.path,
        period_end__gte=plan.starts_on, period_end__lte=plan.ends_on,
    ).values("kind", "value", "sample_size", "period_end", "unit__path")
    awards = await Award.filter(
        organization_id=root.organization_id, badge_id__in=list(plan.badge_ids), revoked_at=None,
        awarded_at__gte=starts, awarded_at__lte=ends, user__unit__path__startswith=root.path,
    ).values_list("user_id", flat=True)
    # challenges: every participant's score in the plan's challenges, placed by its unit's path
    in_plan = Participant.filter(challenge_id__in=list(plan.challenge_ids), challenge__organization_id=root.organization_id)
    challenge_scores = [
        (str(r["user__unit__path"]), float(r["score"]))
        for r in await in_plan.filter(user__unit__path__startswith=root.path).values("score", "user__unit__path")
    ] + [
        (str(r["unit__path"]), float(r["score"]))
        for r in await in_plan.filter(user_id__isnull=True, unit__path__startswith=root.path).values("score", "unit__path")
    ]
    paths = {int(p["id"]): str(p["unit__path"]) for p in people}
    result = []
    for unit in units:
        inside = [p for p in people if str(p["unit__path"]).startswith(unit.path)]
        assigned = done = 0
        for p in inside:
            mine = audience.modules_for(plan.module_ids, str(p["unit__path"]), str(p["role"]))
            assigned += len(mine)
            done += sum((int(p["id"]), m) in completed for m in mine)
        scores = [s for (uid, _), s in best.items() if paths.get(uid, "").startswith(unit.path)]
        rows = [r for r in surveys if str(r["unit__path"]).startswith(unit.path)]
        index = None
        if rows:
            latest = max(month_start(r["period_end"]) for r in rows)
            index = weighted_index(
                [(str(r["kind"]), float(r["value"]), int(r["sample_size"])) for r in rows if month_start(r["period_end"]) == latest]
            )
        result.append(
            UnitLevers(
                unit.id,
                unit.name,
                [
                    LeverStatus("TRAINING", round(100.0 * done / assigned, 2) if assigned else None, plan.training_completion_target),
                    LeverStatus("QUIZ", round(sum(scores) / len(scores), 2) if scores else None, plan.quiz_average_target),
                    LeverStatus("SATISFACTION", index, plan.satisfaction_index_target),
                    LeverStatus(
                        "BADGES",
                        float(sum(paths.get(int(uid), "").startswith(unit.path) for uid in awards)),  # type: ignore[call-overload]
                        None,
                    ),
                    LeverStatus("CHALLENGES", _mean([v for path, v in challenge_scores if path.startswith(unit.path)]), None),
                ],
            )
        )
    return result


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None
