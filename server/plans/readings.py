"""The figures of a plan's levers for many units at once, in a fixed number of queries.

Every row (a person, a quiz attempt, a survey, a score) is read once for the whole subtree
shown, then added to the buckets it counts in: the top unit shown and the point of sale it
belongs to. A row is placed by walking its unit path's ids (a few), never by comparing it
with every unit: 1,200 points of sale cost what 3 do, in queries and nearly in time."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from types import MappingProxyType
from typing import Any, cast

from server.accounts.activity import week_of
from server.evaluation.models import SurveyKind
from server.evaluation.satisfaction import month_start, normalised
from server.plans.models import PerformancePlan
from server.plans.sql import Statement, Subtree, as_date
from server.training.audience import Audience


@dataclass(slots=True)
class SkillMean:
    skill_id: int
    name: str
    total: float = 0.0
    count: int = 0

    @property
    def level(self) -> float:
        return round(self.total / self.count, 2) if self.count else 0.0

    @property
    def assessed(self) -> int:
        """How many people's latest assessment scored it."""
        return self.count


_NO_SKILLS: Mapping[int, SkillMean] = MappingProxyType({})


@dataclass(slots=True)
class Bucket:
    """What one unit shown adds up."""

    people: int = 0
    assigned: int = 0
    done: int = 0
    not_done: int = 0  # people with at least one plan module left
    quiz_total: float = 0.0  # the best score of each person per plan quiz, added up
    quiz_count: int = 0
    # the lists below are made on a bucket's first row: most buckets (1,200 points of sale) have
    # no assessment, and a call's every long-lived container weighs on the garbage collector
    skill_levels: Sequence[float] = ()
    skills: Mapping[int, SkillMean] = field(default_factory=lambda: _NO_SKILLS)
    assessed: int = 0
    # satisfaction: the latest month's surveys added up as they come (an older month's are
    # dropped, a newer month's start again): each survey's normalised value × its answers, and
    # its answers (server.evaluation.satisfaction.weighted_index, in the same order)
    survey_month: date | None = None
    survey_weighted: float = 0.0
    survey_answers: int = 0
    challenge_total: float = 0.0
    challenge_count: int = 0
    active: int = 0
    departures: int = 0
    tenure_total: float = 0.0  # days, summed over the people counted
    tenure_count: int = 0

    def value(self, lever: str) -> float | None:
        if lever == "TRAINING":
            return round(100.0 * self.done / self.assigned, 2) if self.assigned else None
        if lever == "QUIZ":
            return round(self.quiz_total / self.quiz_count, 2) if self.quiz_count else None
        if lever == "SKILLS":
            return _mean(self.skill_levels)
        if lever == "SATISFACTION":
            return round(self.survey_weighted / self.survey_answers, 2) if self.survey_answers else None
        if lever == "CHALLENGES":
            return round(self.challenge_total / self.challenge_count, 2) if self.challenge_count else None
        if lever == "RETENTION":
            return round(100.0 * self.active / self.people, 2) if self.people else None
        return None

    def values(self) -> tuple[float | None, ...]:
        """`value` of every lever, in the order of LEVERS."""
        return (
            round(100.0 * self.done / self.assigned, 2) if self.assigned else None,
            round(self.quiz_total / self.quiz_count, 2) if self.quiz_count else None,
            _mean(self.skill_levels),
            round(self.survey_weighted / self.survey_answers, 2) if self.survey_answers else None,
            round(self.challenge_total / self.challenge_count, 2) if self.challenge_count else None,
            round(100.0 * self.active / self.people, 2) if self.people else None,
        )

    @property
    def tenure(self) -> float | None:
        return round(self.tenure_total / self.tenure_count, 2) if self.tenure_count else None

    def weakest_skills(self, count: int = 3) -> list[SkillMean]:
        return sorted(self.skills.values(), key=lambda s: (s.level, s.name))[:count]

    def add_survey(self, survey: tuple[date, str, float, int]) -> None:
        """A survey (its month, kind, value, answers) counted in the SATISFACTION lever."""
        month, kind, value, answers = survey
        self.add_answers(month, normalised(kind, value) * answers, answers)

    def add_answers(self, month: date, weighted: float, answers: int) -> None:
        """A survey's normalised value × its answers, and its answers, for its month."""
        latest = self.survey_month
        if latest is None or month > latest:
            self.survey_month, self.survey_weighted, self.survey_answers = month, weighted, answers
        elif month == latest:
            self.survey_weighted += weighted
            self.survey_answers += answers

    def add_level(self, level: float) -> None:
        """A level counted in the SKILLS lever."""
        if self.skill_levels:
            cast(list[float], self.skill_levels).append(level)
        else:
            self.skill_levels = [level]

    def add_skill_level(self, skill_id: int, name: str, level: float) -> None:
        """One skill's level in a person's latest assessment: the lever and the radar."""
        self.add_level(level)
        if not self.skills:
            self.skills = {}
        skills = cast(dict[int, SkillMean], self.skills)
        mean = skills.get(skill_id)
        if mean is None:
            mean = skills[skill_id] = SkillMean(skill_id, name)
        mean.total += level
        mean.count += 1


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


