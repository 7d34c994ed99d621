"""Skills grids and assessments: a manager in scope assesses, the person reads and answers.

With the viewer's `Scope`: a manager (or an admin) assesses and reads the assessments of the
people of units it manages, never its own; the person assessed reads and answers its own;
anyone else gets not-found. Grids are the organisation's (head office writes them:
server.evaluation.grids)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from server.accounts.models import User
from server.badges.models import Badge
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.evaluation.errors import AssessmentNotFound, GridNotFound
from server.evaluation.models import (
    Assessment,
    AssessmentOutcome,
    AssessmentScore,
    Skill,
    SkillsGrid,
)
from server.network.errors import UnitNotFound
from server.network.models import Unit
from server.network.scope import Scope
from server.notifications.models import NotificationKind
from server.notifications.services import notify

COMMENT_MAX = 2000
LEVELS = range(1, 5)


@dataclass(slots=True)
class ScoreInput:
    skill_id: int
    level: int
    comment: str = ""


@dataclass(slots=True)
class ScoreRow:
    skill_id: int
    skill_name: str
    level: int
    descriptor: str
    comment: str


@dataclass(slots=True)
class AssessmentRow:
    id: int
    grid_id: int
    grid_name: str
    person_id: int
    person_name: str
    assessor_id: int | None
    assessor_name: str | None
    outcome: AssessmentOutcome
    comment: str
    person_comment: str
    created_at: datetime
    scores: list[ScoreRow] = field(default_factory=list)
    person_photo_url: str | None = None

    @property
    def average_level(self) -> float:
        return round(sum(s.level for s in self.scores) / len(self.scores), 2) if self.scores else 0.0


async def grids(scope: Scope) -> list[tuple[SkillsGrid, list[Skill]]]:
    found = await SkillsGrid.filter(organization_id=scope.organization_id).order_by("id")
    skills: dict[int, list[Skill]] = defaultdict(list)
    for skill in await Skill.filter(grid_id__in=[g.id for g in found]).order_by("position"):
        skills[skill.grid_id].append(skill)
    return [(g, skills[g.id]) for g in found]


async def submit_assessment(
    scope: Scope,
    person_id: int,
    grid_id: int,
    scores: list[ScoreInput],
    outcome: AssessmentOutcome,
    comment: str = "",
) -> AssessmentRow:
    """Only a manager whose scope holds the person (never the person itself) assesses.

    Every skill of the grid gets a level 1–4; the person is told, and a passed assessment
    is announced to the badges domain, which grants the grid's label."""
    assessor = scope.user
    if assessor is None:
        raise NotAllowed()
    person = await User.get_or_none(id=person_id, organization_id=scope.organization_id).prefetch_related("unit")
    if person is None:
        raise AssessmentNotFound("personId")
    if person.id == assessor.id:
        raise NotAllowed("personId")
    scope.require_manages(person.unit, NotAllowed("personId"))
    grid = await SkillsGrid.get_or_none(id=grid_id, organization_id=scope.organization_id)
    if grid is None:
        raise GridNotFound("gridId")
    skills = {s.id: s for s in await Skill.filter(grid_id=grid.id)}
    given = {s.skill_id: s for s in scores}
    if set(given) != set(skills) or len(given) != len(scores):
        raise ValidationFailed("assessment_scores_incomplete", "scores")
    if any(s.level not in LEVELS for s in scores):
        raise ValidationFailed("assessment_level_invalid", "scores")
    if len(comment) > COMMENT_MAX or any(len(s.comment) > 500 for s in scores):
        raise ValidationFailed("text_too_long", "comment", max=COMMENT_MAX)
    async with atomic() as events:
        assessment = await Assessment.create(
            organization_id=assessor.organization_id,
            grid=grid,
            person=person,
            assessor=assessor,
            outcome=outcome,
            comment=comment.strip(),
        )
        for score in scores:
            await AssessmentScore.create(
                assessment=assessment, skill_id=score.skill_id, level=score.level, comment=score.comment.strip()
            )
        await notify(
            person.id,
            NotificationKind.ASSESSMENT_SHARED,
            params={"grid": grid.name, "assessmentId": assessment.id},
            actor=assessor,
            link=f"/evaluations/{assessment.id}",
            events=events,
        )
        if outcome == AssessmentOutcome.PASSED and grid.label_badge_id is not None:
            # the badges domain grants the label; the level is one of the label's own levels
            events.emit(
                "evaluation.assessment_passed",
                {
                    "organization_id": assessor.organization_id,
                    "user_id": person.id,
                    "assessment_id": assessment.id,
                    "label_badge_id": grid.label_badge_id,
                    "level": await label_level(grid.label_badge_id, [s.level for s in scores]),
                },
            )
    return (await _rows([assessment.id]))[0]


