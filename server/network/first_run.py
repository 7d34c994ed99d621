"""The first run of a new deployment without the demo: a one-time setup token.

When `serve` starts with `ELAN_DEMO=0` on a database that has no organisation yet, it issues a
token and prints it on the console, as a link to `/setup#<token>` (the token after the « # »
never reaches a server log or a Referer). Whoever holds it creates the organisation and its
first admin there, once (`setup_organization`); then every token is dead, and `/setup` says the
deployment is set up. Only the token's SHA-256 is kept, so each start issues a new one and
the previous ones die (several instances: the last one to start prints the valid token).
`python -m server create-organization` does the same from the command line, without a token.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import UTC, datetime

from server.accounts.errors import EmailTaken, InvalidLink
from server.accounts.models import Role, User
from server.accounts.passwords import hash_password
from server.accounts.services import (
    normalise_email,
    validate_display_name,
    validate_email,
    validate_password,
)
from server.accounts.sessions import open_session, token_hash
from server.db import atomic
from server.errors import NotAllowed
from server.network.models import Organization, SetupToken
from server.network.services import create_organization
from server.network.tree import clean_name
from server.ratelimit import consume
from server.settings import get_settings


async def setup_needed() -> bool:
    return not await Organization.exists()


async def issue_setup_token() -> str | None:
    """A fresh token when nothing is set up yet (the previous ones die); None otherwise."""
    if not await setup_needed():
        return None
    token = secrets.token_urlsafe(32)
    async with atomic():
        await SetupToken.all().delete()
        await SetupToken.create(token_hash=token_hash(token))
    return token


async def setup_organization(
    token: str, organization_name: str, email: str, display_name: str, password: str, ip: str, user_agent: str = ""
) -> tuple[User, str]:
    """Creates the organisation and its first admin, signed in; the token dies with all others."""
    settings = get_settings()
    await consume(f"setup:ip:{ip}", settings.signup_ip_limit, settings.signup_window_seconds)
    name = clean_name(organization_name)
    email = normalise_email(email)
    validate_email(email)
    display_name = " ".join(display_name.split())
    validate_display_name(display_name)
    validate_password(password)
    hashed = await hash_password(password)
    async with atomic():
        claimed = await SetupToken.filter(token_hash=token_hash(token[:200]), used_at=None).update(used_at=datetime.now(UTC))
        if not claimed:
            raise InvalidLink("token")
        if await Organization.exists():
            raise NotAllowed()
        if await User.exists(email=email):
            raise EmailTaken("email")
        organization, root = await create_organization(name, _slug(name))
        admin = await User.create(
            organization=organization, unit=root, email=email, display_name=display_name, role=Role.ADMIN,
            password_hash=hashed,
        )
        await SetupToken.all().delete()
        session = await open_session(admin, user_agent)
    return admin, session


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return (re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:50] or "organisation") + "-" + secrets.token_hex(3)
