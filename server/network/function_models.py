"""Head-office functions (commerce, marketing, qualité…): the organisation's own list, and who
carries which. Kept apart from the unit tree's models: a function is a responsibility, not a
place in the network."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class Function(Model):
    """One of an organisation's functions. `key` is stable (« qualite »), `name` is shown."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.Organization", related_name="functions", on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=40)
    name = fields.CharField(max_length=80)
    # what the function's people manage without being admins (server.network.functions.CONTENT)
    manages: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]

    organization_id: int

    class Meta:
        table = "org_function"
        unique_together = (("organization_id", "key"),)


class PersonFunction(Model):
    """A head-office person carries a function."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.User", related_name="functions", on_delete=fields.CASCADE
    )
    function: fields.ForeignKeyRelation[Function] = fields.ForeignKeyField(
        "elan.Function", related_name="people", on_delete=fields.CASCADE
    )

    user_id: int
    function_id: int

    class Meta:
        table = "person_function"
        unique_together = (("user_id", "function_id"),)
