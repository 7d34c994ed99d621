"""Integration tokens: an admin lets a CRM push results into one unit's subtree, revocably."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from server.accounts.models import Role, User
from server.challenges.errors import TokenNotFound
from server.challenges.models import AuditEntry, IntegrationToken
from server.challenges.scope import Actor
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.models import Unit

PREFIX = "elan_it_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_token(admin: User, name: str, unit_id: int | None) -> tuple[IntegrationToken, str]:
    """A new token, shown once; only its hash is kept."""
    if admin.role != Role.ADMIN:
        raise NotAllowed()
    name = " ".join(name.split())
    if not 2 <= len(name) <= 80:
        raise ValidationFailed("token_name_required", "name")
    unit = await Unit.get_or_none(id=unit_id, organization_id=admin.organization_id) if unit_id else \
        await Unit.get(organization_id=admin.organization_id, parent_id=None)
    if unit is None:
        raise ValidationFailed("unit_not_found", "unitId")
    secret = PREFIX + secrets.token_urlsafe(32)
    async with atomic():
        token = await IntegrationToken.create(organization_id=admin.organization_id, scope_unit_id=unit.id,
                                              name=name, token_hash=_hash(secret), created_by_id=admin.id)
        await AuditEntry.create(organization_id=admin.organization_id, actor_id=admin.id,
                                action="token.created", detail={"token_id": token.id, "name": name, "unit_id": unit.id})
    return token, secret


async def revoke_token(admin: User, token_id: int) -> IntegrationToken:
    if admin.role != Role.ADMIN:
        raise NotAllowed()
    token = await IntegrationToken.get_or_none(id=token_id, organization_id=admin.organization_id)
    if token is None:
        raise TokenNotFound("tokenId")
    async with atomic():
        token.revoked_at = token.revoked_at or datetime.now(UTC)
        await token.save(update_fields=["revoked_at"])
        await AuditEntry.create(organization_id=admin.organization_id, actor_id=admin.id,
                                action="token.revoked", detail={"token_id": token.id})
    return token


async def list_tokens(admin: User) -> list[IntegrationToken]:
    if admin.role != Role.ADMIN:
        raise NotAllowed()
    return await IntegrationToken.filter(organization_id=admin.organization_id).order_by("-id")


async def token_actor(bearer: str | None) -> Actor | None:
    """The actor behind an integration token, or None when it is unknown or revoked."""
    if not bearer or not bearer.startswith(PREFIX):
        return None
    token = await IntegrationToken.get_or_none(token_hash=_hash(bearer), revoked_at=None)
    if token is None:
        return None
    unit = await Unit.get(id=token.scope_unit_id)
    await IntegrationToken.filter(id=token.id).update(last_used_at=datetime.now(UTC))
    return Actor(token.organization_id, "/" if unit.parent_id is None else unit.path, token=token)