WORD = 60  # plan modules per column of completed bits


class Placement:
    """Which buckets a unit path counts in: the top unit, and the point of sale (or other unit
    shown) nearest above it."""

    def __init__(self, top_id: int, shown_ids: set[int]) -> None:
        self.top_id = top_id
        self.shown_ids = shown_ids
        self._cache: dict[str, tuple[int, ...]] = {}
        self._by_unit: dict[int, tuple[int, ...]] = {}

    def of(self, path: str) -> tuple[int, ...]:
        found = self._cache.get(path)
        if found is None:
            ids = [int(p) for p in path.strip("/").split("/") if p]
            nearest = next((i for i in reversed(ids) if i in self.shown_ids and i != self.top_id), None)
            found = (self.top_id,) if nearest is None else (self.top_id, nearest)
            self._cache[path] = found
        return found

    def of_unit(self, unit_id: int, units: dict[int, str]) -> tuple[int, ...] | None:
        """`of` the path of a unit of the subtree (`units`), by its id; None outside it. A unit
        shown is its own nearest: 1,200 points of sale need no path read."""
        found = self._by_unit.get(unit_id)
        if found is None:
            if unit_id == self.top_id:
                found = (unit_id,)
            elif unit_id in self.shown_ids:
                found = (self.top_id, unit_id)
            else:
                path = units.get(unit_id)
                if path is None:
                    return None
                found = self.of(path)
            self._by_unit[unit_id] = found
        return found


@dataclass(slots=True)
class Viewer:
    """The rows of the person reading their own plan that their next step needs."""

    role: str | None = None
    completed: set[int] = field(default_factory=set)  # plan modules completed
    best: dict[int, float] = field(default_factory=dict)  # best score per plan quiz
    read: bool = False


async def read_levers(
    plan: PerformancePlan, subtree: Subtree, placement: Placement, now: datetime, audience: Audience, viewer_id: int = 0
) -> tuple[dict[int, Bucket], Viewer]:
    """The buckets of every unit shown, and what the viewer's own next step needs.

    The subtree's units (closed ones too: their people and history still count above them)
    were read once: the statements take their ids, never a path to match, and add up in the
    database what is the same for many people (a unit's people of one role who completed the
    same modules are one row), so that 6,000 people are not 6,000 rows in Python."""
    buckets: dict[int, Bucket] = defaultdict(Bucket)
    viewer = Viewer()
    starts = datetime.combine(plan.starts_on, time.min, tzinfo=UTC)
    ends = datetime.combine(plan.ends_on, time.max, tzinfo=UTC)
    # four statements at once: on PostgreSQL each on a pooled connection, the others' rows added
    # up while the people's statement (the longest) runs; SQLite and a transaction take them in turn
    await asyncio.gather(
        _read_people(plan, subtree, placement, buckets, viewer, audience, now, viewer_id, starts, ends),
        read_skills(subtree, placement, buckets),
        _read_surveys(plan, subtree, placement, buckets),
        _read_challenges(plan, subtree, placement, buckets),
    )
    return buckets, viewer


