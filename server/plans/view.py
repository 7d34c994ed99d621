"""« Notre plan »: the plan of the period as it applies to a unit, for anyone in the network.

A member reads its point of sale's; a manager (or head office) the top of its scope first, then
every point of sale under it side by side; a unit can be asked for, inside what the viewer acts
in (`Scope.acts_in`): a member never reads another point of sale's plan, a manager never a
sibling's. Every unit shown has its levers (the side-by-side table); a unit's next step, skills
and modules to push are made only when read (`UnitPlan`): the PWA reads them for the unit viewed
(`PlanView.unit`) alone, not for head office's 1,200 rows. The cost is a fixed number of queries whatever the number of units and people
(server.plans.readings), pinned by tests/plans/test_my_plan_query_count.py."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from server.challenges.models import Challenge, ChallengeStatus
from server.errors import NotAllowed, ValidationFailed
from server.evaluation.models import PlanStatus
from server.network.models import Unit, UnitKind
from server.network.scope import Scope
from server.plans.models import PerformancePlan, PlanPeriod
from server.plans.objectives import LEVERS, HeldObjective, ObjectiveBook, ObjectiveRow
from server.plans.readings import Bucket, Placement, SkillMean, Viewer, read_levers
from server.plans.sql import Statement, Subtree, as_date
from server.plans.team_skills import ModuleIndex, ModuleToPush, weakest
from server.training.audience import Audience, Target
from server.training.models import ModuleAssignment, Publication, Quiz


@dataclass(slots=True)  # made when read, 7,206 at a time: a frozen one sets each field through object.__setattr__
class LeverReading:
    lever: str
    value: float | None
    objective: HeldObjective

    @property
    def target(self) -> float | None:
        return self.objective.target

    @property
    def objective_unit_id(self) -> int | None:
        return self.objective.unit_id

    @property
    def objective_period(self) -> PlanPeriod | None:
        return self.objective.period

    @property
    def owner_function_id(self) -> int | None:
        return self.objective.owner_function_id

    @property
    def on_track(self) -> bool | None:
        value, target = self.value, self.objective.target
        return None if value is None or target is None else value >= target

    @property
    def gap(self) -> float:
        return gap(self.value, self.objective.target)


def gap(value: float | None, target: float | None) -> float:
    """How far below its objective, relative to it (0 when on track or not measured)."""
    if value is None or not target or value >= target:
        return 0.0
    return (target - value) / target


@dataclass(frozen=True, slots=True)
class NextStep:
    kind: str  # see schema.plans.view_types.NextStepKind
    lever: str | None = None
    subject_id: int | None = None
    title: str | None = None
    count: int | None = None


ON_TRACK, NOTHING_MEASURED = NextStep("ON_TRACK"), NextStep("NOTHING_MEASURED")


class UnitPlan:
    """One unit of « Notre plan ». Its name and its levers are kept for every unit shown (the
    side-by-side table: 1,201 of them for head office); the rest (next step, skills, modules to
    push, people, tenure) is made from the unit's bucket when first read: the unit viewed has
    it all, the table's rows none of it. Strawberry and the planned execution (schema.plan) read
    the same attributes, so they give the same answer whatever the selection."""

    __slots__ = ("unit_id", "unit_name", "unit_kind", "values", "held", "_bucket", "_shared", "_details")

    def __init__(
        self, unit_id: int, unit_name: str, unit_kind: str, values: Sequence[float | None],
        held: tuple[HeldObjective, ...], bucket: Bucket, shared: _Shared,
    ) -> None:
        self.unit_id = unit_id
        self.unit_name = unit_name
        self.unit_kind = unit_kind
        self.values = values  # of each lever, in the order of LEVERS
        self.held = held  # the objectives that hold, in that order (shared among units)
        self._bucket = bucket
        self._shared = shared
        self._details: _Details | None = None

    @property
    def levers(self) -> list[LeverReading]:
        """Where the unit stands on each lever. Made when read, not kept: head office's 1,201
        units would otherwise hold 7,206 readings until the answer is sent, and each call's
        long-lived objects are what sets off the garbage collector's full passes."""
        return list(map(LeverReading, LEVERS, self.values, self.held))

    @property
    def people(self) -> int:
        return self._bucket.people

    @property
    def active_people(self) -> int:
        return self._bucket.active

    @property
    def departures(self) -> int:
        return self._bucket.departures

    @property
    def assessed_people(self) -> int:
        return self._bucket.assessed

    @property
    def tenure_days(self) -> float | None:
        """To a tenth of a day."""
        tenure = self._bucket.tenure
        return None if tenure is None else round(tenure, 1)

    @property
    def next_step(self) -> NextStep:
        return self._made().next_step

    @property
    def weakest_skills(self) -> Sequence[SkillMean]:
        return self._made().weakest_skills

    @property
    def skills(self) -> Sequence[SkillMean]:
        return self._made().skills

    @property
    def training_to_push(self) -> Sequence[ModuleToPush]:
        return self._made().training_to_push

    def _made(self) -> _Details:
        details = self._details
        if details is None:
            details = self._details = self._shared.details(self)
        return details


