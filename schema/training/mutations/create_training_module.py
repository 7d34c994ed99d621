"""createTrainingModule and createQuiz: head office and managers publish training."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from schema.accounts.types import Role
from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.training.types import TrainingModule, as_module
from server.training import quizzes, services


@strawberry.input
class ModuleSectionInput:
    title: str
    body: str = strawberry.field(default="", description="Markdown subset: ##, ###, lists, **, *, [text](https://…).")
    image_url: str | None = None
    video_url: str | None = None
    pdf_url: str | None = None


@strawberry.input(description="Who must follow the module: a unit's subtree, optionally one role, by a date.")
class ModuleAssignmentInput:
    unit_id: strawberry.ID
    role: Role | None = None
    due_at: datetime | None = None


@strawberry.input
class CreateTrainingModuleInput:
    title: str
    summary: str = ""
    duration_minutes: int = 15
    cover_url: str | None = None
    open_to_all: bool = strawberry.field(default=False, description="Head office only: for everyone.")
    sections: list[ModuleSectionInput]
    assignments: list[ModuleAssignmentInput] = strawberry.field(default_factory=list)


@strawberry.type
class CreateTrainingModuleSuccess:
    module: TrainingModule


CreateTrainingModuleResult = Annotated[
    CreateTrainingModuleSuccess | ValidationError | NotAllowedError,
    strawberry.union("CreateTrainingModuleResult"),
]


async def create_training_module(info: Info, input: CreateTrainingModuleInput) -> CreateTrainingModuleResult:
    row = await services.create_module(
        scope_of(info),
        input.title,
        input.summary,
        input.duration_minutes,
        [services.SectionInput(s.title, s.body, s.image_url, s.video_url, s.pdf_url) for s in input.sections],
        [services.AssignmentInput(parse_id(a.unit_id), a.role, a.due_at) for a in input.assignments],
        open_to_all=input.open_to_all,
        cover_url=input.cover_url,
    )
    return CreateTrainingModuleSuccess(module=as_module(row))


@strawberry.input
class QuizChoiceInput:
    text: str
    correct: bool


@strawberry.input
class QuizQuestionInput:
    text: str
    multiple: bool = False
    explanation: str = ""
    choices: list[QuizChoiceInput]


@strawberry.input
class CreateQuizInput:
    title: str
    module_id: strawberry.ID | None = strawberry.field(
        default=None, description="A module the viewer manages; none for a standalone quiz."
    )
    pass_mark_percent: int = 70
    max_attempts: int | None = None
    shuffle: bool = True
    questions: list[QuizQuestionInput]


@strawberry.type
class CreateQuizSuccess:
    quiz_id: strawberry.ID


CreateQuizResult = Annotated[
    CreateQuizSuccess | ValidationError | NotAllowedError | NotFoundError, strawberry.union("CreateQuizResult")
]


async def create_quiz(info: Info, input: CreateQuizInput) -> CreateQuizResult:
    quiz = await quizzes.create_quiz(
        scope_of(info),
        input.title,
        [
            quizzes.QuestionInput(q.text, [(c.text, c.correct) for c in q.choices], q.multiple, q.explanation)
            for q in input.questions
        ],
        module_id=parse_id(input.module_id) if input.module_id is not None else None,
        pass_mark_percent=input.pass_mark_percent,
        max_attempts=input.max_attempts,
        shuffle=input.shuffle,
    )
    return CreateQuizSuccess(quiz_id=strawberry.ID(str(quiz.id)))
