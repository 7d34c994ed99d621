"""Reading modules, quizzes and participation."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import query_error
from schema.ids import parse_id
from schema.permissions import signed_in
from schema.training.types import (
    ModuleParticipation,
    ModuleRecommendation,
    ModuleSection,
    Quiz,
    TrainingModule,
    as_blocks,
    as_module,
    as_participation,
    as_quiz,
)
from server.errors import DomainError
from server.training import markdown, quizzes, recommendations, services
from server.training.errors import ModuleNotFound, QuizNotFound


@strawberry.type
class TrainingQuery:
    @strawberry.field(description="Modules assigned to the viewer or open to all: in progress, then due first.")
    async def my_modules(self, info: Info) -> list[TrainingModule]:
        return [as_module(row) for row in await services.my_modules(signed_in(info))]

    @strawberry.field(description="Up to three modules to (re)do now: failed quiz, weak skill, due soon.")
    async def recommended_modules(self, info: Info) -> list[ModuleRecommendation]:
        found = await recommendations.recommended_modules(signed_in(info))
        return [ModuleRecommendation(module=as_module(r.module), reason=r.reason, detail=r.detail) for r in found]

    @strawberry.field(description="One module with its sections, or null when not found.")
    async def training_module(self, info: Info, id: strawberry.ID) -> TrainingModule | None:
        viewer = signed_in(info)
        try:
            row = await services.module_row(viewer, parse_id(id))
        except ModuleNotFound:
            return None
        sections = [
            ModuleSection(
                id=strawberry.ID(str(s.id)),
                position=s.position,
                title=s.title,
                body_html=markdown.to_html(s.body),
                blocks=as_blocks(s.body),
                image_url=s.image_url,
                video_url=s.video_url,
                pdf_url=s.pdf_url,
            )
            for s in await services.module_sections(row.id)
        ]
        return as_module(row, sections)

    @strawberry.field(description="Every module of the organisation, for managers following participation.")
    async def training_modules(self, info: Info) -> list[TrainingModule]:
        viewer = signed_in(info)
        try:
            rows = await services.scope_modules(viewer)
        except DomainError as error:
            raise query_error(error, info.context.language) from error
        return [as_module(row) for row in rows]

    @strawberry.field(description="A quiz to take, without its answers; null when not found.")
    async def quiz(self, info: Info, id: strawberry.ID) -> Quiz | None:
        try:
            return as_quiz(await quizzes.quiz_for_taking(signed_in(info), parse_id(id)))
        except QuizNotFound:
            return None

    @strawberry.field(description="Quizzes not attached to a module.")
    async def standalone_quizzes(self, info: Info) -> list[Quiz]:
        viewer = signed_in(info)
        # a handful per organisation; each is read whole to be taken
        return [as_quiz(await quizzes.quiz_for_taking(viewer, q.id)) for q in await quizzes.standalone_quizzes(viewer)]

    @strawberry.field(description="Who in the viewer's scope (or one unit of it) has started, and who hasn't.")
    async def module_participation(
        self, info: Info, module_id: strawberry.ID, unit_id: strawberry.ID | None = None
    ) -> ModuleParticipation:
        viewer = signed_in(info)
        try:
            report = await services.participation(
                viewer, parse_id(module_id), parse_id(unit_id) if unit_id is not None else None
            )
        except DomainError as error:
            raise query_error(error, info.context.language) from error
        return as_participation(report)