@dataclass(frozen=True, slots=True)
class _Details:
    next_step: NextStep
    weakest_skills: Sequence[SkillMean]
    skills: Sequence[SkillMean]
    training_to_push: Sequence[ModuleToPush]


@dataclass(slots=True)
class _Shared:
    """What a unit's details are made from, the same for every unit of one answer."""

    titles: Titles
    modules: ModuleIndex
    book: ObjectiveBook
    open_plans: dict[int, int]

    def details(self, unit: UnitPlan) -> _Details:
        bucket = unit._bucket
        if bucket.skills:
            push: Sequence[ModuleToPush] = _to_push(bucket, self.modules)
            weakest_skills: Sequence[SkillMean] = bucket.weakest_skills()
            skills: Sequence[SkillMean] = sorted(bucket.skills.values(), key=lambda s: s.name)
        else:  # most points of sale have no assessment: nothing to sort
            push, weakest_skills, skills = (), (), ()
        step = _unit_step(
            unit.values, self.book.targets(unit.held), bucket, self.titles, self.open_plans.get(unit.unit_id), push
        )
        return _Details(step, weakest_skills, skills, push)


@dataclass(slots=True)
class PlanView:
    plan: PerformancePlan
    day: date
    units: list[UnitPlan]  # the unit viewed first, then each open point of sale under it by name
    my_next_step: NextStep | None

    @property
    def unit(self) -> UnitPlan:
        """The unit viewed (asked for, or the top of what the viewer acts in)."""
        return self.units[0]


@dataclass(frozen=True, slots=True)
class _Top:
    id: int
    name: str
    kind: str
    path: str


async def current_plan(organization_id: int, day: date) -> PerformancePlan | None:
    """The plan whose period holds the day (the latest started), else the latest one."""
    plans = PerformancePlan.filter(organization_id=organization_id)
    found = await plans.filter(starts_on__lte=day, ends_on__gte=day).order_by("-starts_on", "-id").first()
    return found or await plans.order_by("-starts_on", "-id").first()


