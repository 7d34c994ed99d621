"""Integration tokens: an admin lets a CRM push results into one unit's subtree, revocably.

A token is a `Scope` of its own (server.network.scope.scope_of_token): it manages the subtree
it was granted and belongs to nothing, so it records results and targets there and nowhere
else; its id signs every result it sends (the audit names it)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from server.challenges.errors import TokenNotFound
from server.challenges.models import AuditEntry, IntegrationToken
from server.db import atomic
from server.errors import ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope, scope_of_token

PREFIX = "elan_it_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_token(scope: Scope, name: str, unit_id: int | None) -> tuple[IntegrationToken, str]:
    """A new token over a unit of the organisation (admins), shown once; only its hash is kept."""
    scope.require_admin()
    name = " ".join(name.split())
    if not 2 <= len(name) <= 80:
        raise ValidationFailed("token_name_required", "name")
    unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id) if unit_id else \
        await Unit.get(organization_id=scope.organization_id, parent_id=None)
    if unit is None or not scope.manages(unit):
        raise ValidationFailed("unit_not_found", "unitId")
    secret = PREFIX + secrets.token_urlsafe(32)
    async with atomic():
        token = await IntegrationToken.create(organization_id=scope.organization_id, scope_unit_id=unit.id,
                                              name=name, token_hash=_hash(secret), created_by_id=scope.user_id)
        await AuditEntry.create(organization_id=scope.organization_id, actor_id=scope.user_id,
                                action="token.created", detail={"token_id": token.id, "name": name, "unit_id": unit.id})
    return token, secret


async def revoke_token(scope: Scope, token_id: int) -> IntegrationToken:
    scope.require_admin()
    token = await IntegrationToken.get_or_none(id=token_id, organization_id=scope.organization_id)
    if token is None:
        raise TokenNotFound("tokenId")
    async with atomic():
        token.revoked_at = token.revoked_at or datetime.now(UTC)
        await token.save(update_fields=["revoked_at"])
        await AuditEntry.create(organization_id=scope.organization_id, actor_id=scope.user_id,
                                action="token.revoked", detail={"token_id": token.id})
    return token


async def list_tokens(scope: Scope) -> list[IntegrationToken]:
    """The organisation's tokens for an admin; nobody else sees any."""
    if not scope.is_admin:
        return []
    return await IntegrationToken.filter(organization_id=scope.organization_id).order_by("-id")


async def token_scope(bearer: str | None) -> Scope | None:
    """The scope of an integration token sent as a bearer token, or None when it is unknown
    or revoked."""
    if not bearer or not bearer.startswith(PREFIX) or len(bearer) > 200:
        return None
    token = await IntegrationToken.get_or_none(token_hash=_hash(bearer), revoked_at=None)
    if token is None:
        return None
    unit = await Unit.get(id=token.scope_unit_id)
    await IntegrationToken.filter(id=token.id).update(last_used_at=datetime.now(UTC))
    return scope_of_token(token.organization_id, token.id, unit)
