"""invitePeople, resendInvite, revokeInvite, acceptInvite: bringing people in by e-mail."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.mutations.auth_success import AuthSuccess, auth_success
from schema.accounts.people_types import EmailInvite
from schema.accounts.types import Role
from schema.context import Info
from schema.errors import (
    ConflictError,
    InvalidLinkError,
    NotAllowedError,
    NotFoundError,
    RateLimitedError,
    ValidationError,
)
from schema.ids import parse_id
from schema.permissions import scope_of
from server.accounts import invitations
from server.network.models import Unit


@strawberry.input
class InviteeInput:
    email: str
    display_name: str = strawberry.field(default="", description="Optional: the name used in the mail.")


@strawberry.input
class InvitePeopleInput:
    people: list[InviteeInput] = strawberry.field(description="1 to 100 people.")
    unit_id: strawberry.ID
    role: Role = Role.MEMBER
    language: str = strawberry.field(default="fr", description="Language of the mail: fr or en.")


@strawberry.type(description="The invites sent (one mail each).")
class InvitePeopleSuccess:
    invites: list[EmailInvite]
    already_members: list[str] = strawberry.field(
        description="Addresses left out: they already have an account in the organisation."
    )


@strawberry.type
class InviteSuccess:
    invite: EmailInvite


@strawberry.input
class AcceptInviteInput:
    token: str = strawberry.field(description="The token of the link received by e-mail.")
    display_name: str
    password: str


InvitePeopleResult = Annotated[
    InvitePeopleSuccess | NotAllowedError | NotFoundError | ValidationError | RateLimitedError,
    strawberry.union("InvitePeopleResult"),
]
ResendInviteResult = Annotated[
    InviteSuccess | NotAllowedError | NotFoundError | ConflictError | RateLimitedError,
    strawberry.union("ResendInviteResult"),
]
RevokeInviteResult = Annotated[
    InviteSuccess | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("RevokeInviteResult"),
]
AcceptInviteResult = Annotated[
    AuthSuccess | InvalidLinkError | ValidationError | ConflictError | RateLimitedError,
    strawberry.union("AcceptInviteResult"),
]


async def invite_people(info: Info, input: InvitePeopleInput) -> InvitePeopleResult:
    people = [invitations.Invitee(p.email, p.display_name) for p in input.people]
    done = await invitations.invite_people(
        scope_of(info), people, parse_id(input.unit_id), Role(input.role), input.language
    )
    units = {u.id: u for u in await Unit.filter(id__in={i.unit_id for i in done.invites})}
    return InvitePeopleSuccess(
        invites=[EmailInvite.of(i, units[i.unit_id]) for i in done.invites], already_members=done.already_members
    )


async def resend_invite(info: Info, invite_id: strawberry.ID) -> ResendInviteResult:
    invite = await invitations.resend_invite(scope_of(info), parse_id(invite_id))
    return InviteSuccess(invite=EmailInvite.of(invite, await Unit.get(id=invite.unit_id)))


async def revoke_invite(info: Info, invite_id: strawberry.ID) -> RevokeInviteResult:
    invite = await invitations.revoke_invite(scope_of(info), parse_id(invite_id))
    return InviteSuccess(invite=EmailInvite.of(invite, await Unit.get(id=invite.unit_id)))


async def accept_invite(info: Info, input: AcceptInviteInput) -> AcceptInviteResult:
    context = info.context
    user, token = await invitations.accept_invite(
        input.token, input.password, input.display_name, context.ip, context.user_agent
    )
    return await auth_success(info, user, token)
