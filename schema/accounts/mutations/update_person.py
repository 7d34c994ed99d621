"""updatePerson: move someone to another unit or give them another role."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.people_types import Person
from schema.accounts.types import Role
from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from server.accounts import people


@strawberry.input
class UpdatePersonInput:
    person_id: strawberry.ID
    unit_id: strawberry.ID | None = strawberry.field(default=None, description="The new unit; unchanged when omitted.")
    role: Role | None = strawberry.field(default=None, description="The new role; unchanged when omitted.")


@strawberry.type(description="The person's unit or role changed.")
class UpdatePersonSuccess:
    person: Person
    sessions_ended: int = strawberry.field(
        description="Sessions ended because the person's scope may have shrunk (lower role, other unit)."
    )


UpdatePersonResult = Annotated[
    UpdatePersonSuccess | NotAllowedError | NotFoundError | ValidationError,
    strawberry.union("UpdatePersonResult"),
]


async def update_person(info: Info, input: UpdatePersonInput) -> UpdatePersonResult:
    person, ended = await people.update_person(
        scope_of(info),
        parse_id(input.person_id),
        parse_id(input.unit_id) if input.unit_id is not None else None,
        Role(input.role) if input.role is not None else None,
    )
    return UpdatePersonSuccess(person=Person.of(person), sessions_ended=ended)
