"""Inviting people by e-mail: the link, sending it again, revoking it, and accepting it.

Who may invite (checked with the Scope): admins anywhere in their organisation, managers in
their subtree, never with a role above their own; members never. Each invite counts against
`INVITE_RATE_LIMIT` of the person sending it. An invite is a link valid 7 days; sending it again
makes a new link (the old one dies) valid 7 days from then; revoking kills it. Accepting creates
the account in the invite's unit with its role, and signs the person in.

An address that already has an account of this organisation is not invited (the answer lists
it); one of another organisation is invited like any other, so the answer never tells what
exists elsewhere (accepting then fails as « e-mail taken »). Inviting an address already
invited and pending updates that invite in place (unit, role, a new link).
Every invite, resend and revoke writes an audit row; the mail is written in the same transaction.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError

from server.accounts.errors import (
    EmailTaken,
    InvalidLink,
    InviteClosed,
    InviteNotFound,
    LinkExpired,
    RoleTooHigh,
    UnitOutOfScope,
)
from server.accounts.models import ROLE_RANK, EmailInvite, Role, User
from server.accounts.passwords import hash_password
from server.accounts.services import (
    DISPLAY_NAME_MAX,
    normalise_email,
    validate_display_name,
    validate_email,
    validate_password,
)
from server.accounts.sessions import open_session, token_hash
from server.audit.models import AuditEntry
from server.audit.services import record
from server.db import Events, atomic
from server.errors import NotAllowed, ValidationFailed
from server.mail.outbox import enqueue_mail
from server.network.models import Organization, Unit
from server.network.scope import Scope
from server.network.services import get_open_unit
from server.ratelimit import consume
from server.settings import get_settings

INVITE_VALID = timedelta(days=7)
INVITE_BATCH_MAX = 100


@dataclass(frozen=True, slots=True)
class Invitee:
    email: str
    display_name: str = ""


@dataclass(frozen=True, slots=True)
class InvitedPeople:
    invites: list[EmailInvite]
    already_members: list[str]  # addresses of people already in the organisation


@dataclass(frozen=True, slots=True)
class InvitationView:
    """What the invitation page shows before the person chooses a password."""

    email: str
    display_name: str
    organization: str
    unit: str
    role: Role
    invited_by: str | None
    expires_at: datetime


def _inviter(scope: Scope, role: Role) -> User:
    actor = scope.user
    if actor is None or not scope.is_manager:
        raise NotAllowed()
    if ROLE_RANK[role] > ROLE_RANK[actor.role]:
        raise RoleTooHigh("role")
    return actor


def _cleaned(people: list[Invitee]) -> list[Invitee]:
    if not 1 <= len(people) <= INVITE_BATCH_MAX:
        raise ValidationFailed("invite_people_count", "people", max=INVITE_BATCH_MAX)
    seen: dict[str, Invitee] = {}
    for index, person in enumerate(people):
        email = normalise_email(person.email)
        validate_email(email, f"people.{index}.email")
        name = " ".join(person.display_name.split())
        if name:
            validate_display_name(name, f"people.{index}.displayName")
        seen.setdefault(email, Invitee(email, name))
    return list(seen.values())


async def _send(events: Events, invite: EmailInvite, token: str, inviter: User, unit: Unit) -> None:
    organization = await Organization.get(id=invite.organization_id)
    await enqueue_mail(
        events,
        to=invite.email,
        kind="invite",
        params={
            "name": invite.display_name,
            "inviter": inviter.display_name,
            "organization": organization.name,
            "unit": unit.name,
            "role": str(invite.role),
            "token": token,
        },
        language=invite.language,
        organization_id=invite.organization_id,
    )


def _shown(invite: EmailInvite, unit: Unit) -> dict[str, object]:
    return {"email": invite.email, "unit": {"id": unit.id, "name": unit.name}, "role": str(invite.role)}


async def invite_people(
    scope: Scope, people: list[Invitee], unit_id: int, role: Role, language: str = "fr"
) -> InvitedPeople:
    actor = _inviter(scope, role)
    invitees = _cleaned(people)
    unit = await get_open_unit(scope.organization_id, unit_id)
    scope.require_manages(unit, UnitOutOfScope("unitId"))
    language = language if language in ("fr", "en") else "fr"
    emails = [p.email for p in invitees]
    members = {
        str(email)
        for email in await User.filter(organization_id=scope.organization_id, email__in=emails).values_list("email", flat=True)
    }
    invitees = [p for p in invitees if p.email not in members]
    settings = get_settings()
    for _ in invitees:
        await consume(f"invite:user:{actor.id}", settings.invite_rate_limit, settings.rate_window_seconds)
    pending = {
        invite.email: invite
        for invite in await EmailInvite.filter(
            organization_id=scope.organization_id, email__in=[p.email for p in invitees], accepted_at=None, revoked_at=None
        )
    }
    now = datetime.now(UTC)
    invites: list[EmailInvite] = []
    async with atomic() as events:
        for person in invitees:
            token = secrets.token_urlsafe(32)
            invite = pending.get(person.email)
            if invite is None:
                invite = await EmailInvite.create(
                    organization_id=scope.organization_id, unit=unit, role=role, email=person.email,
                    display_name=person.display_name, language=language, token_hash=token_hash(token),
                    created_by=actor, sent_at=now, send_count=1, expires_at=now + INVITE_VALID,
                )
                await record(scope, "invite.created", "invite", invite.id, None, _shown(invite, unit))
            else:
                before_unit = await Unit.get(id=invite.unit_id)
                before = _shown(invite, before_unit)
                invite.unit, invite.role, invite.language = unit, role, language
                invite.display_name = person.display_name or invite.display_name
                invite.token_hash, invite.sent_at, invite.expires_at = token_hash(token), now, now + INVITE_VALID
                invite.send_count += 1
                invite.created_by = actor
                await invite.save()
                await record(scope, "invite.resent", "invite", invite.id, before, _shown(invite, unit))
            await _send(events, invite, token, actor, unit)
            invites.append(invite)
    return InvitedPeople(invites, sorted(members))


async def _managed_invite(scope: Scope, invite_id: int) -> tuple[EmailInvite, Unit, User]:
    invite = await EmailInvite.get_or_none(id=invite_id, organization_id=scope.organization_id)
    if invite is None:
        raise InviteNotFound("inviteId")
    actor = _inviter(scope, invite.role)
    unit = await Unit.get(id=invite.unit_id)
    scope.require_manages(unit, UnitOutOfScope("inviteId"))
    return invite, unit, actor


async def resend_invite(scope: Scope, invite_id: int) -> EmailInvite:
    """A new link, valid 7 days from now, in a new mail; the old link stops working."""
    invite, unit, actor = await _managed_invite(scope, invite_id)
    if invite.accepted_at is not None or invite.revoked_at is not None:
        raise InviteClosed("inviteId")
    settings = get_settings()
    await consume(f"invite:user:{actor.id}", settings.invite_rate_limit, settings.rate_window_seconds)
    token, now = secrets.token_urlsafe(32), datetime.now(UTC)
    async with atomic() as events:
        before = {"expiresAt": invite.expires_at.isoformat(), "sendCount": invite.send_count}
        invite.token_hash, invite.sent_at, invite.expires_at = token_hash(token), now, now + INVITE_VALID
        invite.send_count += 1
        await invite.save(update_fields=["token_hash", "sent_at", "expires_at", "send_count"])
        after = {"expiresAt": invite.expires_at.isoformat(), "sendCount": invite.send_count}
        await record(scope, "invite.resent", "invite", invite.id, before, {**after, "email": invite.email})
        await _send(events, invite, token, actor, unit)
    return invite


async def revoke_invite(scope: Scope, invite_id: int) -> EmailInvite:
    """The link stops working (idempotent); an accepted invite can't be revoked."""
    invite, _, _ = await _managed_invite(scope, invite_id)
    if invite.accepted_at is not None:
        raise InviteClosed("inviteId")
    if invite.revoked_at is None:
        async with atomic():
            invite.revoked_at = datetime.now(UTC)
            await invite.save(update_fields=["revoked_at"])
            await record(scope, "invite.revoked", "invite", invite.id, {"email": invite.email, "status": "PENDING"}, {"email": invite.email, "status": "REVOKED"})
    return invite


