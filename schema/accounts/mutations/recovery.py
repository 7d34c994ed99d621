"""requestPasswordReset, resetPassword, changePassword: account recovery."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.mutations.auth_success import AuthSuccess, auth_success
from schema.context import Info
from schema.errors import (
    InvalidCredentialsError,
    InvalidLinkError,
    RateLimitedError,
    ValidationError,
)
from schema.permissions import scope_of
from server.accounts import recovery


@strawberry.type(description="If the address has an active account, a link is on its way (no hint either way).")
class RequestPasswordResetSuccess:
    ok: bool


@strawberry.input
class ResetPasswordInput:
    token: str = strawberry.field(description="The token of the link received by e-mail.")
    password: str


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str


@strawberry.type(description="The password changed; every other session of the viewer ended.")
class ChangePasswordSuccess:
    sessions_ended: int


RequestPasswordResetResult = Annotated[
    RequestPasswordResetSuccess | ValidationError | RateLimitedError,
    strawberry.union("RequestPasswordResetResult"),
]
ResetPasswordResult = Annotated[
    AuthSuccess | InvalidLinkError | ValidationError | RateLimitedError,
    strawberry.union("ResetPasswordResult"),
]
ChangePasswordResult = Annotated[
    ChangePasswordSuccess | InvalidCredentialsError | ValidationError | RateLimitedError,
    strawberry.union("ChangePasswordResult"),
]


async def request_password_reset(info: Info, email: str) -> RequestPasswordResetResult:
    context = info.context
    await recovery.request_password_reset(email, context.ip, context.language)
    return RequestPasswordResetSuccess(ok=True)


async def reset_password(info: Info, input: ResetPasswordInput) -> ResetPasswordResult:
    context = info.context
    user, token = await recovery.reset_password(input.token, input.password, context.ip, context.user_agent)
    return await auth_success(info, user, token)


async def change_password(info: Info, input: ChangePasswordInput) -> ChangePasswordResult:
    ended = await recovery.change_password(scope_of(info), info.context.token, input.current_password, input.new_password)
    return ChangePasswordSuccess(sessions_ended=ended)
