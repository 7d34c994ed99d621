"""GraphQL types of what an author edits: a module's source and a quiz's source with its answers.

Only those who manage the module or quiz get them (server.training.authoring and
server.training.quiz_authoring); `QuizSourceChoice.correct` is the one place outside a
correction where a right answer leaves the server."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.accounts.types import Role
from schema.training.types import ModulePublication
from server.training.authoring import ModuleSource
from server.training.quiz_authoring import QuizSource as QuizSourceRow
from server.training.video import embed_url


def _id(value: int | None) -> strawberry.ID | None:
    return strawberry.ID(str(value)) if value is not None else None


@strawberry.type(description="A section as written: its Markdown text and its media.")
class ModuleSectionSource:
    title: str
    body: str = strawberry.field(description="The Markdown subset, as typed.")
    image_id: strawberry.ID | None = strawberry.field(description="The uploaded image, if any.")
    image_url: str | None
    video_url: str | None = strawberry.field(description="The video's canonical address.")
    video_embed_url: str | None = strawberry.field(description="Its player's address.")
    pdf_url: str | None


@strawberry.type(description="A unit (and role) of a module's audience, with its due date.")
class ModuleAssignmentSource:
    unit_id: strawberry.ID
    unit_name: str
    role: Role | None
    due_at: datetime | None


@strawberry.type(description="A module as its author wrote it, for those who manage it.")
class TrainingModuleSource:
    id: strawberry.ID
    publication: ModulePublication
    title: str
    summary: str
    duration_minutes: int
    cover_url: str | None
    open_to_all: bool
    sections: list[ModuleSectionSource]
    assignments: list[ModuleAssignmentSource]
    quiz_id: strawberry.ID | None = strawberry.field(description="The quiz that completes it, if any.")
    created_by_name: str | None
    updated_at: datetime | None
    published_at: datetime | None
    archived_at: datetime | None


def as_module_source(source: ModuleSource) -> TrainingModuleSource:
    return TrainingModuleSource(
        id=strawberry.ID(str(source.id)),
        publication=source.publication,
        title=source.title,
        summary=source.summary,
        duration_minutes=source.duration_minutes,
        cover_url=source.cover_url,
        open_to_all=source.open_to_all,
        sections=[
            ModuleSectionSource(
                title=s.title,
                body=s.body,
                image_id=_id(s.image_id),
                image_url=s.image_url,
                video_url=s.video_url,
                video_embed_url=embed_url(s.video_url),
                pdf_url=s.pdf_url,
            )
            for s in source.sections
        ],
        assignments=[
            ModuleAssignmentSource(
                unit_id=strawberry.ID(str(a.unit_id)), unit_name=a.unit_name, role=a.role, due_at=a.due_at
            )
            for a in source.assignments
        ],
        quiz_id=_id(source.quiz_id),
        created_by_name=source.created_by_name,
        updated_at=source.updated_at,
        published_at=source.published_at,
        archived_at=source.archived_at,
    )


@strawberry.type(description="A choice as written, with whether it is right: for the quiz's managers only.")
class QuizSourceChoice:
    id: strawberry.ID
    text: str
    correct: bool


@strawberry.type(description="A question as written, with its explanation.")
class QuizSourceQuestion:
    id: strawberry.ID
    text: str
    multiple: bool
    explanation: str
    choices: list[QuizSourceChoice]


@strawberry.type(description="A quiz as written, answers included, for those who manage it.")
class QuizSource:
    id: strawberry.ID
    title: str
    module_id: strawberry.ID | None
    pass_mark_percent: int
    max_attempts: int | None = strawberry.field(description="Null when unlimited.")
    shuffle: bool
    attempt_count: int = strawberry.field(description="Attempts recorded, by everyone.")
    locked: bool = strawberry.field(
        description="Attempted: only texts, explanations, order and shuffle may change."
    )
    questions: list[QuizSourceQuestion]


def as_quiz_source(source: QuizSourceRow) -> QuizSource:
    return QuizSource(
        id=strawberry.ID(str(source.id)),
        title=source.title,
        module_id=_id(source.module_id),
        pass_mark_percent=source.pass_mark_percent,
        max_attempts=source.max_attempts,
        shuffle=source.shuffle,
        attempt_count=source.attempt_count,
        locked=source.locked,
        questions=[
            QuizSourceQuestion(
                id=strawberry.ID(str(q.id)),
                text=q.text,
                multiple=q.multiple,
                explanation=q.explanation,
                choices=[QuizSourceChoice(id=strawberry.ID(str(c.id)), text=c.text, correct=c.correct) for c in q.choices],
            )
            for q in source.questions
        ],
    )
