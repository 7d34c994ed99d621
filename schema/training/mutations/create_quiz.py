"""createQuiz: a quiz attached to a module the viewer manages, or (head office) standalone."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.training.inputs import QuizQuestionInput, quiz_content
from server.training import quiz_authoring


@strawberry.input
class CreateQuizInput:
    title: str
    module_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A module the viewer manages, which has no quiz yet; none for a standalone quiz (head office).",
    )
    pass_mark_percent: int = strawberry.field(default=70, description="0 to 100.")
    max_attempts: int | None = strawberry.field(default=None, description="1 to 20; null for unlimited.")
    shuffle: bool = True
    questions: list[QuizQuestionInput] = strawberry.field(description="1 to 50.")


@strawberry.type
class CreateQuizSuccess:
    quiz_id: strawberry.ID


CreateQuizResult = Annotated[
    CreateQuizSuccess | ValidationError | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("CreateQuizResult"),
]


async def create_quiz(info: Info, input: CreateQuizInput) -> CreateQuizResult:
    quiz = await quiz_authoring.create_quiz(
        scope_of(info),
        quiz_content(input.title, input.questions, input.pass_mark_percent, input.max_attempts, input.shuffle),
        module_id=parse_id(input.module_id) if input.module_id is not None else None,
    )
    return CreateQuizSuccess(quiz_id=strawberry.ID(str(quiz.id)))
