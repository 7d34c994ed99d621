"""revokeAward: the awarder or head office takes an award back, with a reason."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import (
    ConflictError,
    NotAllowedError,
    NotFoundError,
    ValidationError,
)
from schema.ids import parse_id
from schema.permissions import signed_in
from server.badges import awarding


@strawberry.type
class RevokeAwardSuccess:
    award_id: strawberry.ID


RevokeAwardResult = Annotated[
    RevokeAwardSuccess | ValidationError | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("RevokeAwardResult"),
]


async def revoke_award(info: Info, award_id: strawberry.ID, reason: str) -> RevokeAwardResult:
    actor = signed_in(info)
    award = await awarding.revoke_award(actor, parse_id(award_id), reason)
    return RevokeAwardSuccess(award_id=strawberry.ID(str(award.id)))
