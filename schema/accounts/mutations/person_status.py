"""deactivatePerson and reactivatePerson: a person who left, or came back."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, cast

import strawberry

from schema.accounts.types import User
from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError
from schema.ids import parse_id
from schema.permissions import scope_of
from server.accounts import people


@strawberry.type(description="The person can no longer sign in; their sessions ended.")
class DeactivatePersonSuccess:
    person: User
    deactivated_at: datetime
    sessions_ended: int = strawberry.field(description="Sessions that were still open.")


@strawberry.type(description="The person can sign in again.")
class ReactivatePersonSuccess:
    person: User


DeactivatePersonResult = Annotated[
    DeactivatePersonSuccess | NotAllowedError | NotFoundError,
    strawberry.union("DeactivatePersonResult"),
]
ReactivatePersonResult = Annotated[
    ReactivatePersonSuccess | NotAllowedError | NotFoundError,
    strawberry.union("ReactivatePersonResult"),
]


async def deactivate_person(info: Info, person_id: strawberry.ID) -> DeactivatePersonResult:
    person, ended = await people.deactivate_person(scope_of(info), parse_id(person_id))
    assert person.deactivated_at is not None
    return DeactivatePersonSuccess(
        person=cast(User, person), deactivated_at=person.deactivated_at, sessions_ended=ended
    )


async def reactivate_person(info: Info, person_id: strawberry.ID) -> ReactivatePersonResult:
    person = await people.reactivate_person(scope_of(info), parse_id(person_id))
    return ReactivatePersonSuccess(person=cast(User, person))
