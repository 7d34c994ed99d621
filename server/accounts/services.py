"""Sign-up with an invite, login, and invites.

Rate limits are counted before the work they guard (server.ratelimit): a login attempt counts
on its address and on its account before the password is hashed, so concurrent guesses never
all reach the hash, and a right password only takes its counts back once it is known right.
Sessions live in server.accounts.sessions (the names callers know from here are re-exported).
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from server.accounts.errors import (
    AccountDeactivated,
    EmailTaken,
    InvalidCredentials,
    InvalidInvite,
    InviteExpired,
    InviteUsedUp,
    RoleTooHigh,
    UnitOutOfScope,
)
from server.accounts.models import ROLE_RANK, Invite, Role, User
from server.accounts.passwords import hash_password, verify_password
from server.accounts.sessions import SESSION_DAYS as SESSION_DAYS
from server.accounts.sessions import authenticate as authenticate
from server.accounts.sessions import logout as logout
from server.accounts.sessions import open_session as open_session
from server.accounts.sessions import token_hash as token_hash
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.scope import Scope
from server.network.services import get_open_unit
from server.ratelimit import consume, get_limiter
from server.settings import get_settings

PASSWORD_MIN = 10
PASSWORD_MAX = 200
DISPLAY_NAME_MAX = 80
INVITE_MAX_USES = 500
INVITE_MAX_DAYS = 90
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{2,}$")
_INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def validate_email(email: str, field: str = "email") -> None:
    if len(email) > 254 or not _EMAIL.match(email):
        raise ValidationFailed("email_invalid", field)


def validate_password(password: str, field: str = "password") -> None:
    if len(password) < PASSWORD_MIN:
        raise ValidationFailed("password_too_short", field, min=PASSWORD_MIN)
    if len(password) > PASSWORD_MAX:
        raise ValidationFailed("password_too_long", field, max=PASSWORD_MAX)


def validate_display_name(display_name: str, field: str = "displayName") -> None:
    if not 2 <= len(display_name) <= DISPLAY_NAME_MAX:
        raise ValidationFailed("display_name_required", field, max=DISPLAY_NAME_MAX)


def _validate_new_account(email: str, password: str, display_name: str) -> None:
    validate_email(email)
    validate_password(password)
    validate_display_name(display_name)


async def sign_up(
    invite_code: str,
    email: str,
    password: str,
    display_name: str,
    ip: str,
    user_agent: str = "",
) -> tuple[User, str]:
    settings = get_settings()
    # every attempt counts, bad codes included: an address can neither try codes nor make the
    # server hash at will
    await consume(f"signup:ip:{ip}", settings.signup_ip_limit, settings.signup_window_seconds)
    email = normalise_email(email)
    display_name = " ".join(display_name.split())
    _validate_new_account(email, password, display_name)
    code = invite_code.strip().upper()
    invite = await Invite.get_or_none(code=code) if 4 <= len(code) <= 32 else None
    if invite is None:
        raise InvalidInvite("inviteCode")
    if invite.expires_at <= datetime.now(UTC):
        raise InviteExpired("inviteCode")
    password_hash = await hash_password(password)
    try:
        async with atomic():
            # the guarded increment makes the use count exact when two people race
            claimed = await Invite.filter(id=invite.id, use_count__lt=F("max_uses")).update(
                use_count=F("use_count") + 1
            )
            if not claimed:
                raise InviteUsedUp("inviteCode")
            user = await User.create(
                organization_id=invite.organization_id,
                unit_id=invite.unit_id,
                email=email,
                display_name=display_name,
                role=invite.role,
                password_hash=password_hash,
            )
            token = await open_session(user, user_agent)
    except IntegrityError as error:
        raise EmailTaken("email") from error
    return user, token


async def login(email: str, password: str, ip: str, user_agent: str = "") -> tuple[User, str]:
    """A deactivated person's right password gets AccountDeactivated (a wrong one, as for
    anyone, InvalidCredentials): only someone who knows the password learns the state."""
    settings = get_settings()
    email = normalise_email(email)
    window = settings.login_window_seconds
    ip_key = f"login:ip:{ip}"
    account_key = f"login:account:{email[:254]}"
    # counted first, hashed after: over either limit the password is not even looked at
    await consume(ip_key, settings.login_ip_limit, window)
    await consume(account_key, settings.login_account_limit, window)
    user = await User.get_or_none(email=email) if len(email) <= 254 else None
    if not await verify_password(user.password_hash if user else None, password[:PASSWORD_MAX]):
        raise InvalidCredentials("password")
    assert user is not None
    if user.deactivated_at is not None:
        raise AccountDeactivated("password")
    # a right password is no failure: the address takes its count back, the account starts over
    limiter = get_limiter()
    await limiter.release(ip_key)
    await limiter.reset(account_key)
    token = await open_session(user, user_agent)
    return user, token


async def create_invite(
    scope: Scope, unit_id: int, role: Role, max_uses: int = 1, days: int = 14
) -> Invite:
    """Admins invite anywhere in their organisation, managers in their subtree, never above
    their own role; members can't invite. A person makes at most `INVITE_RATE_LIMIT` invites
    per rate window."""
    actor = scope.user
    if actor is None or not scope.is_manager:
        raise NotAllowed()
    if ROLE_RANK[role] > ROLE_RANK[actor.role]:
        raise RoleTooHigh("role")
    if not 1 <= max_uses <= INVITE_MAX_USES:
        raise ValidationFailed("invite_uses_invalid", "maxUses", max=INVITE_MAX_USES)
    if not 1 <= days <= INVITE_MAX_DAYS:
        raise ValidationFailed("invite_days_invalid", "expiresInDays", max=INVITE_MAX_DAYS)
    unit = await get_open_unit(scope.organization_id, unit_id)
    scope.require_manages(unit, UnitOutOfScope("unitId"))
    settings = get_settings()
    await consume(f"invite:user:{actor.id}", settings.invite_rate_limit, settings.rate_window_seconds)
    code = "".join(secrets.choice(_INVITE_ALPHABET) for _ in range(10))
    return await Invite.create(
        organization_id=scope.organization_id,
        unit=unit,
        role=role,
        code=code,
        created_by=actor,
        max_uses=max_uses,
        use_count=0,
        expires_at=datetime.now(UTC) + timedelta(days=days),
    )
