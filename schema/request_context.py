"""Building the GraphQL context from an HTTP request or a WebSocket."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from schema.context import SESSION_COOKIE, Context
from server.accounts.models import User
from server.accounts.sessions import LiveSession, current_session
from server.i18n import pick_language
from server.network.scope import Scope, scope_of_user
from server.settings import get_settings


def bearer_token(connection: HTTPConnection) -> str | None:
    header = connection.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return None


def session_token(connection: HTTPConnection) -> str | None:
    return bearer_token(connection) or connection.cookies.get(SESSION_COOKIE) or None


def context_for(
    connection: HTTPConnection, user: User | None, token: str | None, scope: Scope | None = None
) -> Context:
    return Context(
        user=user,
        scope=scope,
        language=pick_language(
            connection.headers.get("accept-language"), user.language if user else None
        ),
        token=token if user else None,
        bearer=bearer_token(connection),
        ip=connection.client.host if connection.client else "",
        user_agent=connection.headers.get("user-agent", "")[:300],
        # (the scheme from the ASGI scope: building the request's URL object costs more)
        secure=connection.scope.get("scheme") in {"https", "wss"} or get_settings().cookie_secure,
    )


async def build_context(connection: HTTPConnection) -> Context:
    """The viewer and its Scope: one statement (server.accounts.sessions.current_session),
    shared by the requests that arrive while the previous one is read (a request begins outside
    any transaction, as `batched` needs): twenty phones asking at once cost a few reads."""
    token = session_token(connection)
    session = await current_session(token, batched=True)
    if session is None:
        return context_for(connection, None, token)
    user = session.user
    context = context_for(connection, user, token, await scope_of_session(session))
    context.boards_anonymous = session.boards_anonymous
    return context


async def scope_of_session(session: LiveSession) -> Scope:
    user = session.user
    return await scope_of_user(user, user.unit, session.point_of_sale_path)
