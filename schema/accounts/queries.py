"""Queries about the signed-in person."""

from __future__ import annotations

import strawberry

from schema.accounts.loaders import load_viewer
from schema.accounts.types import Viewer
from schema.context import Info


@strawberry.type
class AccountsQuery:
    @strawberry.field(description="The signed-in person, or null when not signed in.")
    async def me(self, info: Info) -> Viewer | None:
        user = info.context.user
        if user is None:
            return None
        return await load_viewer(user, info.context.language)
