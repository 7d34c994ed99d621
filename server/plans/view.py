"""« Notre plan »: the plan of the period as it applies to a unit, for anyone in the network.

A member reads its point of sale's; a manager (or head office) the top of its scope first, then
every point of sale under it side by side; a unit can be asked for, inside what the viewer acts
in (`Scope.acts_in`): a member never reads another point of sale's plan, a manager never a
sibling's. The cost is a fixed number of queries whatever the number of units and people
(server.plans.readings), pinned by tests/plans/test_my_plan_query_count.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from server.challenges.models import Challenge, ChallengeStatus
from server.errors import NotAllowed, ValidationFailed
from server.evaluation.models import ActionPlan, PlanStatus
from server.network.models import Unit, UnitKind
from server.network.scope import Scope
from server.plans.models import PerformancePlan, PlanObjective
from server.plans.objectives import LEVERS, HeldObjective, ObjectiveBook, ObjectiveRow
from server.plans.readings import Bucket, Placement, SkillMean, read_levers
from server.plans.team_skills import ModuleIndex, ModuleToPush, module_index, weakest
from server.training.models import Quiz, TrainingModule


@dataclass(slots=True)
class LeverReading:
    lever: str
    value: float | None
    objective: HeldObjective

    @property
    def target(self) -> float | None:
        return self.objective.target

    @property
    def on_track(self) -> bool | None:
        return None if self.value is None or self.target is None else self.value >= self.target

    @property
    def gap(self) -> float:
        """How far below its objective, relative to it (0 when on track or not measured)."""
        if self.value is None or not self.target or self.value >= self.target:
            return 0.0
        return (self.target - self.value) / self.target


@dataclass(slots=True)
class NextStep:
    kind: str  # see schema.plans.view_types.NextStepKind
    lever: str | None = None
    subject_id: int | None = None
    title: str | None = None
    count: int | None = None


@dataclass(slots=True)
class UnitPlan:
    unit_id: int
    unit_name: str
    unit_kind: str
    levers: list[LeverReading]
    next_step: NextStep
    people: int
    active_people: int
    departures: int
    tenure_days: float | None
    assessed_people: int
    weakest_skills: list[SkillMean] = field(default_factory=list)
    skills: list[SkillMean] = field(default_factory=list)
    training_to_push: list[ModuleToPush] = field(default_factory=list)


@dataclass(slots=True)
class PlanView:
    plan: PerformancePlan
    day: date
    units: list[UnitPlan]
    my_next_step: NextStep | None


async def current_plan(organization_id: int, day: date) -> PerformancePlan | None:
    """The plan whose period holds the day (the latest started), else the latest one."""
    plans = PerformancePlan.filter(organization_id=organization_id)
    found = await plans.filter(starts_on__lte=day, ends_on__gte=day).order_by("-starts_on", "-id").first()
    return found or await plans.order_by("-starts_on", "-id").first()


async def plan_unit(scope: Scope, unit_id: int | None) -> Unit:
    """The unit whose plan is asked for: by default the top of what the viewer acts in (a
    member's point of sale); otherwise one inside it."""
    scope = scope.for_content("dashboards")
    if unit_id is None:
        return await Unit.get(id=int(scope.act_path.strip("/").split("/")[-1]), organization_id=scope.organization_id)
    unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id)
    if unit is None:
        raise ValidationFailed("unit_not_found", "unitId")
    scope.require_acts_in(unit, NotAllowed())
    return unit


async def my_plan(
    scope: Scope, now: datetime, unit_id: int | None = None, plan_id: int | None = None
) -> PlanView | None:
    """The plan as it applies to the unit asked for (see the module docstring); None when the
    organisation has no plan yet."""
    scope = scope.for_content("dashboards")
    top = await plan_unit(scope, unit_id)
    day = now.date()
    if plan_id is not None:
        plan = await PerformancePlan.get_or_none(id=plan_id, organization_id=scope.organization_id)
    else:
        plan = await current_plan(scope.organization_id, day)
    if plan is None:
        return None
    subtree = await Unit.filter(organization_id=scope.organization_id, path__startswith=top.path).values(
        "id", "name", "kind", "path"
    )
    side = sorted(
        (u for u in subtree if u["kind"] == UnitKind.POINT_OF_SALE and int(u["id"]) != top.id),
        key=lambda u: (str(u["name"]), int(u["id"])),
    )
    shown = [{"id": top.id, "name": top.name, "kind": str(top.kind), "path": top.path}, *side]
    placement = Placement(top.id, {int(u["id"]) for u in shown})
    buckets, people, completed, best = await read_levers(plan, scope.organization_id, top.path, placement, now)
    book = ObjectiveBook(plan, await _objective_rows(plan, top.path), day)
    titles = await _titles(plan)
    modules = await module_index(scope.organization_id)
    open_plans = {
        int(r["unit_id"]): int(r["id"])
        for r in await ActionPlan.filter(
            organization_id=scope.organization_id, unit__path__startswith=top.path, status=PlanStatus.OPEN
        ).order_by("-id").values("id", "unit_id")
    }
    units = []
    for u in shown:
        bucket = buckets.get(int(u["id"]), Bucket())
        held = book.held_all(str(u["path"]))
        readings = [LeverReading(lever, bucket.value(lever), held[lever]) for lever in LEVERS]
        push = _to_push(bucket, modules)
        units.append(
            UnitPlan(
                unit_id=int(u["id"]), unit_name=str(u["name"]), unit_kind=str(u["kind"]), levers=readings,
                next_step=_unit_step(readings, bucket, titles, open_plans.get(int(u["id"])), push),
                people=bucket.people, active_people=bucket.active, departures=bucket.departures,
                tenure_days=bucket.tenure, assessed_people=bucket.assessed,
                weakest_skills=bucket.weakest_skills(), skills=sorted(bucket.skills.values(), key=lambda s: s.name),
                training_to_push=push,
            )
        )
    mine = None
    if scope.user is not None and not scope.is_manager:
        me = next((p for p in people if p.id == scope.user.id), None)
        mine = _my_step(plan, me.role if me else str(scope.role), scope.unit_path, scope.user.id, completed, best,
                        titles, open_plans.get(top.id), units[0])
    return PlanView(plan, day, units, mine)


