"""submitAssessment (a manager in scope) and commentAssessment (the person assessed)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.evaluation.types import Assessment, AssessmentOutcome, as_assessment
from schema.ids import parse_id
from schema.permissions import scope_of
from server.evaluation import assessments


@strawberry.input
class SkillScoreInput:
    skill_id: strawberry.ID
    level: int = strawberry.field(description="1 to 4.")
    comment: str = ""


@strawberry.input
class SubmitAssessmentInput:
    person_id: strawberry.ID
    grid_id: strawberry.ID
    scores: list[SkillScoreInput] = strawberry.field(description="One per skill of the grid.")
    outcome: AssessmentOutcome
    comment: str = ""


@strawberry.type
class AssessmentSuccess:
    assessment: Assessment


AssessmentResult = Annotated[
    AssessmentSuccess | ValidationError | NotAllowedError | NotFoundError, strawberry.union("AssessmentResult")
]


async def submit_assessment(info: Info, input: SubmitAssessmentInput) -> AssessmentResult:
    row = await assessments.submit_assessment(
        scope_of(info),
        parse_id(input.person_id),
        parse_id(input.grid_id),
        [assessments.ScoreInput(parse_id(s.skill_id), s.level, s.comment) for s in input.scores],
        input.outcome,
        input.comment,
    )
    return AssessmentSuccess(assessment=as_assessment(row))


async def comment_assessment(info: Info, assessment_id: strawberry.ID, comment: str) -> AssessmentResult:
    row = await assessments.comment_assessment(scope_of(info), parse_id(assessment_id), comment)
    return AssessmentSuccess(assessment=as_assessment(row))
