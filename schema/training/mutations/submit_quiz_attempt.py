"""submitQuizAttempt: scored on the server; the corrections come back only with an attempt that
passes or spends the last one allowed."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.training.types import QuizAttemptResult, as_attempt
from server.training import quizzes


@strawberry.input(description="The choices picked for one question.")
class QuizAnswerInput:
    question_id: strawberry.ID
    choice_ids: list[strawberry.ID]


@strawberry.input
class SubmitQuizAttemptInput:
    quiz_id: strawberry.ID
    answers: list[QuizAnswerInput] = strawberry.field(description="Unanswered questions count as wrong.")


@strawberry.type
class SubmitQuizAttemptSuccess:
    result: QuizAttemptResult


SubmitQuizAttemptResult = Annotated[
    SubmitQuizAttemptSuccess | ValidationError | NotFoundError | ConflictError | NotAllowedError,
    strawberry.union("SubmitQuizAttemptResult"),
]


async def submit_quiz_attempt(info: Info, input: SubmitQuizAttemptInput) -> SubmitQuizAttemptResult:
    scope = scope_of(info)
    answers: dict[int, list[int]] = {}
    for answer in input.answers:
        answers.setdefault(parse_id(answer.question_id), []).extend(parse_id(c) for c in answer.choice_ids)
    result = await quizzes.submit_quiz_attempt(scope, parse_id(input.quiz_id), answers)
    return SubmitQuizAttemptSuccess(result=as_attempt(result))
