"""createUnit: a region, distributor, point of sale or team under a unit."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.network.tree_types import NetworkUnit
from schema.network.types import UnitKind
from schema.permissions import scope_of
from server.network import tree


@strawberry.input
class CreateUnitInput:
    parent_id: strawberry.ID
    kind: UnitKind = strawberry.field(description="Below the parent's level: brand → region → distributor → point of sale → team.")
    name: str
    city: str | None = None
    external_code: str | None = strawberry.field(default=None, description="Unique in the organisation; letters, digits, - _ .")


@strawberry.type(description="The unit was created.")
class CreateUnitSuccess:
    unit: NetworkUnit


CreateUnitResult = Annotated[
    CreateUnitSuccess | NotAllowedError | NotFoundError | ValidationError | ConflictError,
    strawberry.union("CreateUnitResult"),
]


async def create_unit(info: Info, input: CreateUnitInput) -> CreateUnitResult:
    unit = await tree.create_unit(
        scope_of(info), parse_id(input.parent_id), input.kind, input.name, input.city, input.external_code
    )
    return CreateUnitSuccess(unit=NetworkUnit.of(unit))
