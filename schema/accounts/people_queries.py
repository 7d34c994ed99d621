"""Queries of the people screen, and the invitation page's."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.people_types import (
    EmailInviteConnection,
    Invitation,
    PersonConnection,
    unit_of,
)
from schema.accounts.types import Role
from schema.context import Info
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.network.types import Unit
from schema.permissions import scope_of
from server.accounts import directory, invitations
from server.errors import DomainError


@strawberry.input(description="Which people to list.")
class PeopleFilter:
    search: str | None = strawberry.field(default=None, description="Part of a name or an e-mail.")
    unit_id: strawberry.ID | None = strawberry.field(default=None, description="This unit and below (one the viewer manages).")
    role: Role | None = None
    active: bool | None = strawberry.field(default=None, description="true: active only; false: deactivated only; omitted: both.")


def _unit(value: strawberry.ID | None) -> int | None:
    return parse_id(value) if value is not None else None


@strawberry.type
class PeopleQuery:
    @strawberry.field(
        description="People of the viewer's scope (admins: the organisation; managers: their subtree), "
        "by name, deactivated people included unless filtered. Members are refused.",
        extensions=[DomainErrors()],
    )
    async def people(
        self, info: Info, filter: PeopleFilter | None = None, first: int = 30, after: str | None = None
    ) -> PersonConnection:
        where = filter or PeopleFilter()
        page = await directory.search_people(
            scope_of(info),
            directory.PeopleFilter(where.search, _unit(where.unit_id), Role(where.role) if where.role else None, where.active),
            first,
            after,
        )
        return PersonConnection.of(page)

    @strawberry.field(
        description="E-mail invites neither accepted nor revoked in the viewer's scope, newest first "
        "(expired ones included: they can be sent again).",
        extensions=[DomainErrors()],
    )
    async def pending_invites(
        self,
        info: Info,
        search: str | None = None,
        unit_id: strawberry.ID | None = None,
        first: int = 30,
        after: str | None = None,
    ) -> EmailInviteConnection:
        page = await directory.pending_invites(scope_of(info), search, _unit(unit_id), first, after)
        return EmailInviteConnection.of(page)

    @strawberry.field(
        description="Units the viewer may invite people to or move people into, in tree order.",
        extensions=[DomainErrors()],
    )
    async def manageable_units(self, info: Info) -> list[Unit]:
        return [unit_of(u) for u in await directory.manageable_units(scope_of(info))]

    @strawberry.field(description="The invitation behind a link, for its page; null when the link is unknown, used, revoked or expired.")
    async def invitation(
        self, info: Info, token: Annotated[str, strawberry.argument(description="The token of the link.")]
    ) -> Invitation | None:
        try:
            return Invitation.of(await invitations.invitation(token))
        except DomainError:
            return None