async def _objective_rows(plan: PerformancePlan, top_path: str) -> list[ObjectiveRow]:
    """The plan's objectives set on the top unit, above it or below it (one query)."""
    return [
        ObjectiveRow(
            int(r["unit_id"]), str(r["unit__path"]), str(r["lever"]), r["period"], r["period_start"],
            float(r["target"]), r["owner_function_id"],
        )
        for r in await PlanObjective.filter(plan_id=plan.id).values(
            "unit_id", "unit__path", "lever", "period", "period_start", "target", "owner_function_id"
        )
        if str(r["unit__path"]).startswith(top_path) or top_path.startswith(str(r["unit__path"]))
    ]


@dataclass(slots=True)
class Titles:
    modules: dict[int, str]
    quizzes: dict[int, tuple[str, int]]  # title, pass mark
    live_challenges: list[tuple[int, str]]


async def _titles(plan: PerformancePlan) -> Titles:
    modules = {int(r["id"]): str(r["title"]) for r in await TrainingModule.filter(id__in=list(plan.module_ids)).values("id", "title")}
    quizzes = {
        int(r["id"]): (str(r["title"]), int(r["pass_mark_percent"]))
        for r in await Quiz.filter(id__in=list(plan.quiz_ids)).values("id", "title", "pass_mark_percent")
    }
    live = [
        (int(r["id"]), str(r["name"]))
        for r in await Challenge.filter(id__in=list(plan.challenge_ids), status=ChallengeStatus.LIVE)
        .order_by("ends_at", "id").values("id", "name")
    ]
    return Titles(modules, quizzes, live)


def _to_push(bucket: Bucket, modules: ModuleIndex) -> list[ModuleToPush]:
    """The modules to push for the team's weakest skills, weakest first, each once."""
    found: dict[int, ModuleToPush] = {}
    for weak in weakest(bucket, modules):
        for module in weak.modules:
            found.setdefault(module.module_id, module)
    return list(found.values())


def _unit_step(
    readings: list[LeverReading], bucket: Bucket, titles: Titles, open_plan: int | None, push: list[ModuleToPush]
) -> NextStep:
    """The lever furthest below its objective, and what to do about it."""
    behind = max(readings, key=lambda r: r.gap)
    if behind.gap == 0:
        measured = any(r.value is not None for r in readings)
        return NextStep("ON_TRACK" if measured else "NOTHING_MEASURED")
    lever = behind.lever
    if lever == "TRAINING":
        return NextStep("REMIND_TRAINING", lever, count=bucket.not_done)
    if lever == "QUIZ":
        quiz = next(iter(titles.quizzes.items()), None)
        return NextStep("REVISE_QUIZ", lever, quiz[0] if quiz else None, quiz[1][0] if quiz else None)
    if lever == "SKILLS":
        weak = bucket.weakest_skills(1)
        return NextStep("PUSH_SKILL", lever, push[0].module_id if push else None, weak[0].name if weak else None)
    if lever == "SATISFACTION":
        return NextStep("FOLLOW_ACTION_PLAN", lever, open_plan) if open_plan else NextStep("START_ACTION_PLAN", lever)
    if lever == "CHALLENGES" and titles.live_challenges:
        cid, name = titles.live_challenges[0]
        return NextStep("PLAY_CHALLENGE", lever, cid, name)
    return NextStep("ENGAGE_TEAM", lever, count=bucket.people - bucket.active)


def _my_step(
    plan: PerformancePlan, role: str, unit_path: str, user_id: int, completed: set[tuple[int, int]],
    best: dict[tuple[int, int], float], titles: Titles, open_plan: int | None, unit: UnitPlan,
) -> NextStep:
    """A person's own next step: a plan module to finish, a plan quiz to pass, its point of
    sale's action plan, a live challenge of the plan; else its unit's."""
    for module_id in plan.module_ids:
        if module_id in titles.modules and (user_id, module_id) not in completed:
            return NextStep("COMPLETE_MODULE", "TRAINING", module_id, titles.modules[module_id])
    for quiz_id, (title, pass_mark) in titles.quizzes.items():
        if best.get((user_id, quiz_id), -1.0) < pass_mark:
            return NextStep("TAKE_QUIZ", "QUIZ", quiz_id, title)
    if open_plan is not None:
        return NextStep("FOLLOW_ACTION_PLAN", "SATISFACTION", open_plan)
    if titles.live_challenges:
        cid, name = titles.live_challenges[0]
        return NextStep("PLAY_CHALLENGE", "CHALLENGES", cid, name)
    return unit.next_step
