"""GraphQL types of people and invites."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.network.types import Organization, Unit
from server.accounts.models import Role

strawberry.enum(Role, name="Role", description="What a person may do.")


@strawberry.type(description="A person of the network, as colleagues see them.")
class User:
    id: strawberry.ID
    display_name: str
    initials: str = strawberry.field(description="One or two letters for the avatar.")
    role: Role
    avatar_url: str | None
    unit: Unit | None = strawberry.field(description="Where the person works.")


@strawberry.type(description="The signed-in person, with what only they may see.")
class Viewer:
    id: strawberry.ID
    email: str
    display_name: str
    initials: str
    role: Role
    language: str = strawberry.field(description="Interface language: fr or en.")
    unit: Unit | None
    organization: Organization


@strawberry.type(description="A code that lets someone join a unit with a role.")
class Invite:
    code: str
    role: Role
    unit: Unit
    max_uses: int
    use_count: int
    expires_at: datetime