async def _open_invite(token: str) -> EmailInvite:
    invite = await EmailInvite.filter(token_hash=token_hash(token[:200])).first()
    if invite is None or invite.accepted_at is not None or invite.revoked_at is not None:
        raise InvalidLink("token")
    if invite.expires_at <= datetime.now(UTC):
        raise LinkExpired("token")
    return invite


async def invitation(token: str) -> InvitationView:
    invite = await _open_invite(token)
    unit = await Unit.get(id=invite.unit_id)
    organization = await Organization.get(id=invite.organization_id)
    inviter = await User.get_or_none(id=invite.created_by_id) if invite.created_by_id else None
    return InvitationView(
        invite.email, invite.display_name, organization.name, unit.name, Role(invite.role),
        inviter.display_name if inviter else None, invite.expires_at,
    )


async def accept_invite(
    token: str, password: str, display_name: str, ip: str, user_agent: str = ""
) -> tuple[User, str]:
    """Creates the invited person's account and signs them in; the link is spent."""
    settings = get_settings()
    await consume(f"signup:ip:{ip}", settings.signup_ip_limit, settings.signup_window_seconds)
    display_name = " ".join(display_name.split())[: DISPLAY_NAME_MAX + 1]
    validate_display_name(display_name)
    validate_password(password)
    invite = await _open_invite(token)
    password_hash = await hash_password(password)
    now = datetime.now(UTC)
    try:
        async with atomic():
            claimed = await EmailInvite.filter(id=invite.id, accepted_at=None, revoked_at=None).update(accepted_at=now)
            if not claimed:
                raise InvalidLink("token")
            user = await User.create(
                organization_id=invite.organization_id, unit_id=invite.unit_id, email=invite.email,
                display_name=display_name, role=invite.role, password_hash=password_hash,
            )
            await EmailInvite.filter(id=invite.id).update(user_id=user.id)
            await AuditEntry.create(
                organization_id=invite.organization_id, actor_id=user.id, action="invite.accepted",
                subject_type="invite", subject_id=invite.id, before=None,
                after={"email": invite.email, "person": {"id": user.id, "name": user.display_name}},
            )
            session = await open_session(user, user_agent)
    except IntegrityError as error:
        raise EmailTaken("token") from error
    return user, session
