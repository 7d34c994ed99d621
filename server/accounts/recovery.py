"""Account recovery: « Mot de passe oublié » and « Changer mon mot de passe ».

- `request_password_reset` answers the same whether the address has an account or not, and
  takes the same time: it only counts the request (per client address and per address asked,
  before anything else) and defers the rest. After commit, the deferred handler looks the
  person up and, for an active account, writes a single-use link valid one hour and its mail in
  one transaction (server.mail.outbox).
- `reset_password` spends the link (a guarded update: two tabs racing spend it once), kills the
  person's other links, sets the password, ends every session (their sockets close on every
  instance) and signs this device in.
- `change_password` needs the current password (counted like a login attempt of the account,
  before the hash), and ends every other session of the person.
Only the SHA-256 of a link's token is stored; the token itself travels in the mail only.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from server.accounts.errors import InvalidLink, LinkExpired, WrongCurrentPassword
from server.accounts.models import PasswordReset, User
from server.accounts.passwords import hash_password, verify_password
from server.accounts.services import (
    PASSWORD_MAX,
    normalise_email,
    validate_email,
    validate_password,
)
from server.accounts.sessions import end_sessions_of, open_session, session_id_of, token_hash
from server.db import atomic
from server.deferred.services import defer, handles
from server.errors import NotAllowed
from server.mail.outbox import enqueue_mail
from server.network.scope import Scope
from server.ratelimit import consume, get_limiter
from server.settings import get_settings

RESET_VALID = timedelta(hours=1)
RESET_WINDOW_SECONDS = 3600
RESET_REQUESTED = "accounts.password_reset_requested"


async def request_password_reset(email: str, ip: str, language: str) -> None:
    """Sends a reset link to `email` if it is an active account's; says nothing either way."""
    settings = get_settings()
    email = normalise_email(email)
    validate_email(email)
    await consume(f"reset:ip:{ip}", settings.password_reset_ip_limit, RESET_WINDOW_SECONDS)
    await consume(f"reset:account:{email}", settings.password_reset_account_limit, RESET_WINDOW_SECONDS)
    async with atomic() as events:
        await defer(events, RESET_REQUESTED, {"email": email, "language": language})


@handles(RESET_REQUESTED)
async def send_reset_link(payload: dict[str, Any]) -> None:
    user = await User.get_or_none(email=str(payload["email"]), deactivated_at=None)
    if user is None:
        return
    token = secrets.token_urlsafe(32)
    async with atomic() as events:
        await PasswordReset.create(
            user=user, token_hash=token_hash(token), expires_at=datetime.now(UTC) + RESET_VALID
        )
        await enqueue_mail(
            events,
            to=user.email,
            kind="password_reset",
            params={"name": user.display_name, "email": user.email, "token": token},
            language=user.language or str(payload.get("language") or "fr"),
            organization_id=user.organization_id,
        )


async def reset_password(token: str, password: str, ip: str, user_agent: str = "") -> tuple[User, str]:
    """Sets a new password with a reset link; every session ends and this device signs in.
    Returns the person and the new session's token."""
    settings = get_settings()
    await consume(f"reset-use:ip:{ip}", settings.password_reset_ip_limit, RESET_WINDOW_SECONDS)
    validate_password(password)
    now = datetime.now(UTC)
    found = (
        await PasswordReset.filter(token_hash=token_hash(token[:200]), used_at=None)
        .select_related("user")
        .first()
    )
    if found is None or found.user.deactivated_at is not None:
        raise InvalidLink("token")
    if found.expires_at <= now:
        raise LinkExpired("token")
    new_hash = await hash_password(password)
    user = found.user
    async with atomic() as events:
        if not await PasswordReset.filter(id=found.id, used_at=None).update(used_at=now):
            raise InvalidLink("token")
        # the other links sent before this one die with it
        await PasswordReset.filter(user_id=user.id, used_at=None).update(used_at=now)
        await User.filter(id=user.id).update(password_hash=new_hash)
        await end_sessions_of(user.id, events)
        session = await open_session(user, user_agent)
    user.password_hash = new_hash
    await get_limiter().reset(f"login:account:{user.email}")
    return user, session


async def change_password(scope: Scope, session_token: str | None, current: str, new: str) -> int:
    """Changes the viewer's password; every other session of theirs ends. Returns how many."""
    user = scope.user
    if user is None:
        raise NotAllowed()
    settings = get_settings()
    account_key = f"login:account:{user.email}"
    # the current password is guessed like a login: counted on the account before the hash
    await consume(account_key, settings.login_account_limit, settings.login_window_seconds)
    if not await verify_password(user.password_hash, current[:PASSWORD_MAX]):
        raise WrongCurrentPassword("currentPassword")
    await get_limiter().reset(account_key)
    validate_password(new, "newPassword")
    new_hash = await hash_password(new)
    keep = await session_id_of(session_token)
    async with atomic() as events:
        await User.filter(id=user.id).update(password_hash=new_hash)
        await PasswordReset.filter(user_id=user.id, used_at=None).update(used_at=datetime.now(UTC))
        ended = await end_sessions_of(user.id, events, keep=keep)
    user.password_hash = new_hash
    return ended
