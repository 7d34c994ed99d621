"""createInvite: a code to join a unit of the viewer's scope."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.types import Invite, Role
from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, RateLimitedError, ValidationError
from schema.ids import parse_id
from schema.network.types import Unit
from schema.permissions import scope_of
from server.accounts import services
from server.network.services import get_unit


@strawberry.input
class CreateInviteInput:
    unit_id: strawberry.ID
    role: Role = Role.MEMBER
    max_uses: int = 1
    expires_in_days: int = 14


@strawberry.type
class CreateInviteSuccess:
    invite: Invite


CreateInviteResult = Annotated[
    CreateInviteSuccess | NotAllowedError | NotFoundError | ValidationError | RateLimitedError,
    strawberry.union("CreateInviteResult"),
]


async def create_invite(info: Info, input: CreateInviteInput) -> CreateInviteResult:
    scope = scope_of(info)
    invite = await services.create_invite(
        scope, parse_id(input.unit_id), Role(input.role), input.max_uses, input.expires_in_days
    )
    unit = await get_unit(scope.organization_id, invite.unit_id)
    return CreateInviteSuccess(
        invite=Invite(
            code=invite.code,
            role=invite.role,
            unit=Unit(id=strawberry.ID(str(unit.id)), name=unit.name, kind=unit.kind, city=unit.city),
            max_uses=invite.max_uses,
            use_count=invite.use_count,
            expires_at=invite.expires_at,
        )
    )
