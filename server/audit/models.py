"""One row per change a person (or an integration token) made by hand or through the API."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class AuditEntry(Model):
    """Who changed what, in one organisation: an actor (a person, or an integration token), an
    action (`person.updated`, `invite.created`, `target.set`…), the thing changed (`subject_type`
    and `subject_id`), what it was and what it became (`before` / `after`, JSON), and when.

    The challenges domain wrote the first rows with `detail` only (targets, results, rules,
    tokens); newer rows fill `subject_*`, `before` and `after` and leave `detail` empty."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Organization", related_name="audit_entries", on_delete=fields.CASCADE)
    actor: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.User", related_name="audit_entries", null=True, on_delete=fields.SET_NULL)
    token: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.IntegrationToken", related_name="audit_entries", null=True, on_delete=fields.SET_NULL)
    action = fields.CharField(max_length=40)
    detail: Any = fields.JSONField(default=dict)
    subject_type = fields.CharField(max_length=30, null=True)  # person, invite, unit, challenge…
    subject_id = fields.IntField(null=True)
    before: Any = fields.JSONField(null=True)
    after: Any = fields.JSONField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    actor_id: int | None
    token_id: int | None

    class Meta:
        table = "audit_entry"
        indexes = (("organization_id", "id"), ("organization_id", "subject_type", "subject_id"))
