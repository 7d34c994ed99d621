"""updateTrainingModule: its managers rewrite a module's text, sections and audience."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.training.inputs import TrainingModuleContentInput, module_content
from schema.training.types import TrainingModule, as_module
from server.training import authoring


@strawberry.input(description="A module's new content, replacing its sections and audience.")
class UpdateTrainingModuleInput(TrainingModuleContentInput):
    id: strawberry.ID


@strawberry.type
class UpdateTrainingModuleSuccess:
    module: TrainingModule


UpdateTrainingModuleResult = Annotated[
    UpdateTrainingModuleSuccess | ValidationError | NotAllowedError | NotFoundError,
    strawberry.union("UpdateTrainingModuleResult"),
]


async def update_training_module(info: Info, input: UpdateTrainingModuleInput) -> UpdateTrainingModuleResult:
    row = await authoring.update_module(scope_of(info), parse_id(input.id), module_content(input))
    return UpdateTrainingModuleSuccess(module=as_module(row))
