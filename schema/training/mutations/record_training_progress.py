"""recordTrainingProgress: the viewer read up to a section of a module."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotFoundError, ValidationError, to_user_error
from schema.ids import parse_id
from schema.permissions import signed_in
from schema.training.types import TrainingModule, as_module
from server.errors import DomainError
from server.training import services


@strawberry.type
class RecordTrainingProgressSuccess:
    module: TrainingModule


RecordTrainingProgressResult = Annotated[
    RecordTrainingProgressSuccess | ValidationError | NotFoundError,
    strawberry.union("RecordTrainingProgressResult"),
]


async def record_training_progress(
    info: Info, module_id: strawberry.ID, sections_done: int
) -> RecordTrainingProgressResult:
    viewer = signed_in(info)
    try:
        row = await services.record_progress(viewer, parse_id(module_id), sections_done)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return RecordTrainingProgressSuccess(module=as_module(row))
