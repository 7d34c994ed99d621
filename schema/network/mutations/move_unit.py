"""moveUnit and closeUnit: a unit changes parent, or closes."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.network.tree_types import NetworkUnit
from schema.permissions import scope_of
from server.network import tree


@strawberry.input
class MoveUnitInput:
    unit_id: strawberry.ID
    parent_id: strawberry.ID = strawberry.field(description="The new parent: of a higher level, not inside the unit.")


@strawberry.type(description="The unit and everything below it now sit under the new parent.")
class MoveUnitSuccess:
    unit: NetworkUnit


MoveUnitResult = Annotated[
    MoveUnitSuccess | NotAllowedError | NotFoundError | ValidationError | ConflictError,
    strawberry.union("MoveUnitResult"),
]


@strawberry.type(description="The unit and everything below it are closed.")
class CloseUnitSuccess:
    unit: NetworkUnit


CloseUnitResult = Annotated[
    CloseUnitSuccess | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("CloseUnitResult"),
]


async def move_unit(info: Info, input: MoveUnitInput) -> MoveUnitResult:
    unit = await tree.move_unit(scope_of(info), parse_id(input.unit_id), parse_id(input.parent_id))
    return MoveUnitSuccess(unit=NetworkUnit.of(unit))


async def close_unit(info: Info, unit_id: strawberry.ID) -> CloseUnitResult:
    unit = await tree.close_unit(scope_of(info), parse_id(unit_id))
    return CloseUnitSuccess(unit=NetworkUnit.of(unit))
