"""createTrainingModule: a manager or head office writes a module, kept as a draft unless published."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, ValidationError
from schema.permissions import scope_of
from schema.training.inputs import TrainingModuleContentInput, module_content
from schema.training.types import TrainingModule, as_module
from server.training import authoring


@strawberry.input(description="A new module; a draft, seen by its managers only, unless `publish`.")
class CreateTrainingModuleInput(TrainingModuleContentInput):
    publish: bool = strawberry.field(
        default=False, description="Publish at once (its audience is told); a draft otherwise."
    )


@strawberry.type
class CreateTrainingModuleSuccess:
    module: TrainingModule


CreateTrainingModuleResult = Annotated[
    CreateTrainingModuleSuccess | ValidationError | NotAllowedError,
    strawberry.union("CreateTrainingModuleResult"),
]


async def create_training_module(info: Info, input: CreateTrainingModuleInput) -> CreateTrainingModuleResult:
    row = await authoring.create_module(scope_of(info), module_content(input), publish=input.publish)
    return CreateTrainingModuleSuccess(module=as_module(row))
