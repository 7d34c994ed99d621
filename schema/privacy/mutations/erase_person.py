"""erasePerson: head office erases a person who left (server.privacy.erasure)."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry
from strawberry.scalars import JSON

from schema.accounts.types import User
from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError
from schema.ids import parse_id
from schema.permissions import scope_of
from server.privacy.erasure import CredentialChoice
from server.privacy.erasure import erase_person as erase

strawberry.enum(
    CredentialChoice,
    name="CredentialChoice",
    description="What becomes of an erased person's Open Badges credentials: KEEP (they keep "
    "verifying, the recipient hash frozen) or REVOKE.",
)


@strawberry.type(description="The person is erased: a pseudonym remains wherever they were shown.")
class ErasePersonSuccess:
    person: User
    pseudonym: str = strawberry.field(description="The name shown instead, e.g. « Ancien collaborateur 3F2A ».")
    already_erased: bool = strawberry.field(description="True when they had been erased before (nothing changed).")
    removed: JSON = strawberry.field(description="Rows deleted, by kind.")


ErasePersonResult = Annotated[
    ErasePersonSuccess | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("ErasePersonResult"),
]


async def erase_person(
    info: Info, person_id: strawberry.ID, credentials: CredentialChoice = CredentialChoice.KEEP
) -> ErasePersonResult:
    done = await erase(scope_of(info), parse_id(person_id), credentials)
    return ErasePersonSuccess(
        person=cast(User, done.person), pseudonym=done.pseudonym, already_erased=done.already, removed=cast(JSON, done.removed)
    )
