"""logout: end this session (its sockets close on every instance)."""

from __future__ import annotations

import strawberry

from schema.context import Info
from server.accounts import services


@strawberry.type
class LogoutSuccess:
    ok: bool


async def logout(info: Info) -> LogoutSuccess:
    if info.context.token:
        await services.logout(info.context.token)
    info.context.clear_session_cookie()
    info.context.user = None
    return LogoutSuccess(ok=True)
