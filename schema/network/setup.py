"""setupNeeded and setupOrganization: the first run's screen (server.network.first_run)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.mutations.auth_success import AuthSuccess, auth_success
from schema.context import Info
from schema.errors import (
    ConflictError,
    InvalidLinkError,
    NotAllowedError,
    RateLimitedError,
    ValidationError,
)
from server.network import first_run


@strawberry.input
class SetupOrganizationInput:
    token: str = strawberry.field(description="The one-time setup token printed on the server's console.")
    organization_name: str
    email: str = strawberry.field(description="The first admin's e-mail.")
    display_name: str
    password: str


SetupOrganizationResult = Annotated[
    AuthSuccess | InvalidLinkError | ValidationError | ConflictError | NotAllowedError | RateLimitedError,
    strawberry.union("SetupOrganizationResult"),
]


async def setup_organization(info: Info, input: SetupOrganizationInput) -> SetupOrganizationResult:
    context = info.context
    user, token = await first_run.setup_organization(
        input.token, input.organization_name, input.email, input.display_name, input.password, context.ip, context.user_agent
    )
    return await auth_success(info, user, token)


@strawberry.type
class SetupQuery:
    @strawberry.field(description="True while no organisation exists: the first run's /setup screen is open.")
    async def setup_needed(self) -> bool:
        return await first_run.setup_needed()
