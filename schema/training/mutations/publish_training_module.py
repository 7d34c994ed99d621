"""publishTrainingModule and archiveTrainingModule: a module reaches its audience, or leaves
the sellers' lists (progress and attempts kept)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.training.types import TrainingModule, as_module
from server.training import authoring


@strawberry.type
class TrainingModulePublicationSuccess:
    module: TrainingModule


TrainingModulePublicationResult = Annotated[
    TrainingModulePublicationSuccess | ValidationError | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("TrainingModulePublicationResult"),
]


async def publish_training_module(info: Info, module_id: strawberry.ID) -> TrainingModulePublicationResult:
    row = await authoring.publish_module(scope_of(info), parse_id(module_id))
    return TrainingModulePublicationSuccess(module=as_module(row))


async def archive_training_module(info: Info, module_id: strawberry.ID) -> TrainingModulePublicationResult:
    row = await authoring.archive_module(scope_of(info), parse_id(module_id))
    return TrainingModulePublicationSuccess(module=as_module(row))
