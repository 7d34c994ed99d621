"""GraphQL types of training modules and quizzes.

A quiz's choices carry no sign of being right: the correct answers exist in the schema
only on `QuizCorrection`, returned by `submitQuizAttempt` with an attempt that passes or spends
the last attempt allowed (server.training.quizzes), never while attempts remain."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from server.training import markdown
from server.training.models import ModuleSection as SectionModel
from server.training.models import Publication
from server.training.participation import ParticipationReport
from server.training.quizzes import AttemptResult, QuizView
from server.training.recommendations import RecommendationReason as RecommendationReasonEnum
from server.training.services import ModuleRow
from server.training.services import Participation as ParticipationEnum
from server.training.video import embed_url

strawberry.enum(ParticipationEnum, name="TrainingStatus", description="Where a person is in a module.")
TrainingStatus = ParticipationEnum
strawberry.enum(
    Publication,
    name="ModulePublication",
    description="DRAFT: seen by its managers only; PUBLISHED: followed by its audience; "
    "ARCHIVED: off the lists, history kept.",
)
ModulePublication = Publication


@strawberry.enum(description="How a piece of text is shown.")
class TextSpanKind(StrEnum):
    TEXT = "TEXT"
    STRONG = "STRONG"
    EM = "EM"
    LINK = "LINK"


@strawberry.enum(description="A block of a section's text.")
class ContentBlockKind(StrEnum):
    HEADING2 = "HEADING2"
    HEADING3 = "HEADING3"
    PARAGRAPH = "PARAGRAPH"
    BULLETS = "BULLETS"
    NUMBERS = "NUMBERS"


@strawberry.type(description="A run of text; render it as text, never as HTML.")
class TextSpan:
    kind: TextSpanKind
    text: str
    href: str | None = strawberry.field(description="For LINK: an http(s) address.")


@strawberry.type(description="One item of a list block.")
class ListItem:
    spans: list[TextSpan]


@strawberry.type(description="A heading, paragraph or list of a section, parsed on the server.")
class ContentBlock:
    kind: ContentBlockKind
    spans: list[TextSpan] = strawberry.field(description="For headings and paragraphs.")
    items: list[ListItem] = strawberry.field(description="For lists.")


def _spans(spans: list[markdown.Span]) -> list[TextSpan]:
    return [TextSpan(kind=TextSpanKind(s.kind.upper()), text=s.text, href=s.href) for s in spans]


def as_blocks(source: str) -> list[ContentBlock]:
    return [
        ContentBlock(
            kind=ContentBlockKind(b.kind.upper()),
            spans=_spans(b.spans),
            items=[ListItem(spans=_spans(item)) for item in b.items],
        )
        for b in markdown.parse(source)
    ]


@strawberry.type(description="A section of a module: text, and optionally an image, a video link, a PDF.")
class ModuleSection:
    id: strawberry.ID
    position: int
    title: str
    body_html: str = strawberry.field(
        description="The text as HTML limited to h2, h3, p, ul, ol, li, strong, em and a; all else escaped."
    )
    blocks: list[ContentBlock] = strawberry.field(description="The same text as blocks, to render as text.")
    image_url: str | None
    video_url: str | None
    video_embed_url: str | None = strawberry.field(
        description="The video's player (YouTube without cookies, Vimeo, Dailymotion), to show in a frame."
    )
    pdf_url: str | None


def as_section(section: SectionModel) -> ModuleSection:
    return ModuleSection(
        id=strawberry.ID(str(section.id)),
        position=section.position,
        title=section.title,
        body_html=markdown.to_html(section.body),
        blocks=as_blocks(section.body),
        image_url=section.image_url,
        video_url=section.video_url,
        video_embed_url=embed_url(section.video_url),
        pdf_url=section.pdf_url,
    )


@strawberry.type(description="A training module, with the viewer's progress.")
class TrainingModule:
    id: strawberry.ID
    title: str
    summary: str
    duration_minutes: int
    cover_url: str | None
    section_count: int
    sections_done: int = strawberry.field(description="Sections the viewer has read.")
    status: TrainingStatus = strawberry.field(description="The viewer's participation.")
    due_at: datetime | None = strawberry.field(description="When the viewer must have completed it.")
    quiz_id: strawberry.ID | None = strawberry.field(description="The quiz that completes the module.")
    assigned: bool = strawberry.field(description="Whether the module is assigned to the viewer.")
    publication: ModulePublication = strawberry.field(description="Draft, published or archived.")
    sections: list[ModuleSection] | None = strawberry.field(
        default=None, description="Only on trainingModule(id)."
    )


def as_module(row: ModuleRow, sections: list[ModuleSection] | None = None) -> TrainingModule:
    return TrainingModule(
        id=strawberry.ID(str(row.id)),
        title=row.title,
        summary=row.summary,
        duration_minutes=row.duration_minutes,
        cover_url=row.cover_url,
        section_count=row.section_count,
        sections_done=row.sections_done,
        status=row.status,
        due_at=row.due_at,
        quiz_id=strawberry.ID(str(row.quiz_id)) if row.quiz_id else None,
        assigned=row.assigned,
        publication=row.publication,
        sections=sections,
    )


@strawberry.type(description="A choice of a question, without any sign of being right.")
class QuizChoice:
    id: strawberry.ID
    text: str


@strawberry.type(description="A question; `multiple` means several choices may be right.")
class QuizQuestion:
    id: strawberry.ID
    text: str
    multiple: bool
    choices: list[QuizChoice]


@strawberry.type(description="A quiz ready to take (questions shuffled when the quiz says so).")
class Quiz:
    id: strawberry.ID
    title: str
    module_id: strawberry.ID | None
    pass_mark_percent: int
    max_attempts: int | None = strawberry.field(description="Null when unlimited.")
    attempts_used: int
    attempts_left: int | None = strawberry.field(description="Null when unlimited.")
    best_score_percent: float | None
    passed: bool = strawberry.field(description="Whether the viewer has passed it already.")
    questions: list[QuizQuestion]


def as_quiz(view: QuizView) -> Quiz:
    return Quiz(
        id=strawberry.ID(str(view.id)),
        title=view.title,
        module_id=strawberry.ID(str(view.module_id)) if view.module_id else None,
        pass_mark_percent=view.pass_mark_percent,
        max_attempts=view.max_attempts,
        attempts_used=view.attempts_used,
        attempts_left=view.attempts_left,
        best_score_percent=view.best_score_percent,
        passed=view.passed,
        questions=[
            QuizQuestion(
                id=strawberry.ID(str(q.id)),
                text=q.text,
                multiple=q.multiple,
                choices=[QuizChoice(id=strawberry.ID(str(c.id)), text=c.text) for c in q.choices],
            )
            for q in view.questions
        ],
    )


@strawberry.type(description="How one question was answered, revealed once the quiz is passed or its attempts spent.")
class QuizCorrection:
    question_id: strawberry.ID
    correct: bool
    chosen_choice_ids: list[strawberry.ID]
    correct_choice_ids: list[strawberry.ID]
    explanation: str


@strawberry.type(description="A recorded attempt: score, pass or fail, and the corrections.")
class QuizAttemptResult:
    attempt_id: strawberry.ID
    quiz_id: strawberry.ID
    number: int = strawberry.field(description="1 for the first attempt.")
    score_percent: float
    passed: bool
    pass_mark_percent: int
    attempts_left: int | None
    module_completed: bool = strawberry.field(description="Whether this attempt completed the module.")
    corrections_shown: bool = strawberry.field(
        description="Whether this attempt passed or spent the last attempt, so `corrections` are given."
    )
    corrections: list[QuizCorrection] = strawberry.field(
        description="The right choices and explanations: empty while attempts remain after a failed attempt."
    )


def _ids(values: list[int]) -> list[strawberry.ID]:
    return [strawberry.ID(str(v)) for v in values]


def as_attempt(result: AttemptResult) -> QuizAttemptResult:
    return QuizAttemptResult(
        attempt_id=strawberry.ID(str(result.attempt_id)),
        quiz_id=strawberry.ID(str(result.quiz_id)),
        number=result.number,
        score_percent=result.score_percent,
        passed=result.passed,
        pass_mark_percent=result.pass_mark_percent,
        attempts_left=result.attempts_left,
        module_completed=result.module_completed,
        corrections_shown=result.corrections_shown,
        corrections=[
            QuizCorrection(
                question_id=strawberry.ID(str(c.question_id)),
                correct=c.correct,
                chosen_choice_ids=_ids(c.chosen_choice_ids),
                correct_choice_ids=_ids(c.correct_choice_ids),
                explanation=c.explanation,
            )
            for c in result.corrections
        ],
    )


@strawberry.type(description="One person of the audience and where they are in the module.")
class PersonProgress:
    user_id: strawberry.ID
    display_name: str
    unit_name: str
    status: TrainingStatus
    sections_done: int
    reminded_at: datetime | None
    photo_url: str | None = strawberry.field(
        default=None, description="The person's profile photo (a square WebP), or null: show the initials.")


@strawberry.type(description="Participation in a module across the viewer's scope.")
class ModuleParticipation:
    module_id: strawberry.ID
    section_count: int
    not_started_count: int
    in_progress_count: int
    completed_count: int
    people: list[PersonProgress] = strawberry.field(description="Those who haven't started come first.")


def as_participation(report: ParticipationReport) -> ModuleParticipation:
    def count(status: ParticipationEnum) -> int:
        return sum(p.status == status for p in report.people)

    return ModuleParticipation(
        module_id=strawberry.ID(str(report.module_id)),
        section_count=report.section_count,
        not_started_count=count(ParticipationEnum.NOT_STARTED),
        in_progress_count=count(ParticipationEnum.IN_PROGRESS),
        completed_count=count(ParticipationEnum.COMPLETED),
        people=[
            PersonProgress(
                user_id=strawberry.ID(str(p.user_id)),
                display_name=p.display_name,
                unit_name=p.unit_name,
                status=p.status,
                sections_done=p.sections_done,
                reminded_at=p.reminded_at,
                photo_url=p.photo_url,
            )
            for p in report.people
        ],
    )


strawberry.enum(RecommendationReasonEnum, name="RecommendationReason", description="Why a module is suggested.")
RecommendationReason = RecommendationReasonEnum


@strawberry.type(description="A module suggested to the viewer, and why.")
class ModuleRecommendation:
    module: TrainingModule
    reason: RecommendationReason
    detail: str = strawberry.field(description="For SKILL_GAP: the skill concerned.")