async def _read_surveys(plan: PerformancePlan, subtree: Subtree, placement: Placement, buckets: dict[int, Bucket]) -> None:
    """The period's satisfaction surveys of the subtree's units, each in the buckets it counts in."""
    units = subtree.units
    q = Statement()
    months: dict[Any, date] = {}  # a survey's month by its period end (a handful of distinct ones)
    nps = q.arg(SurveyKind.NPS.value)
    # each survey's normalised value (satisfaction.normalised) × its answers, made in the database
    for period_end, weighted, answers, unit_id in await q.rows(
        f"SELECT period_end, CASE WHEN kind = {nps} THEN (value + 100.0) / 2.0 ELSE value * 10.0 END * sample_size, "
        "sample_size, unit_id FROM satisfaction_survey "
        f"WHERE organization_id = {q.arg(subtree.organization_id)} AND {q.in_units('unit_id', subtree)} "
        f"AND period_end >= {q.arg(plan.starts_on)} AND period_end <= {q.arg(plan.ends_on)}"
    ):
        month = months.get(period_end)
        if month is None:
            month = months[period_end] = month_start(as_date(period_end))
        for b in placement.of_unit(unit_id, units) or ():
            buckets[b].add_answers(month, weighted, answers)


async def _read_challenges(
    plan: PerformancePlan, subtree: Subtree, placement: Placement, buckets: dict[int, Bucket]
) -> None:
    """The plan's challenges' scores: a person's counts where the person is now; a unit's, for that unit."""
    if not plan.challenge_ids:
        return
    units = subtree.units
    q = Statement()
    for unit_id, total, count in await q.rows(
        "SELECT COALESCE(u.unit_id, p.unit_id), SUM(p.score), COUNT(*) FROM challenge_participant p "
        'JOIN challenge c ON c.id = p.challenge_id LEFT JOIN "user" u ON u.id = p.user_id '
        f"WHERE c.organization_id = {q.arg(subtree.organization_id)} AND p.challenge_id IN {q.ids(plan.challenge_ids)} "
        f"AND ({q.in_units('u.unit_id', subtree)} OR (p.user_id IS NULL AND {q.in_units('p.unit_id', subtree)})) "
        "GROUP BY 1"
    ):
        for b in placement.of_unit(int(unit_id), units) or ():
            buckets[b].challenge_total += float(total)
            buckets[b].challenge_count += int(count)


