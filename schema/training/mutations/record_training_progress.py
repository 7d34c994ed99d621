"""recordTrainingProgress: the viewer read up to a section of a module."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.training.types import TrainingModule, as_module
from server.training import services


@strawberry.type
class RecordTrainingProgressSuccess:
    module: TrainingModule


RecordTrainingProgressResult = Annotated[
    RecordTrainingProgressSuccess | ValidationError | NotFoundError | NotAllowedError | ConflictError,
    strawberry.union("RecordTrainingProgressResult"),
]


async def record_training_progress(
    info: Info, module_id: strawberry.ID, sections_done: int
) -> RecordTrainingProgressResult:
    row = await services.record_progress(scope_of(info), parse_id(module_id), sections_done)
    return RecordTrainingProgressSuccess(module=as_module(row))
