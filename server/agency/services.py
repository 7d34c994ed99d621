"""Partner agencies: a brand grants an agency organisation limited access to its network, and
the agency's people switch between the brands they were granted.

An agency's person (a non-admin at its agency's head office) works on one brand at a time
(`AgencyChoice`, the brand switcher); its Scope is then the brand's, with the role AGENCY:
it belongs to nothing there (no feed, no messages, no people), acts in nothing by itself, and
manages only the content its grant lists, through `Scope.for_content` — « challenges »,
« modules », « satisfaction » content, « dashboards » to read them. Every mutation it makes is
audited as the agency's (schema.agency_audit); a brand's admins grant and revoke."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from server.accounts.models import Role, User
from server.agency.models import AgencyChoice, AgencyGrant
from server.audit.services import record
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.models import Organization, Unit
from server.network.scope import AGENCY, Scope

AGENCY_CONTENT = ("challenges", "modules", "satisfaction", "dashboards")


async def agency_scope(user: User) -> Scope | None:
    """The scope of an agency's person on the brand it works on (the one chosen, else the first
    granted); None when its organisation has no grant. One query, two without a choice."""
    choice = await AgencyChoice.filter(
        user_id=user.id, grant__revoked_at=None, grant__agency_organization_id=user.organization_id
    ).select_related("grant__unit").first()
    grant = choice.grant if choice is not None else None
    if grant is None:
        grant = await AgencyGrant.filter(
            agency_organization_id=user.organization_id, revoked_at=None
        ).select_related("unit").order_by("id").first()
    if grant is None:
        return None
    unit = grant.unit
    return Scope(
        organization_id=grant.brand_organization_id, role=AGENCY, unit_id=unit.id, unit_path=unit.path,
        act_path=unit.path, user=user, content=frozenset(grant.content), agency_id=user.organization_id,
    )


@dataclass(frozen=True, slots=True)
class BrandRow:
    organization_id: int
    name: str
    content: list[str]
    current: bool


async def my_brands(user: User, scope: Scope) -> list[BrandRow]:
    """The brands the viewer's agency was granted (empty for anyone else), the current one marked."""
    if user.role == Role.ADMIN:
        return []
    grants = await AgencyGrant.filter(agency_organization_id=user.organization_id, revoked_at=None).order_by(
        "brand_organization__name"
    ).values("brand_organization_id", "brand_organization__name", "content")
    return [
        BrandRow(int(g["brand_organization_id"]), str(g["brand_organization__name"]), list(g["content"]),
                 scope.agency_id is not None and int(g["brand_organization_id"]) == scope.organization_id)
        for g in grants
    ]


async def switch_brand(user: User, brand_organization_id: int) -> AgencyGrant:
    """The agency's person works on another brand it was granted (from its next request)."""
    grant = await AgencyGrant.filter(
        agency_organization_id=user.organization_id, brand_organization_id=brand_organization_id, revoked_at=None
    ).first()
    if grant is None or user.role == Role.ADMIN:
        raise NotAllowed()
    async with atomic():
        await AgencyChoice.filter(user_id=user.id).delete()
        await AgencyChoice.create(user_id=user.id, grant_id=grant.id)
    return grant


async def grant_agency(scope: Scope, agency_slug: str, unit_id: int | None, content: list[str]) -> AgencyGrant:
    """A brand's admin lets an agency work on its network (or a unit's subtree) with the content listed."""
    scope.require_admin()
    agency = await Organization.get_or_none(slug=agency_slug.strip())
    if agency is None or agency.id == scope.organization_id:
        raise ValidationFailed("agency_not_found", "agencySlug")
    if not content or any(c not in AGENCY_CONTENT for c in content):
        raise ValidationFailed("agency_content_invalid", "content")
    if unit_id is None:
        unit = await Unit.get(organization_id=scope.organization_id, parent_id=None)
    else:
        found = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id)
        if found is None:
            raise ValidationFailed("unit_not_found", "unitId")
        unit = found
    async with atomic():
        await AgencyGrant.filter(
            agency_organization_id=agency.id, brand_organization_id=scope.organization_id, revoked_at=None
        ).update(revoked_at=_now())
        grant = await AgencyGrant.create(
            agency_organization_id=agency.id, brand_organization_id=scope.organization_id, unit_id=unit.id,
            content=sorted(set(content)), granted_by_id=scope.user_id,
        )
        await record(scope, "agency.granted", "agency", agency.id, None,
                     {"agency": agency.name, "unit": unit.name, "content": grant.content})
    return grant


async def revoke_agency(scope: Scope, agency_organization_id: int) -> int:
    scope.require_admin()
    async with atomic():
        count = await AgencyGrant.filter(
            agency_organization_id=agency_organization_id, brand_organization_id=scope.organization_id, revoked_at=None
        ).update(revoked_at=_now())
        if count:
            await record(scope, "agency.revoked", "agency", agency_organization_id, None, None)
    return count


def _now() -> datetime:
    return datetime.now(UTC)


async def audit_agency_action(scope: Scope, operation: str, fields: list[str], outcome: list[str]) -> None:
    """Writes, in the brand's audit log, that the agency's person did this (schema.agency_audit)."""
    if scope.agency_id is None:
        return
    agency = await Organization.get_or_none(id=scope.agency_id)
    await record(
        scope, "agency.action", "agency", scope.agency_id, None,
        {"agency": agency.name if agency else None, "operation": operation, "fields": fields, "outcome": outcome},
    )
