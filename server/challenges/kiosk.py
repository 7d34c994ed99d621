"""Kiosk links: a showroom screen shows one challenge's TV board without a personal session.

A manager of the challenge's scope unit (or an admin) creates a link: a random token, shown
once in the link, of which only the SHA-256 hash is kept. The token is scoped to that one
challenge and reads only: the board as every subscriber sees it (server.challenges.movement
`public_row`), so a person hidden from public screens stays hidden and a TOP_AND_AROUND
challenge names only its top N; the kiosk drops the unit of an unnamed row too, since a
showroom wall is nobody's screen. Revoking ends it at once: the live board open on it is told
on its own channel and stops. Creating and revoking are in the organisation's audit log.
Duels are two people's business: they get no kiosk link."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from server.challenges.errors import ChallengeNotFound, KioskLinkNotFound
from server.challenges.lifecycle import _managed
from server.challenges.models import AuditEntry, Challenge, ChallengeFormat, KioskLink
from server.db import atomic
from server.errors import ValidationFailed
from server.network.models import Organization
from server.network.scope import Scope

PREFIX = "elan_kiosk_"
MAX_ACTIVE = 20  # live links per challenge
TOUCH_EVERY = timedelta(minutes=5)  # last_used_at is written at most this often


def kiosk_channel(link_id: int) -> str:
    return f"kiosk:{link_id}"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class KioskAccess:
    """What a valid kiosk token opens: one challenge of one organisation, read-only."""

    link_id: int
    challenge: Challenge
    organization_name: str


async def _kiosk_challenge(scope: Scope, challenge_id: int) -> Challenge:
    challenge = await _managed(scope, challenge_id)
    if challenge.format == ChallengeFormat.DUEL:
        raise ChallengeNotFound("challengeId")
    return challenge


async def create_kiosk_link(scope: Scope, challenge_id: int, label: str) -> tuple[KioskLink, str]:
    """A new link to the challenge's TV board; the token is returned once, only its hash is kept."""
    challenge = await _kiosk_challenge(scope, challenge_id)
    label = " ".join(label.split())
    if not 2 <= len(label) <= 80:
        raise ValidationFailed("kiosk_label_required", "label")
    if await KioskLink.filter(challenge_id=challenge.id, revoked_at=None).count() >= MAX_ACTIVE:
        raise ValidationFailed("kiosk_links_too_many", "challengeId", max=MAX_ACTIVE)
    secret = PREFIX + secrets.token_urlsafe(24)
    async with atomic():
        link = await KioskLink.create(organization_id=scope.organization_id, challenge_id=challenge.id, label=label,
                                      token_hash=_hash(secret), created_by_id=scope.user_id)
        await AuditEntry.create(organization_id=scope.organization_id, actor_id=scope.user_id, action="kiosk.created",
                                detail={"kiosk_link_id": link.id, "challenge_id": challenge.id, "label": label})
    return link, secret


async def revoke_kiosk_link(scope: Scope, link_id: int) -> KioskLink:
    """Ends a link now: its page says so and its live board stops, on every instance."""
    link = await KioskLink.get_or_none(id=link_id, organization_id=scope.organization_id)
    if link is None:
        raise KioskLinkNotFound("linkId")
    try:
        await _kiosk_challenge(scope, link.challenge_id)
    except ChallengeNotFound:
        raise KioskLinkNotFound("linkId") from None
    async with atomic() as events:
        if link.revoked_at is None:
            link.revoked_at = datetime.now(UTC)
            await link.save(update_fields=["revoked_at"])
            events.publish(kiosk_channel(link.id), {"type": "REVOKED"})
        await AuditEntry.create(organization_id=scope.organization_id, actor_id=scope.user_id, action="kiosk.revoked",
                                detail={"kiosk_link_id": link.id, "challenge_id": link.challenge_id})
    return link


async def kiosk_links(scope: Scope, challenge_id: int) -> list[KioskLink]:
    """The links of a challenge one manages, newest first."""
    challenge = await _kiosk_challenge(scope, challenge_id)
    return await KioskLink.filter(challenge_id=challenge.id).order_by("-id")


async def kiosk_access(token: str | None) -> KioskAccess | None:
    """What a kiosk token opens, or None when it is unknown, revoked or its challenge is gone."""
    if not token or not token.startswith(PREFIX) or len(token) > 120:
        return None
    link = await KioskLink.get_or_none(token_hash=_hash(token), revoked_at=None).select_related("challenge")
    if link is None:
        return None
    now = datetime.now(UTC)
    if link.last_used_at is None or now - link.last_used_at > TOUCH_EVERY:
        await KioskLink.filter(id=link.id).update(last_used_at=now)
    organization = await Organization.get(id=link.organization_id)
    return KioskAccess(link.id, link.challenge, organization.name)
