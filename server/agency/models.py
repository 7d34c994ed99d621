"""Partner agencies: an agency organisation granted limited access to a brand's network."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class AgencyGrant(Model):
    """A brand lets an agency work on (part of) its network: on `unit`'s subtree, managing
    only the content listed (server.agency.services.AGENCY_CONTENT). Revoked, it is kept for
    the audit trail."""

    id = fields.IntField(primary_key=True)
    agency_organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.Organization", related_name="agency_grants", on_delete=fields.CASCADE
    )
    brand_organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.Organization", related_name="granted_agencies", on_delete=fields.CASCADE
    )
    unit: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.Unit", related_name="agency_grants", on_delete=fields.CASCADE
    )
    content: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    granted_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)

    agency_organization_id: int
    brand_organization_id: int
    unit_id: int

    class Meta:
        table = "agency_grant"


class AgencyChoice(Model):
    """The brand an agency's person works on now (the brand switcher)."""

    id = fields.IntField(primary_key=True)
    user: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "elan.User", related_name="agency_choice", on_delete=fields.CASCADE
    )
    grant: fields.ForeignKeyRelation[AgencyGrant] = fields.ForeignKeyField(
        "elan.AgencyGrant", related_name="choices", on_delete=fields.CASCADE
    )

    user_id: int
    grant_id: int

    class Meta:
        table = "agency_choice"