def top_path(scope: Scope) -> str:
    """The path of the top of what the viewer acts in: the unit whose plan is read by default."""
    return scope.for_content("dashboards").act_path


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
    scope: Scope, now: datetime, unit_id: int | None = None, plan_id: int | None = None, *, unit: Unit | None = None
) -> PlanView | None:
    """The plan as it applies to the unit asked for (see the module docstring); None when the
    organisation has no plan yet. `unit`: one `plan_unit` already found and checked (a live
    plan's, read once for all its snapshots), in place of `unit_id`."""
    scope = scope.for_content("dashboards")
    # by default the top of what the viewer acts in, found among the subtree's units below
    asked = unit if unit is not None else None if unit_id is None else await plan_unit(scope, unit_id)
    top_path = scope.act_path if asked is None else asked.path
    day = now.date()
    # every unit of the subtree, read once: the other statements take their ids. A closed point
    # of sale stays in the tree with its history (its people count above it), never on the
    # plan's side-by-side view. Read with the plan, at the same time: the statements of each step
    # below run at once (on PostgreSQL each on a pooled connection; SQLite takes them in turn)
    q = Statement()
    plan, rows = await asyncio.gather(
        PerformancePlan.get_or_none(id=plan_id, organization_id=scope.organization_id) if plan_id is not None
        else current_plan(scope.organization_id, day),
        q.rows(
            f"SELECT id, name, kind, path, closed_at IS NULL FROM unit WHERE organization_id = {q.arg(scope.organization_id)} "
            f"AND path LIKE {q.arg(top_path + '%')}"
        ),
    )
    if plan is None:
        return None
    titles, modules, audience = await _titles(plan)
    top = next((_Top(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows if str(r[3]) == top_path), None)
    if top is None:
        raise ValidationFailed("unit_not_found", "unitId")
    paths = {int(r[0]): str(r[3]) for r in rows}
    side = sorted(
        (
            (int(r[0]), str(r[1]), str(r[2]), str(r[3]))
            for r in rows
            if r[4] and str(r[2]) == UnitKind.POINT_OF_SALE and int(r[0]) != top.id
        ),
        key=lambda u: (u[1], u[0]),
    )
    shown = [(top.id, top.name, top.kind, top.path), *side]
    placement = Placement(top.id, {u[0] for u in shown})
    subtree = Subtree(scope.organization_id, paths, whole=top.path.count("/") == 2)
    me = scope.user.id if scope.user is not None and not scope.is_manager else 0
    # the levers' statements, the objectives and the open action plans at once (read_levers)
    (buckets, viewer), objective_rows, open_plans = await asyncio.gather(
        read_levers(plan, subtree, placement, now, audience, me),
        _objective_rows(plan, top.path, paths),
        _open_plans(subtree),
    )
    book = ObjectiveBook(plan, objective_rows, day)
    # 1,201 units on head office's view: each keeps its name and lever values (the table), the
    # rest is made for the units whose details are read (UnitPlan)
    empty = Bucket()
    get_bucket, held_levers = buckets.get, book.held_levers
    shared = _Shared(titles, modules, book, open_plans)
    units = []
    for shown_id, shown_name, shown_kind, shown_path in shown:
        bucket = get_bucket(shown_id, empty)
        units.append(UnitPlan(shown_id, shown_name, shown_kind, bucket.values(), held_levers(shown_path), bucket, shared))
    mine = None
    if scope.user is not None and not scope.is_manager:
        mine = _my_step(plan, viewer, titles, open_plans.get(top.id), units[0])
    return PlanView(plan, day, units, mine)


async def _open_plans(subtree: Subtree) -> dict[int, int]:
    """The latest open action plan of each unit of the subtree, by unit."""
    q = Statement()
    open_plans: dict[int, int] = {}
    for plan_row_id, plan_unit_id in await q.rows(
        f"SELECT id, unit_id FROM action_plan WHERE organization_id = {q.arg(subtree.organization_id)} "
        f"AND status = {q.arg(PlanStatus.OPEN.value)} AND {q.in_units('unit_id', subtree)} ORDER BY id DESC"
    ):
        open_plans[int(plan_unit_id)] = int(plan_row_id)
    return open_plans


async def _objective_rows(plan: PerformancePlan, top_path: str, paths: dict[int, str]) -> list[ObjectiveRow]:
    """The plan's objectives set on the top unit, above it or below it (one query): the units
    below are `paths` (the subtree), those above are read from the top's path."""
    above = {}
    ids = [int(p) for p in top_path.strip("/").split("/") if p]
    for n, unit_id in enumerate(ids[:-1]):
        above[unit_id] = "/" + "/".join(str(i) for i in ids[: n + 1]) + "/"
    known = {**above, **paths}
    q = Statement()
    # for the whole network (nothing above), every objective of the plan is in it: no list of
    # 1,200 ids for the database to match, the plan's own few rows (its index)
    units = "" if not above else f" AND unit_id IN {q.ids(known)}"
    return [
        ObjectiveRow(int(unit_id), known[int(unit_id)], str(lever), PlanPeriod(str(period)), as_date(start), float(target),
                     None if owner is None else int(owner))
        for unit_id, lever, period, start, target, owner in await q.rows(
            "SELECT unit_id, lever, period, period_start, target, owner_function_id FROM plan_objective "
            f"WHERE plan_id = {q.arg(plan.id)}{units}"
        )
        if int(unit_id) in known
    ]


@dataclass(slots=True)
class Titles:
    modules: dict[int, str]
    quizzes: dict[int, tuple[str, int]]  # title, pass mark
    live_challenges: list[tuple[int, str]]


async def _titles(plan: PerformancePlan) -> tuple[Titles, ModuleIndex, Audience]:
    """The titles of the plan's modules, quizzes and live challenges, the organisation's
    published modules (what to push for a weak skill) and the audience of the plan's modules
    (server.training.audience): the modules in one statement (the quizzes' and challenges' at the
    same time), their assignments only when a plan module is assigned to units or roles."""
    q = Statement()
    rows, quizzes, live = await asyncio.gather(
        q.rows(
            "SELECT id, title, summary, publication, open_to_all FROM training_module "
            f"WHERE organization_id = {q.arg(plan.organization_id)} "
            f"AND (publication = {q.arg(Publication.PUBLISHED.value)} OR id IN {q.ids(plan.module_ids)}) ORDER BY title"
        ),
        _quizzes(plan),
        _live_challenges(plan),
    )
    planned = set(plan.module_ids)
    modules = {int(r[0]): str(r[1]) for r in rows if int(r[0]) in planned}
    index = ModuleIndex([
        {"id": r[0], "title": r[1], "summary": r[2]} for r in rows if str(r[3]) == Publication.PUBLISHED.value
    ])
    mine = [r for r in rows if int(r[0]) in planned]
    audience = Audience(
        {int(r[0]) for r in mine if r[4]}, {},
        {int(r[0]) for r in mine if str(r[3]) == Publication.DRAFT.value},
        {int(r[0]) for r in mine if str(r[3]) == Publication.ARCHIVED.value},
    )
    targeted = [m for m in modules if m not in audience.open_to_all and m not in audience.drafts]
    if targeted:
        for r in await ModuleAssignment.filter(module_id__in=targeted).values("module_id", "unit__path", "role", "due_at"):
            target = Target(str(r["unit__path"]), None if r["role"] is None else str(r["role"]), r["due_at"])
            audience.targets.setdefault(int(r["module_id"]), []).append(target)
    return Titles(modules, quizzes, live), index, audience


async def _quizzes(plan: PerformancePlan) -> dict[int, tuple[str, int]]:
    """The plan's quizzes: title and pass mark."""
    if not plan.quiz_ids:
        return {}
    return {
        int(r["id"]): (str(r["title"]), int(r["pass_mark_percent"]))
        for r in await Quiz.filter(id__in=list(plan.quiz_ids), organization_id=plan.organization_id)
        .values("id", "title", "pass_mark_percent")
    }


async def _live_challenges(plan: PerformancePlan) -> list[tuple[int, str]]:
    """The plan's live challenges, the one ending first first."""
    if not plan.challenge_ids:
        return []
    return [
        (int(r["id"]), str(r["name"]))
        for r in await Challenge.filter(
            id__in=list(plan.challenge_ids), organization_id=plan.organization_id, status=ChallengeStatus.LIVE
        ).order_by("ends_at", "id").values("id", "name")
    ]


def _to_push(bucket: Bucket, modules: ModuleIndex) -> list[ModuleToPush]:
    """The modules to push for the team's weakest skills, weakest first, each once."""
    found: dict[int, ModuleToPush] = {}
    for weak in weakest(bucket, modules):
        for module in weak.modules:
            found.setdefault(module.module_id, module)
    return list(found.values())


def _unit_step(
    values: Sequence[float | None], targets: Sequence[float | None], bucket: Bucket, titles: Titles,
    open_plan: int | None, push: Sequence[ModuleToPush],
) -> NextStep:
    """The lever furthest below its objective (values and targets in the order of LEVERS), and
    what to do about it."""
    gaps = list(map(gap, values, targets))
    widest = max(gaps)
    if widest == 0:
        measured = any(v is not None for v in values)
        return ON_TRACK if measured else NOTHING_MEASURED
    lever = LEVERS[gaps.index(widest)]
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
    plan: PerformancePlan, viewer: Viewer, titles: Titles, open_plan: int | None, unit: UnitPlan
) -> NextStep:
    """A person's own next step: a plan module to finish, a plan quiz to pass, its point of
    sale's action plan, a live challenge of the plan; else its unit's."""
    for module_id in plan.module_ids:
        if module_id in titles.modules and module_id not in viewer.completed:
            return NextStep("COMPLETE_MODULE", "TRAINING", module_id, titles.modules[module_id])
    for quiz_id, (title, pass_mark) in titles.quizzes.items():
        if viewer.best.get(quiz_id, -1.0) < pass_mark:
            return NextStep("TAKE_QUIZ", "QUIZ", quiz_id, title)
    if open_plan is not None:
        return NextStep("FOLLOW_ACTION_PLAN", "SATISFACTION", open_plan)
    if titles.live_challenges:
        cid, name = titles.live_challenges[0]
        return NextStep("PLAY_CHALLENGE", "CHALLENGES", cid, name)
    return unit.next_step
