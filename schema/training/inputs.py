"""The inputs an author sends: a module's content, and a quiz's questions."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.accounts.types import Role
from schema.ids import parse_id
from server.training.content import AssignmentInput, ModuleContent, SectionInput
from server.training.quiz_authoring import ChoiceInput, QuestionInput, QuizContent


@strawberry.input(description="A section: a title, text in the Markdown subset, and optionally an image, a video, a PDF.")
class ModuleSectionInput:
    title: str
    body: str = strawberry.field(default="", description="Markdown subset: ##, ###, lists, **, *, [text](https://…).")
    image_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="An image uploaded with POST /media by the author (or already in this module); "
        "shown to those who read the module.",
    )
    image_url: str | None = strawberry.field(default=None, description="Deprecated: prefer imageId.")
    video_url: str | None = strawberry.field(
        default=None,
        description="A video on YouTube, Vimeo or Dailymotion (watch page, short link or embed address); "
        "other hosts are refused.",
    )
    pdf_url: str | None = None


@strawberry.input(description="Who must follow the module: a unit's subtree, optionally one role, by a date.")
class ModuleAssignmentInput:
    unit_id: strawberry.ID = strawberry.field(description="A unit the author manages.")
    role: Role | None = strawberry.field(default=None, description="Only the people of this role; all when null.")
    due_at: datetime | None = None


@strawberry.input(description="A module's whole content: what it says and who must follow it.")
class TrainingModuleContentInput:
    title: str
    summary: str = ""
    duration_minutes: int = strawberry.field(default=15, description="1 to 600.")
    cover_url: str | None = None
    open_to_all: bool = strawberry.field(default=False, description="Head office only: for everyone.")
    sections: list[ModuleSectionInput] = strawberry.field(description="1 to 30, in reading order.")
    assignments: list[ModuleAssignmentInput] = strawberry.field(
        default_factory=list, description="The audience; needed (or openToAll) to publish."
    )


def module_content(input: TrainingModuleContentInput) -> ModuleContent:
    return ModuleContent(
        title=input.title,
        summary=input.summary,
        duration_minutes=input.duration_minutes,
        sections=[
            SectionInput(
                s.title,
                s.body,
                s.image_url,
                s.video_url,
                s.pdf_url,
                parse_id(s.image_id) if s.image_id is not None else None,
            )
            for s in input.sections
        ],
        assignments=[AssignmentInput(parse_id(a.unit_id), a.role, a.due_at) for a in input.assignments],
        open_to_all=input.open_to_all,
        cover_url=input.cover_url,
    )


@strawberry.input
class QuizChoiceInput:
    text: str
    correct: bool
    id: strawberry.ID | None = strawberry.field(default=None, description="On updateQuiz: the choice edited.")


@strawberry.input
class QuizQuestionInput:
    text: str
    multiple: bool = strawberry.field(default=False, description="Several choices may be right.")
    explanation: str = strawberry.field(default="", description="Shown with the corrections.")
    choices: list[QuizChoiceInput] = strawberry.field(description="2 to 8; one right (several when multiple).")
    id: strawberry.ID | None = strawberry.field(default=None, description="On updateQuiz: the question edited.")


def _optional_id(value: strawberry.ID | None) -> int | None:
    return parse_id(value) if value is not None else None


def quiz_content(
    title: str, questions: list[QuizQuestionInput], pass_mark_percent: int, max_attempts: int | None, shuffle: bool
) -> QuizContent:
    return QuizContent(
        title=title,
        questions=[
            QuestionInput(
                q.text,
                [ChoiceInput(c.text, c.correct, _optional_id(c.id)) for c in q.choices],
                q.multiple,
                q.explanation,
                _optional_id(q.id),
            )
            for q in questions
        ],
        pass_mark_percent=pass_mark_percent,
        max_attempts=max_attempts,
        shuffle=shuffle,
    )
