"""GraphQL types of the people screen: people as head office and managers see them, pending
e-mail invites, and an invitation as the invited person sees it."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

import strawberry

from schema.accounts.types import Role
from schema.feed.types import PageInfo
from schema.network.types import Unit
from server.accounts import models
from server.accounts.directory import Page
from server.accounts.invitations import InvitationView
from server.network.models import Unit as UnitModel


def unit_of(unit: UnitModel) -> Unit:
    return Unit(id=strawberry.ID(str(unit.id)), name=unit.name, kind=unit.kind, city=unit.city)


@strawberry.type(description="A person of the viewer's scope, as head office and managers see them.")
class Person:
    id: strawberry.ID
    display_name: str
    initials: str
    email: str
    role: Role
    unit: Unit
    created_at: datetime = strawberry.field(description="When the account was created.")
    deactivated_at: datetime | None = strawberry.field(description="Set when the person was deactivated (left).")
    photo_url: str | None = strawberry.field(
        default=None, description="The person's profile photo (a square WebP), or null: show the initials.")

    @classmethod
    def of(cls, user: models.User) -> Person:
        return cls(
            id=strawberry.ID(str(user.id)), display_name=user.display_name, initials=user.initials,
            email=user.email, role=Role(user.role), unit=unit_of(user.unit), created_at=user.created_at,
            deactivated_at=user.deactivated_at, photo_url=user.avatar_url,
        )


@strawberry.type
class PersonEdge:
    cursor: str
    node: Person


@strawberry.type(description="A page of people.")
class PersonConnection:
    edges: list[PersonEdge]
    page_info: PageInfo
    total_count: int = strawberry.field(description="People matching the filter, all pages.")

    @classmethod
    def of(cls, page: Page[models.User]) -> PersonConnection:
        edges = [PersonEdge(cursor=page.cursor(i, "people"), node=Person.of(u)) for i, u in enumerate(page.rows)]
        return cls(edges=edges, page_info=PageInfo(has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None), total_count=page.total)


@strawberry.enum(description="Where an e-mail invite stands.")
class InviteStatus(StrEnum):
    PENDING = "PENDING"
    EXPIRED = "EXPIRED"
    ACCEPTED = "ACCEPTED"
    REVOKED = "REVOKED"


def status_of(invite: models.EmailInvite) -> InviteStatus:
    if invite.accepted_at is not None:
        return InviteStatus.ACCEPTED
    if invite.revoked_at is not None:
        return InviteStatus.REVOKED
    return InviteStatus.EXPIRED if invite.expires_at <= datetime.now(UTC) else InviteStatus.PENDING


@strawberry.type(description="An invitation sent by e-mail to join a unit with a role.")
class EmailInvite:
    id: strawberry.ID
    email: str
    display_name: str
    role: Role
    unit: Unit
    status: InviteStatus
    sent_at: datetime = strawberry.field(description="When the last link was sent.")
    send_count: int = strawberry.field(description="How many times a link was sent.")
    expires_at: datetime = strawberry.field(description="When the last link stops working.")

    @classmethod
    def of(cls, invite: models.EmailInvite, unit: UnitModel) -> EmailInvite:
        return cls(
            id=strawberry.ID(str(invite.id)), email=invite.email, display_name=invite.display_name,
            role=Role(invite.role), unit=unit_of(unit), status=status_of(invite), sent_at=invite.sent_at,
            send_count=invite.send_count, expires_at=invite.expires_at,
        )


@strawberry.type
class EmailInviteEdge:
    cursor: str
    node: EmailInvite


@strawberry.type(description="A page of e-mail invites.")
class EmailInviteConnection:
    edges: list[EmailInviteEdge]
    page_info: PageInfo
    total_count: int

    @classmethod
    def of(cls, page: Page[models.EmailInvite]) -> EmailInviteConnection:
        edges = [EmailInviteEdge(cursor=page.cursor(i, "invites"), node=EmailInvite.of(v, v.unit)) for i, v in enumerate(page.rows)]
        return cls(edges=edges, page_info=PageInfo(has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None), total_count=page.total)


@strawberry.type(description="An invitation as the invited person sees it, before choosing a password.")
class Invitation:
    email: str
    display_name: str = strawberry.field(description="The name the inviter typed, if any.")
    organization_name: str
    unit_name: str
    role: Role
    invited_by: str | None
    expires_at: datetime

    @classmethod
    def of(cls, view: InvitationView) -> Invitation:
        return cls(
            email=view.email, display_name=view.display_name, organization_name=view.organization,
            unit_name=view.unit, role=view.role, invited_by=view.invited_by, expires_at=view.expires_at,
        )
