"""Sign-up with an invite, login, sessions, and invites."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from server.accounts.errors import (
    EmailTaken,
    InvalidCredentials,
    InvalidInvite,
    InviteExpired,
    InviteUsedUp,
    RoleTooHigh,
    UnitOutOfScope,
)
from server.accounts.models import ROLE_RANK, Invite, Role, Session, User
from server.accounts.passwords import hash_password, verify_password
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.models import Unit
from server.network.services import get_unit
from server.ratelimit import consume, ensure_below, get_limiter
from server.settings import get_settings

SESSION_DAYS = 30
PASSWORD_MIN = 10
PASSWORD_MAX = 200
DISPLAY_NAME_MAX = 80
INVITE_MAX_USES = 500
INVITE_MAX_DAYS = 90
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{2,}$")
_INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _validate_new_account(email: str, password: str, display_name: str) -> None:
    if len(email) > 254 or not _EMAIL.match(email):
        raise ValidationFailed("email_invalid", "email")
    if len(password) < PASSWORD_MIN:
        raise ValidationFailed("password_too_short", "password", min=PASSWORD_MIN)
    if len(password) > PASSWORD_MAX:
        raise ValidationFailed("password_too_long", "password", max=PASSWORD_MAX)
    if not 2 <= len(display_name) <= DISPLAY_NAME_MAX:
        raise ValidationFailed("display_name_required", "displayName", max=DISPLAY_NAME_MAX)


async def open_session(user: User, user_agent: str = "") -> str:
    token = secrets.token_urlsafe(32)
    await Session.create(
        user=user,
        token_hash=token_hash(token),
        user_agent=user_agent[:300],
        expires_at=datetime.now(UTC) + timedelta(days=SESSION_DAYS),
    )
    return token


async def sign_up(
    invite_code: str, email: str, password: str, display_name: str, user_agent: str = ""
) -> tuple[User, str]:
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
    settings = get_settings()
    email = normalise_email(email)
    account_key = f"login:account:{email}"
    ip_key = f"login:ip:{ip}"
    await ensure_below(account_key, settings.login_account_limit)
    await ensure_below(ip_key, settings.login_ip_limit)
    user = await User.get_or_none(email=email) if len(email) <= 254 else None
    if not await verify_password(user.password_hash if user else None, password[:PASSWORD_MAX]):
        await consume(ip_key, settings.login_ip_limit, settings.login_window_seconds)
        await consume(account_key, settings.login_account_limit, settings.login_window_seconds)
        raise InvalidCredentials("password")
    assert user is not None
    await get_limiter().reset(account_key)
    token = await open_session(user, user_agent)
    return user, token


async def logout(token: str) -> None:
    await Session.filter(token_hash=token_hash(token)).delete()


async def revoke_sessions(user_id: int) -> int:
    """Signs a person out everywhere (e.g. a lost phone)."""
    return await Session.filter(user_id=user_id, revoked_at=None).update(
        revoked_at=datetime.now(UTC)
    )


async def authenticate(token: str | None) -> User | None:
    """The user behind a session token, or None when absent, expired or revoked."""
    if not token or len(token) > 200:
        return None
    now = datetime.now(UTC)
    session = (
        await Session.filter(token_hash=token_hash(token), revoked_at=None, expires_at__gt=now)
        .select_related("user__unit")
        .first()
    )
    if session is None:
        return None
    if (now - session.last_seen_at) > timedelta(hours=1):
        await Session.filter(id=session.id).update(
            last_seen_at=now, expires_at=now + timedelta(days=SESSION_DAYS)
        )
    return session.user


def scope_contains(actor_unit: Unit, target: Unit) -> bool:
    return target.organization_id == actor_unit.organization_id and actor_unit.contains(
        target.path
    )


async def create_invite(
    actor: User, unit_id: int, role: Role, max_uses: int = 1, days: int = 14
) -> Invite:
    """Admins invite anywhere in their organisation, managers in their subtree, never above
    their own role; members can't invite."""
    if actor.role == Role.MEMBER:
        raise NotAllowed()
    if ROLE_RANK[role] > ROLE_RANK[actor.role]:
        raise RoleTooHigh("role")
    if not 1 <= max_uses <= INVITE_MAX_USES:
        raise ValidationFailed("invite_uses_invalid", "maxUses", max=INVITE_MAX_USES)
    if not 1 <= days <= INVITE_MAX_DAYS:
        raise ValidationFailed("invite_days_invalid", "expiresInDays", max=INVITE_MAX_DAYS)
    unit = await get_unit(actor.organization_id, unit_id)
    actor_unit = await Unit.get(id=actor.unit_id)
    if actor.role != Role.ADMIN and not scope_contains(actor_unit, unit):
        raise UnitOutOfScope("unitId")
    code = "".join(secrets.choice(_INVITE_ALPHABET) for _ in range(10))
    return await Invite.create(
        organization_id=actor.organization_id,
        unit=unit,
        role=role,
        code=code,
        created_by=actor,
        max_uses=max_uses,
        use_count=0,
        expires_at=datetime.now(UTC) + timedelta(days=days),
    )
