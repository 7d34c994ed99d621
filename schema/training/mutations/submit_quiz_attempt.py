"""submitQuizAttempt: scored on the server; the answers come back only with the score."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ConflictError, NotFoundError, ValidationError, to_user_error
from schema.ids import parse_id
from schema.permissions import signed_in
from schema.training.types import QuizAttemptResult, as_attempt
from server.errors import DomainError
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
    SubmitQuizAttemptSuccess | ValidationError | NotFoundError | ConflictError,
    strawberry.union("SubmitQuizAttemptResult"),
]


async def submit_quiz_attempt(info: Info, input: SubmitQuizAttemptInput) -> SubmitQuizAttemptResult:
    viewer = signed_in(info)
    answers: dict[int, list[int]] = {}
    for answer in input.answers:
        answers.setdefault(parse_id(answer.question_id), []).extend(parse_id(c) for c in answer.choice_ids)
    try:
        result = await quizzes.submit_quiz_attempt(viewer, parse_id(input.quiz_id), answers)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return SubmitQuizAttemptSuccess(result=as_attempt(result))
