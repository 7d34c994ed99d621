"""updateUnit: rename a unit, change its city or external code."""

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
class UpdateUnitInput:
    unit_id: strawberry.ID
    name: str | None = strawberry.field(default=None, description="Unchanged when omitted.")
    city: str | None = strawberry.field(default=None, description="Unchanged when omitted; empty removes it.")
    external_code: str | None = strawberry.field(default=None, description="Unchanged when omitted; empty removes it.")


@strawberry.type(description="The unit was changed.")
class UpdateUnitSuccess:
    unit: NetworkUnit


UpdateUnitResult = Annotated[
    UpdateUnitSuccess | NotAllowedError | NotFoundError | ValidationError | ConflictError,
    strawberry.union("UpdateUnitResult"),
]


async def update_unit(info: Info, input: UpdateUnitInput) -> UpdateUnitResult:
    unit = await tree.update_unit(scope_of(info), parse_id(input.unit_id), input.name, input.city, input.external_code)
    return UpdateUnitSuccess(unit=NetworkUnit.of(unit))
