"""Organisations and the tree of units inside each one."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

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


# the order of the tree, top down: a unit sits below a unit of a smaller rank (levels may be skipped)
KIND_RANK: dict[UnitKind, int] = {
    UnitKind.ORGANIZATION: 0,
    UnitKind.REGION: 1,
    UnitKind.DISTRIBUTOR: 2,
    UnitKind.POINT_OF_SALE: 3,
    UnitKind.TEAM: 4,
}


class SetupToken(Model):
    """The one-time token a first run prints on the console (only its hash is kept): it lets
    `/setup` create the first organisation and its admin, once."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "setup_token"


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
    # the organisation's own code for the unit (its ERP's), the key of CSV imports and exports
    external_code = fields.CharField(max_length=40, null=True)
    # a closed unit keeps its history (posts, results, awards) but takes no new people, no
    # invites, and leaves boards, pickers, filters and challenge enrolment (server.network.tree)
    closed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    parent_id: int | None

    class Meta:
        table = "unit"
        unique_together = (("organization", "external_code"),)

    def contains(self, other_path: str) -> bool:
        """True when the unit at `other_path` is this unit or below it."""
        return other_path.startswith(self.path)

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]


class ImportStatus(StrEnum):
    UPLOADED = "UPLOADED"  # the file is stored, nothing checked yet
    CHECKING = "CHECKING"
    CHECKED = "CHECKED"  # the report is ready; nothing applied
    APPLYING = "APPLYING"
    APPLIED = "APPLIED"
    REFUSED = "REFUSED"  # the file as a whole cannot be read (encoding, header, size)
    FAILED = "FAILED"  # a bug or a lost process: nothing more will happen


class NetworkImport(Model):
    """One CSV of the network (units and people) on its way in: the file, its report and the
    progress of its application, which any instance reads to show a progress bar."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "elan.Organization", related_name="network_imports", on_delete=fields.CASCADE
    )
    actor_id = fields.IntField(null=True)  # the admin who sent it (no foreign key: network is a leaf)
    filename = fields.CharField(max_length=200, default="")
    content = fields.BinaryField()
    status = fields.CharEnumField(ImportStatus, max_length=10, default=ImportStatus.UPLOADED)
    apply_valid_only = fields.BooleanField(default=False)
    total = fields.IntField(default=0)  # lines to check, then rows to apply
    done = fields.IntField(default=0)
    report: Any = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    organization_id: int

    class Meta:
        table = "network_import"
