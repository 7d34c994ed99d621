"""login: email and password to a session."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.mutations.auth_success import AuthSuccess, auth_success
from schema.context import Info
from schema.errors import InvalidCredentialsError, RateLimitedError, ValidationError
from server.accounts import services


@strawberry.input
class LoginInput:
    email: str
    password: str


LoginResult = Annotated[
    AuthSuccess | InvalidCredentialsError | RateLimitedError | ValidationError,
    strawberry.union("LoginResult"),
]


async def login(info: Info, input: LoginInput) -> LoginResult:
    context = info.context
    user, token = await services.login(input.email, input.password, context.ip, context.user_agent)
    return await auth_success(info, user, token)
