"""createInvite: a code to join a unit of the viewer's scope."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.types import Invite, Role
from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError, to_user_error
from schema.ids import parse_id
from schema.network.types import Unit
from schema.permissions import signed_in
from server.accounts import services
from server.errors import DomainError
from server.network.models import Unit as UnitModel


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
    CreateInviteSuccess | NotAllowedError | NotFoundError | ValidationError,
    strawberry.union("CreateInviteResult"),
]


async def create_invite(info: Info, input: CreateInviteInput) -> CreateInviteResult:
    actor = signed_in(info)
    try:
        invite = await services.create_invite(
            actor,
            parse_id(input.unit_id),
            Role(input.role),
            input.max_uses,
            input.expires_in_days,
        )
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    unit = await UnitModel.get(id=invite.unit_id)
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
