"""Organisations and the tree of units inside each one."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class UnitKind(StrEnum):
    ORGANIZATION = "ORGANIZATION"
    REGION = "REGION"
    DISTRIBUTOR = "DISTRIBUTOR"
    POINT_OF_SALE = "POINT_OF_SALE"
    TEAM = "TEAM"


class Organization(Model):
    """A tenant: the brand and its whole network. Nothing ever crosses between two."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=120)
    slug = fields.CharField(max_length=60, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "organization"


class Unit(Model):
    """A node of the network tree.

    `path` is the materialised path of ids ("/1/4/9/"), so a subtree is one indexed
    prefix query and an ancestor check is a string comparison.
    """

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "elan.Organization", related_name="units", on_delete=fields.CASCADE
    )
    parent: fields.ForeignKeyNullableRelation[Unit] = fields.ForeignKeyField(
        "elan.Unit", related_name="children", null=True, on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(UnitKind, max_length=20)
    name = fields.CharField(max_length=120)
    city = fields.CharField(max_length=80, null=True)
    path = fields.CharField(max_length=255, db_index=True, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    parent_id: int | None

    class Meta:
        table = "unit"

    def contains(self, other_path: str) -> bool:
        """True when the unit at `other_path` is this unit or below it."""
        return other_path.startswith(self.path)

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]