async def _read_people(
    plan: PerformancePlan, subtree: Subtree, placement: Placement, buckets: dict[int, Bucket], viewer: Viewer,
    audience: Audience, now: datetime, viewer_id: int, starts: datetime, ends: datetime,
) -> None:
    """People (active now: counted, with their tenure, whether seen this week, the plan modules
    they completed; left during the plan: departures), one row per unit, role, state and set of
    completed modules (the viewer on a row of its own), in one statement."""
    units = subtree.units
    modules = list(plan.module_ids)
    q = Statement()
    me, days = q.arg(viewer_id), q.days_since("u.created_at", now)
    # the plan modules each person completed, as bits (module i of the plan is 1 << i), in
    # words of 60 bits: one column per word, most plans need one
    words = [modules[i : i + WORD] for i in range(0, len(modules), WORD)] or [[]]
    bits = [
        ("SUM(CASE module_id " + " ".join(f"WHEN {q.arg(m)} THEN {1 << n}" for n, m in enumerate(word)) + " ELSE 0 END)")
        if word else "0"
        for word in words
    ]
    done = (
        "SELECT user_id, " + ", ".join(f"{expr} AS w{i}" for i, expr in enumerate(bits))
        + f" FROM training_progress WHERE module_id IN {q.ids(modules)} AND completed_at IS NOT NULL "
        f"AND completed_at <= {q.arg(ends)}{_of_people(subtree)} GROUP BY user_id"
    )
    # active this ISO week (server.accounts.activity): the person's week joined by their unique
    # index (user_id, week_start): a probe per person for a region's 500 people, a hash join for
    # head office's 6,000 (as `EXISTS` in the select list, PostgreSQL read the whole week's rows,
    # 48,000, for a region too); the same weeks as the unit's weekly history
    this_week = week_of(now)
    week = q.arg(this_week if q.pg else this_week.isoformat())
    seen = "aw.user_id IS NOT NULL"
    # per person, the plan modules it is in the audience of (server.training.audience, as SQL
    # over its unit and role) and how many of those it completed
    assigned, finished = [], []
    for n, module in enumerate(modules):
        rule = _audience_rule(q, audience, module, units)
        if rule == "0":
            continue
        bit = f"((COALESCE(tp.w{n // WORD}, 0) >> {n % WORD}) & 1)"
        assigned.append("1" if rule == "1" else f"(CASE WHEN {rule} THEN 1 ELSE 0 END)")
        finished.append(bit if rule == "1" else f"(CASE WHEN {rule} THEN {bit} ELSE 0 END)")
    # each person's best score per plan quiz in the period, added up per person
    best = _best_scores(q, plan, starts, ends)
    people = (
        f"SELECT u.unit_id, u.deactivated_at IS NULL AS active, {days} AS days, "
        f"{seen} AS seen, {' + '.join(assigned) or '0'} AS assigned, {' + '.join(finished) or '0'} AS finished"
        f' FROM "user" u LEFT JOIN ({done}) tp ON tp.user_id = u.id '
        f"LEFT JOIN active_week aw ON aw.user_id = u.id AND aw.week_start = {week} "
        f"WHERE u.organization_id = {q.arg(subtree.organization_id)} AND {q.in_units('u.unit_id', subtree)} "
        f"AND (u.deactivated_at IS NULL OR (u.deactivated_at >= {q.arg(starts)} AND u.deactivated_at <= {q.arg(ends)}))"
    )
    # the viewer's own: its completed plan modules (bits) and best score per plan quiz, read once
    own_done = ", ".join(
        f"(SELECT {expr} FROM training_progress WHERE user_id = {me} AND module_id IN {q.ids(modules)} "
        f"AND completed_at IS NOT NULL AND completed_at <= {q.arg(ends)})"
        for expr in bits
    )
    pairs = "string_agg(quiz_id || ':' || best, ',')" if q.pg else "group_concat(quiz_id || ':' || best, ',')"
    own_best = f"(SELECT {pairs} FROM ({best} AND user_id = {me} GROUP BY user_id, quiz_id) v)"
    # the quizzes apart, in a statement of their own run at the same time (PostgreSQL gives each
    # its pooled connection): joined in, their per-person sums were a third of the people's time
    rows, quiz_rows = await asyncio.gather(
        q.rows(
            f"{_people_of(q, subtree)}"
            "SELECT unit_id, active, COUNT(*), SUM(days), SUM(CASE WHEN seen THEN 1 ELSE 0 END), SUM(assigned), "
            "SUM(finished), SUM(CASE WHEN finished < assigned THEN 1 ELSE 0 END), "
            f"{own_best}, {own_done} FROM ({people}) p GROUP BY 1, 2"
        ),
        _quiz_sums(plan, subtree, starts, ends),
    )
    for unit_id, total, taken in quiz_rows:
        for b in placement.of_unit(unit_id, units) or ():
            buckets[b].quiz_total += float(total)
            buckets[b].quiz_count += int(taken)
    for unit_id, active, count, days_total, seen_count, assigned_count, done_count, left, *own in rows:
        if viewer_id and not viewer.read:
            viewer.read = True
            completed = 0
            for n, w in enumerate(own[1:]):
                completed |= int(w or 0) << (WORD * n)
            viewer.completed = {m for n, m in enumerate(modules) if completed >> n & 1}
            for pair in str(own[0] or "").split(","):
                if pair:
                    quiz_id, score = pair.split(":")
                    viewer.best[int(quiz_id)] = float(score)
        places = placement.of_unit(unit_id, units)
        if places is None:
            continue
        if not active:
            for b in places:
                buckets[b].departures += count
            continue
        days_total = float(days_total or 0.0)
        for b in places:
            bucket = buckets[b]
            bucket.people += count
            bucket.tenure_total += days_total
            bucket.tenure_count += count
            bucket.active += int(seen_count)
            bucket.assigned += int(assigned_count)
            bucket.done += int(done_count)
            bucket.not_done += int(left)


