"""The per-request context: who is asking, in which language, and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import strawberry

from server.accounts.models import User
from server.network.scope import Scope

SESSION_COOKIE = "elan_session"


@dataclass
class CookieChange:
    value: str | None  # None clears the cookie
    max_age: int = 0


@dataclass
class Context:
    user: User | None
    language: str
    # the viewer's place in the network, loaded once with the session (server.network.scope)
    scope: Scope | None = None
    token: str | None = None
    # the raw bearer token, even when it is not a session (integration tokens use it)
    bearer: str | None = None
    ip: str = ""
    user_agent: str = ""
    secure: bool = False
    cookie: CookieChange | None = None
    # the organisation's board default as read with this request's session (HTTP); None on a
    # socket, whose session was read when it opened: it is read again when needed
    boards_anonymous: bool | None = None
    # per-request caches shared by resolvers (dataloaders are created lazily per request)
    loaders: dict[str, Any] = field(default_factory=dict)

    def set_session_cookie(self, token: str, max_age: int) -> None:
        self.cookie = CookieChange(token, max_age)

    def clear_session_cookie(self) -> None:
        self.cookie = CookieChange(None)


Info = strawberry.Info[Context, None]