async def label_level(label_badge_id: int, levels: list[int]) -> str | None:
    """The label level matching the average skill level: 1 → the lowest, 4 → the highest."""
    names = await Badge.filter(id=label_badge_id).values_list("levels", flat=True)
    choices = list(names[0] or []) if names else []
    if not choices or not levels:
        return None
    average = sum(levels) / len(levels)
    index = round((average - 1) / 3 * (len(choices) - 1))
    return str(choices[max(0, min(len(choices) - 1, index))])


def score_row(skill_id: int, skill_name: str, descriptors: list[str] | None, level: int, comment: str) -> ScoreRow:
    """A skill's level with what that level means (its descriptor; none when the grid has fewer)."""
    described = list(descriptors or [])
    return ScoreRow(skill_id, skill_name, level, described[level - 1] if len(described) >= level else "", comment)


async def _rows(ids: list[int]) -> list[AssessmentRow]:
    values = await Assessment.filter(id__in=ids).order_by("-created_at", "-id").values(
        "id", "grid_id", "grid__name", "person_id", "person__display_name", "person__avatar_url", "assessor_id",
        "assessor__display_name", "outcome", "comment", "person_comment", "created_at",
    )
    scores: dict[int, list[ScoreRow]] = defaultdict(list)
    for s in await AssessmentScore.filter(assessment_id__in=ids).order_by("skill__position").values(
        "assessment_id", "skill_id", "skill__name", "skill__descriptors", "level", "comment"
    ):
        scores[int(s["assessment_id"])].append(
            score_row(int(s["skill_id"]), str(s["skill__name"]), s["skill__descriptors"], int(s["level"]), str(s["comment"]))
        )
    return [
        AssessmentRow(
            id=int(v["id"]),
            grid_id=int(v["grid_id"]),
            grid_name=str(v["grid__name"]),
            person_id=int(v["person_id"]),
            person_name=str(v["person__display_name"]),
            assessor_id=v["assessor_id"],
            assessor_name=v["assessor__display_name"],
            outcome=AssessmentOutcome(v["outcome"]),
            comment=str(v["comment"]),
            person_comment=str(v["person_comment"]),
            created_at=v["created_at"],
            scores=scores[int(v["id"])],
            person_photo_url=v["person__avatar_url"] or None,
        )
        for v in values
    ]


async def _visible(scope: Scope, assessment: Assessment) -> bool:
    if assessment.organization_id != scope.organization_id:
        return False
    if scope.user_id is not None and assessment.person_id == scope.user_id:
        return True
    paths = await User.filter(id=assessment.person_id).values_list("unit__path", flat=True)
    return bool(paths) and scope.manages_path(str(paths[0]))


async def get_assessment(scope: Scope, assessment_id: int) -> AssessmentRow:
    """The person assessed and the managers in scope see it; colleagues get not-found."""
    assessment = await Assessment.get_or_none(id=assessment_id, organization_id=scope.organization_id)
    if assessment is None or not await _visible(scope, assessment):
        raise AssessmentNotFound("assessmentId")
    return (await _rows([assessment.id]))[0]


async def find_assessment(scope: Scope, assessment_id: int) -> AssessmentRow | None:
    """`get_assessment`, or None when there is no such assessment the viewer may read."""
    try:
        return await get_assessment(scope, assessment_id)
    except AssessmentNotFound:
        return None


async def my_assessments(scope: Scope) -> list[AssessmentRow]:
    ids = await Assessment.filter(person_id=scope.user_id).values_list("id", flat=True)
    return await _rows(list(ids))  # type: ignore[arg-type]


async def assessments_under(unit: Unit) -> list[AssessmentRow]:
    """The assessments of the people of a unit's subtree, for a caller that checked the scope."""
    ids = await Assessment.filter(
        organization_id=unit.organization_id, person__unit__path__startswith=unit.path
    ).values_list("id", flat=True)
    return await _rows(list(ids))  # type: ignore[arg-type]


async def assessments_in_scope(scope: Scope, unit_id: int) -> list[AssessmentRow]:
    """The assessments of the people of a unit the viewer manages."""
    unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id)
    if unit is None:
        raise UnitNotFound("unitId")
    scope.require_manages(unit)
    return await assessments_under(unit)


async def comment_assessment(scope: Scope, assessment_id: int, comment: str) -> AssessmentRow:
    """The person assessed answers (replacing its previous answer)."""
    assessment = await Assessment.get_or_none(
        id=assessment_id, person_id=scope.user_id, organization_id=scope.organization_id
    )
    if assessment is None:
        raise AssessmentNotFound("assessmentId")
    comment = comment.strip()
    if not comment or len(comment) > COMMENT_MAX:
        raise ValidationFailed("comment_invalid", "comment", max=COMMENT_MAX)
    async with atomic():
        assessment.person_comment = comment
        await assessment.save(update_fields=["person_comment"])
    return (await _rows([assessment.id]))[0]


async def latest_skill_levels(user_id: int) -> list[ScoreRow]:
    """The person's skills radar: the levels of its latest assessment."""
    latest = await Assessment.filter(person_id=user_id).order_by("-created_at", "-id").first()
    if latest is None:
        return []
    return (await _rows([latest.id]))[0].scores
