"""GraphQL types of people and invites."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.context import Info
from schema.network.types import Organization, Unit
from server.accounts.models import Role

if TYPE_CHECKING:
    from schema.badges.types import Award, RecognitionCounts

strawberry.enum(Role, name="Role", description="What a person may do.")


@strawberry.type(description="A person of the network, as colleagues see them.")
class User:
    id: strawberry.ID
    display_name: str
    initials: str = strawberry.field(description="One or two letters for the avatar.")
    role: Role
    avatar_url: str | None = strawberry.field(description="Same as photoUrl (kept for older clients).")
    unit: Unit | None = strawberry.field(description="Where the person works.")

    @strawberry.field(description="The person's profile photo (a square WebP), or null: show the initials.")
    def photo_url(self) -> str | None:
        return self.avatar_url

    @strawberry.field(description="Badges the person holds (not revoked), newest first.")
    async def awards(self, info: Info) -> list[Annotated[Award, strawberry.lazy("schema.badges.types")]]:
        from schema.badges.loaders import awards_by_user_id_loader

        rows = await awards_by_user_id_loader(info).load(int(self.id))
        return [row for row in rows if row.badge.kind == "BADGE"]  # type: ignore[misc]

    @strawberry.field(description="Labels the person holds, with level and validity.")
    async def labels(self, info: Info) -> list[Annotated[Award, strawberry.lazy("schema.badges.types")]]:
        from schema.badges.loaders import awards_by_user_id_loader

        rows = await awards_by_user_id_loader(info).load(int(self.id))
        return [row for row in rows if row.badge.kind == "LABEL"]  # type: ignore[misc]

    @strawberry.field(description="Counts shown on the profile: wins, best practices, podiums.")
    async def recognition(
        self, info: Info
    ) -> Annotated[RecognitionCounts, strawberry.lazy("schema.badges.types")]:
        from schema.badges.loaders import counts_by_user_id_loader

        return await counts_by_user_id_loader(info).load(int(self.id))  # type: ignore[return-value]


@strawberry.type(description="The signed-in person, with what only they may see.")
class Viewer:
    id: strawberry.ID
    email: str
    display_name: str
    initials: str
    role: Role
    language: str = strawberry.field(description="Interface language: fr or en.")
    hidden_from_feed: bool = strawberry.field(
        default=False, description="Whether badges I receive stay out of the feed."
    )
    unit: Unit | None
    organization: Organization
    photo_url: str | None = strawberry.field(
        default=None, description="My profile photo (a square WebP), or null: initials."
    )

    @strawberry.field(
        description="The content I manage beyond my role, through a head-office function or a partner agency's grant "
        "on the brand I work on: « challenges », « modules », « satisfaction », « dashboards », « objectives.<lever> ». "
        "The app offers the matching builders; the server decides every change on its own."
    )
    async def manages(self, info: Info) -> list[str]:
        from server.accounts.models import User
        from server.network.scope import scope_of_user

        scope = info.context.scope
        if scope is None or scope.user_id != int(self.id):  # signing in: the session is being opened
            user = await User.get_or_none(id=int(self.id))
            if user is None:
                return []
            scope = await scope_of_user(user)
        return sorted(scope.content)


@strawberry.type(description="A code that lets someone join a unit with a role.")
class Invite:
    code: str
    role: Role
    unit: Unit
    max_uses: int
    use_count: int
    expires_at: datetime
