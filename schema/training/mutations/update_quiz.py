"""updateQuiz: everything before the first attempt; only what keeps every score after it
(server.training.quiz_authoring)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.training.authoring_types import QuizSource, as_quiz_source
from schema.training.inputs import QuizQuestionInput, quiz_content
from server.training import quiz_authoring


@strawberry.input(
    description="The quiz's whole content. Once attempted, send the same questions and choices (by id) "
    "with the same right answers, pass mark and attempts: only texts, explanations, order and shuffle "
    "may change."
)
class UpdateQuizInput:
    id: strawberry.ID
    title: str
    pass_mark_percent: int = strawberry.field(default=70, description="0 to 100.")
    max_attempts: int | None = strawberry.field(default=None, description="1 to 20; null for unlimited.")
    shuffle: bool = True
    questions: list[QuizQuestionInput] = strawberry.field(description="1 to 50.")


@strawberry.type
class UpdateQuizSuccess:
    quiz: QuizSource


UpdateQuizResult = Annotated[
    UpdateQuizSuccess | ValidationError | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("UpdateQuizResult"),
]


async def update_quiz(info: Info, input: UpdateQuizInput) -> UpdateQuizResult:
    source = await quiz_authoring.update_quiz(
        scope_of(info),
        parse_id(input.id),
        quiz_content(input.title, input.questions, input.pass_mark_percent, input.max_attempts, input.shuffle),
    )
    return UpdateQuizSuccess(quiz=as_quiz_source(source))
