"""The figures of a plan's levers for many units at once, in a fixed number of queries.

Every row (a person, a quiz attempt, a survey, a score) is read once for the whole subtree
shown, then added to the buckets it counts in: the top unit shown and the point of sale it
belongs to. A row is placed by walking its unit path's ids (a few), never by comparing it
with every unit: 1,200 points of sale cost what 3 do, in queries and nearly in time."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from tortoise import connections

from server.accounts.models import Session, User
from server.challenges.models import Participant
from server.evaluation.models import AssessmentScore, SatisfactionSurvey
from server.evaluation.satisfaction import month_start, weighted_index
from server.plans.models import PerformancePlan
from server.training.audience import load_audience
from server.training.models import ModuleProgress, QuizAttempt


@dataclass(slots=True)
class SkillMean:
    skill_id: int
    name: str
    total: float = 0.0
    count: int = 0

    @property
    def level(self) -> float:
        return round(self.total / self.count, 2) if self.count else 0.0


@dataclass(slots=True)
class Bucket:
    """What one unit shown adds up."""

    people: int = 0
    assigned: int = 0
    done: int = 0
    not_done: int = 0  # people with at least one plan module left
    quiz_scores: list[float] = field(default_factory=list)
    skill_levels: list[float] = field(default_factory=list)
    skills: dict[int, SkillMean] = field(default_factory=dict)
    assessed: int = 0
    surveys: list[tuple[date, str, float, int]] = field(default_factory=list)
    challenge_scores: list[float] = field(default_factory=list)
    active: int = 0
    departures: int = 0
    tenure_total: float = 0.0  # days, summed over the people counted
    tenure_count: int = 0

    def value(self, lever: str) -> float | None:
        if lever == "TRAINING":
            return round(100.0 * self.done / self.assigned, 2) if self.assigned else None
        if lever == "QUIZ":
            return _mean(self.quiz_scores)
        if lever == "SKILLS":
            return _mean(self.skill_levels)
        if lever == "SATISFACTION":
            if not self.surveys:
                return None
            latest = max(month_start(s[0]) for s in self.surveys)
            return weighted_index([(k, v, n) for d, k, v, n in self.surveys if month_start(d) == latest])
        if lever == "CHALLENGES":
            return _mean(self.challenge_scores)
        if lever == "RETENTION":
            return round(100.0 * self.active / self.people, 2) if self.people else None
        return None

    @property
    def tenure(self) -> float | None:
        return round(self.tenure_total / self.tenure_count, 2) if self.tenure_count else None

    def weakest_skills(self, count: int = 3) -> list[SkillMean]:
        return sorted(self.skills.values(), key=lambda s: (s.level, s.name))[:count]


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


class Placement:
    """Which buckets a unit path counts in: the top unit, and the point of sale (or other unit
    shown) nearest above it."""

    def __init__(self, top_id: int, shown_ids: set[int]) -> None:
        self.top_id = top_id
        self.shown_ids = shown_ids
        self._cache: dict[str, tuple[int, ...]] = {}

    def of(self, path: str) -> tuple[int, ...]:
        found = self._cache.get(path)
        if found is None:
            ids = [int(p) for p in path.strip("/").split("/") if p]
            nearest = next((i for i in reversed(ids) if i in self.shown_ids and i != self.top_id), None)
            found = (self.top_id,) if nearest is None else (self.top_id, nearest)
            self._cache[path] = found
        return found


@dataclass(slots=True)
class PersonRow:
    id: int
    role: str
    unit_path: str


async def read_levers(
    plan: PerformancePlan, organization_id: int, top_path: str, placement: Placement, now: datetime
) -> tuple[dict[int, Bucket], list[PersonRow], set[tuple[int, int]], dict[tuple[int, int], float]]:
    """The buckets of every unit shown, and the raw rows the next steps need (people, the
    (person, module) pairs completed, the best (person, quiz) scores)."""
    buckets: dict[int, Bucket] = defaultdict(Bucket)
    starts = datetime.combine(plan.starts_on, time.min, tzinfo=UTC)
    ends = datetime.combine(plan.ends_on, time.max, tzinfo=UTC)
    week_ago = now - timedelta(days=7)
    under = {"user__unit__path__startswith": top_path, "user__organization_id": organization_id}
    in_subtree = User.filter(organization_id=organization_id, unit__path__startswith=top_path)
    people: list[PersonRow] = []
    for row in await in_subtree.filter(deactivated_at=None).values("id", "role", "unit__path"):
        people.append(PersonRow(int(row["id"]), str(row["role"]), str(row["unit__path"])))
        for b in placement.of(people[-1].unit_path):
            buckets[b].people += 1
    for left in await in_subtree.filter(deactivated_at__gte=starts, deactivated_at__lte=ends).values_list("unit__path", flat=True):
        for b in placement.of(str(left)):
            buckets[b].departures += 1
    for path, count, days in await _tenure(organization_id, top_path, now):
        for b in placement.of(path):
            buckets[b].tenure_total += count * days
            buckets[b].tenure_count += count
    paths = {p.id: p.unit_path for p in people}
    # training: the plan's modules each person is in the audience of, and those completed
    audience = await load_audience(organization_id, list(plan.module_ids))
    completed = {
        (int(r["user_id"]), int(r["module_id"]))
        for r in await ModuleProgress.filter(
            module_id__in=list(plan.module_ids), completed_at__not_isnull=True, completed_at__lte=ends, **under
        ).values("user_id", "module_id")
    }
    for p in people:
        mine = audience.modules_for(plan.module_ids, p.unit_path, p.role)
        done = sum((p.id, m) in completed for m in mine)
        for b in placement.of(p.unit_path):
            buckets[b].assigned += len(mine)
            buckets[b].done += done
            buckets[b].not_done += done < len(mine)
    # quizzes: each person's best score per plan quiz in the period
    best: dict[tuple[int, int], float] = defaultdict(float)
    for a in await QuizAttempt.filter(
        quiz_id__in=list(plan.quiz_ids), created_at__gte=starts, created_at__lte=ends, **under
    ).values("user_id", "quiz_id", "score_percent"):
        key = (int(a["user_id"]), int(a["quiz_id"]))
        best[key] = max(best[key], float(a["score_percent"]))
    for (uid, _), score in best.items():
        if uid in paths:
            for b in placement.of(paths[uid]):
                buckets[b].quiz_scores.append(score)
    await read_skills(organization_id, top_path, paths, placement, buckets)
    for r in await SatisfactionSurvey.filter(
        organization_id=organization_id, unit__path__startswith=top_path,
        period_end__gte=plan.starts_on, period_end__lte=plan.ends_on,
    ).values("kind", "value", "sample_size", "period_end", "unit__path"):
        for b in placement.of(str(r["unit__path"])):
            buckets[b].surveys.append((r["period_end"], str(r["kind"]), float(r["value"]), int(r["sample_size"])))
    in_plan = Participant.filter(challenge_id__in=list(plan.challenge_ids), challenge__organization_id=organization_id)
    for r in await in_plan.filter(user__unit__path__startswith=top_path).values("score", "user__unit__path"):
        for b in placement.of(str(r["user__unit__path"])):
            buckets[b].challenge_scores.append(float(r["score"]))
    for r in await in_plan.filter(user_id__isnull=True, unit__path__startswith=top_path).values("score", "unit__path"):
        for b in placement.of(str(r["unit__path"])):
            buckets[b].challenge_scores.append(float(r["score"]))
    active = await Session.filter(last_seen_at__gte=week_ago, **under).distinct().values_list("user_id", flat=True)
    for uid in {int(u) for u in active}:  # type: ignore[call-overload]
        if uid in paths:
            for b in placement.of(paths[uid]):
                buckets[b].active += 1
    return buckets, people, completed, best


async def read_skills(
    organization_id: int, top_path: str, paths: dict[int, str], placement: Placement, buckets: dict[int, Bucket]
) -> None:
    """Each person's latest assessment (any grid): its levels count for the person's units,
    skill by skill (the collective radar) and all together (the SKILLS lever)."""
    rows = await AssessmentScore.filter(
        assessment__organization_id=organization_id, assessment__person__unit__path__startswith=top_path
    ).values("assessment_id", "assessment__person_id", "assessment__created_at", "level", "skill_id", "skill__name")
    latest: dict[int, tuple[datetime, int]] = {}
    for r in rows:
        person, key = int(r["assessment__person_id"]), (r["assessment__created_at"], int(r["assessment_id"]))
        if person not in latest or key > latest[person]:
            latest[person] = key
    kept = {v[1] for v in latest.values()}
    for person in latest:
        if person in paths:
            for b in placement.of(paths[person]):
                buckets[b].assessed += 1
    for r in rows:
        person = int(r["assessment__person_id"])
        if int(r["assessment_id"]) not in kept or person not in paths:
            continue
        level = float(r["level"])
        for b in placement.of(paths[person]):
            bucket = buckets[b]
            bucket.skill_levels.append(level)
            mean = bucket.skills.setdefault(int(r["skill_id"]), SkillMean(int(r["skill_id"]), str(r["skill__name"])))
            mean.total += level
            mean.count += 1


async def _tenure(organization_id: int, top_path: str, now: datetime) -> list[tuple[str, int, float]]:
    """(unit path, people, their mean days since they joined) per unit of the subtree, from one
    grouped statement: 6,000 people's dates are not turned into Python objects one by one."""
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        sql = (
            'SELECT n.path, COUNT(*), AVG(EXTRACT(EPOCH FROM ($3::timestamptz - u.created_at))) / 86400 FROM "user" u '
            "JOIN unit n ON n.id = u.unit_id WHERE u.organization_id = $1 AND n.path LIKE $2 AND u.deactivated_at IS NULL "
            "GROUP BY n.path"
        )
        values: list[object] = [organization_id, top_path + "%", now]
    else:
        sql = (
            'SELECT n.path, COUNT(*), AVG(julianday(?) - julianday(u.created_at)) FROM "user" u '
            "JOIN unit n ON n.id = u.unit_id WHERE u.organization_id = ? AND n.path LIKE ? AND u.deactivated_at IS NULL "
            "GROUP BY n.path"
        )
        values = [now.isoformat(), organization_id, top_path + "%"]
    _, rows = await connection.execute_query(sql, values)
    return [(str(r[0]), int(r[1]), float(r[2] or 0.0)) for r in rows]
