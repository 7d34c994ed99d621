"""signUp: join a unit with an invite code."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.mutations.auth_success import AuthSuccess, auth_success
from schema.context import Info
from schema.errors import ConflictError, InvalidInviteError, RateLimitedError, ValidationError
from server.accounts import services


@strawberry.input
class SignUpInput:
    invite_code: str
    email: str
    password: str
    display_name: str


SignUpResult = Annotated[
    AuthSuccess | InvalidInviteError | ValidationError | ConflictError | RateLimitedError,
    strawberry.union("SignUpResult"),
]


async def sign_up(info: Info, input: SignUpInput) -> SignUpResult:
    context = info.context
    user, token = await services.sign_up(
        input.invite_code,
        input.email,
        input.password,
        input.display_name,
        context.ip,
        context.user_agent,
    )
    return await auth_success(info, user, token)