def _quiz_sums(plan: PerformancePlan, subtree: Subtree, starts: datetime, ends: datetime) -> Awaitable[Sequence[Any]]:
    """Per unit, its active people's best scores on the plan's quizzes in the period, added up
    (each person's best per quiz), and how many (person, quiz) they are."""
    q = Statement()
    best = f"{_best_scores(q, plan, starts, ends)}{_of_people(subtree)} GROUP BY user_id, quiz_id"
    return q.rows(
        f"{_people_of(q, subtree)}"
        f'SELECT u.unit_id, SUM(b.best), COUNT(*) FROM "user" u JOIN ({best}) b ON b.user_id = u.id '
        f"WHERE u.organization_id = {q.arg(subtree.organization_id)} AND {q.in_units('u.unit_id', subtree)} "
        "AND u.deactivated_at IS NULL GROUP BY 1"
    )


def _best_scores(q: Statement, plan: PerformancePlan, starts: datetime, ends: datetime) -> str:
    """Attempts at the plan's quizzes in the period, each person's best per quiz once grouped by
    (user_id, quiz_id); open to a narrowing clause before the grouping."""
    return (
        f"SELECT user_id, quiz_id, MAX(score_percent) AS best FROM quiz_attempt WHERE quiz_id IN {q.ids(plan.quiz_ids)} "
        f"AND created_at >= {q.arg(starts)} AND created_at <= {q.arg(ends)}"
    )


def _of_people(subtree: Subtree) -> str:
    """Rows of a plan's modules or quizzes (the organisation's), narrowed to the subtree's
    people (`_people_of`: read once for both) before they are added up; for the whole
    organisation, by the join on its people."""
    return "" if subtree.whole else " AND user_id IN (SELECT id FROM subtree_people)"


def _people_of(q: Statement, subtree: Subtree) -> str:
    """The statement's prefix naming the subtree's active people (`_of_people`), when narrowed."""
    if subtree.whole:
        return ""
    return (
        f'WITH subtree_people AS (SELECT id FROM "user" WHERE organization_id = {q.arg(subtree.organization_id)} '
        f"AND deactivated_at IS NULL AND {q.in_units('unit_id', subtree)}) "
    )


def _audience_rule(q: Statement, audience: Audience, module: int, units: dict[int, str]) -> str:
    """Whether a person (`u`) is in a module's audience, as SQL: "1" (open to all), "0" (a
    draft, or no one of the subtree), else its assignments (a unit's subtree, a role)."""
    if module in audience.drafts:
        return "0"
    if module in audience.open_to_all:
        return "1"
    rules = []
    for target in audience.targets.get(module, ()):
        ids = [i for i, path in units.items() if path.startswith(target.unit_path)]
        if not ids:
            continue
        role = f" AND u.role = {q.arg(target.role)}" if target.role is not None else ""
        rules.append(f"(u.unit_id IN {q.ids(ids)}{role})")
    return "(" + " OR ".join(rules) + ")" if rules else "0"


async def read_skills(subtree: Subtree, placement: Placement, buckets: dict[int, Bucket]) -> None:
    """Each person's latest assessment (any grid): its levels count for the person's units,
    skill by skill (the collective radar) and all together (the SKILLS lever). The people
    counted are those of the subtree active now, where they are now."""
    q = Statement()
    rows = await q.rows(
        "SELECT a.id, a.person_id, a.created_at, s.level, s.skill_id, k.name, u.unit_id FROM assessment a "
        'JOIN "user" u ON u.id = a.person_id '
        "JOIN assessment_score s ON s.assessment_id = a.id JOIN skill k ON k.id = s.skill_id "
        f"WHERE a.organization_id = {q.arg(subtree.organization_id)} AND u.deactivated_at IS NULL "
        f"AND {q.in_units('u.unit_id', subtree)}"
    )
    units = subtree.units
    rows = [r for r in rows if int(r[6]) in units]
    latest: dict[int, tuple[Any, int]] = {}
    for assessment_id, person_id, created_at, *_ in rows:
        person, key = int(person_id), (created_at, int(assessment_id))
        if person not in latest or key > latest[person]:
            latest[person] = key
    kept = {v[1] for v in latest.values()}
    counted: set[int] = set()
    for assessment_id, person_id, _, level, skill_id, name, unit_id in rows:
        if int(assessment_id) not in kept:
            continue
        places = placement.of_unit(int(unit_id), units) or ()
        if int(person_id) not in counted:
            counted.add(int(person_id))
            for b in places:
                buckets[b].assessed += 1
        for b in places:
            buckets[b].add_skill_level(int(skill_id), str(name), float(level))
