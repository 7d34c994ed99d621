"""login: email and password to a session."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.mutations.auth_success import AuthSuccess, auth_success
from schema.context import Info
from schema.errors import (
    InvalidCredentialsError,
    RateLimitedError,
    ValidationError,
    to_user_error,
)
from server.accounts import services
from server.errors import DomainError


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
    try:
        user, token = await services.login(
            input.email, input.password, context.ip, context.user_agent
        )
    except DomainError as error:
        return to_user_error(error, context.language)  # type: ignore[return-value]
    return await auth_success(info, user, token)
