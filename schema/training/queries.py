"""Reading modules, quizzes and participation."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.network.types import Unit
from schema.permissions import scope_of
from schema.training.authoring_types import (
    QuizSource,
    TrainingModuleSource,
    as_module_source,
    as_quiz_source,
)
from schema.training.types import (
    ModuleParticipation,
    ModuleRecommendation,
    Quiz,
    TrainingModule,
    as_module,
    as_participation,
    as_quiz,
    as_section,
)
from server.training import (
    authoring,
    participation,
    quiz_authoring,
    quizzes,
    recommendations,
    services,
)


@strawberry.type
class TrainingQuery:
    @strawberry.field(description="Modules assigned to the viewer or open to all: in progress, then due first.")
    async def my_modules(self, info: Info) -> list[TrainingModule]:
        return [as_module(row) for row in await services.my_modules(scope_of(info))]

    @strawberry.field(description="Up to three modules to (re)do now: failed quiz, weak skill, due soon.")
    async def recommended_modules(self, info: Info) -> list[ModuleRecommendation]:
        found = await recommendations.recommended_modules(scope_of(info))
        return [ModuleRecommendation(module=as_module(r.module), reason=r.reason, detail=r.detail) for r in found]

    @strawberry.field(
        description="One module with its sections: for its audience, and managers of its scope (a draft: "
        "only those who manage it, to preview it as its audience will see it); else null."
    )
    async def training_module(self, info: Info, id: strawberry.ID) -> TrainingModule | None:
        found = await services.find_module(scope_of(info), parse_id(id))
        if found is None:
            return None
        row, sections = found
        return as_module(row, [as_section(s) for s in sections])

    @strawberry.field(
        description="The published and archived modules of the viewer's scope, for managers following "
        "participation.",
        extensions=[DomainErrors()],
    )
    async def training_modules(self, info: Info) -> list[TrainingModule]:
        return [as_module(row) for row in await services.scope_modules(scope_of(info))]

    @strawberry.field(description="A quiz to take, without its answers; null when not found or not for the viewer.")
    async def quiz(self, info: Info, id: strawberry.ID) -> Quiz | None:
        found = await quizzes.find_quiz(scope_of(info), parse_id(id))
        return as_quiz(found) if found is not None else None

    @strawberry.field(description="Quizzes not attached to a module.")
    async def standalone_quizzes(self, info: Info) -> list[Quiz]:
        return [as_quiz(view) for view in await quizzes.standalone_quizzes(scope_of(info))]

    @strawberry.field(
        description="Who in the viewer's scope (or one unit of it) has started, and who hasn't.",
        extensions=[DomainErrors()],
    )
    async def module_participation(
        self, info: Info, module_id: strawberry.ID, unit_id: strawberry.ID | None = None
    ) -> ModuleParticipation:
        report = await participation.participation(
            scope_of(info), parse_id(module_id), parse_id(unit_id) if unit_id is not None else None
        )
        return as_participation(report)

    @strawberry.field(
        description="The modules the viewer manages (drafts, published, archived), newest first: the "
        "authoring list of managers and head office.",
        extensions=[DomainErrors()],
    )
    async def managed_training_modules(self, info: Info) -> list[TrainingModule]:
        return [as_module(row) for row in await authoring.managed_module_rows(scope_of(info))]

    @strawberry.field(description="A module as written (Markdown, media, audience), for those who manage it; else null.")
    async def training_module_source(self, info: Info, id: strawberry.ID) -> TrainingModuleSource | None:
        found = await authoring.find_module_source(scope_of(info), parse_id(id))
        return as_module_source(found) if found is not None else None

    @strawberry.field(
        description="A quiz as written, with its right answers and explanations, for those who manage it; else null."
    )
    async def quiz_source(self, info: Info, id: strawberry.ID) -> QuizSource | None:
        found = await quiz_authoring.find_quiz_source(scope_of(info), parse_id(id))
        return as_quiz_source(found) if found is not None else None

    @strawberry.field(
        description="The units the viewer may give a module to: its subtree (every unit of the organisation "
        "for head office), top first; empty for a member."
    )
    async def training_audience_units(self, info: Info) -> list[Unit]:
        return [
            Unit(id=strawberry.ID(str(u.id)), name=u.name, kind=u.kind, city=u.city)
            for u in await authoring.audience_units(scope_of(info))
        ]
