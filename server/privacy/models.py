"""The organisation's privacy policy, its retention reports, and each person's data exports."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class PrivacyPolicy(Model):
    """Head office's choices for its organisation. Without a row the defaults below apply
    (server.privacy.policy). Retention periods are in days; 0 keeps forever."""

    organization: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "elan.Organization", related_name="privacy_policy", on_delete=fields.CASCADE, primary_key=True
    )
    results_days = fields.IntField(default=3 * 365)
    notifications_days = fields.IntField(default=180)
    audit_days = fields.IntField(default=5 * 365)
    sessions_days = fields.IntField(default=90)  # ended sessions and silent push devices
    outbox_days = fields.IntField(default=30)  # push and mail messages already handled
    deleted_media_days = fields.IntField(default=30)  # photos of deleted or hidden posts
    # leaderboards show names only within one's own team; others appear as « Participant »
    boards_anonymous_outside_team = fields.BooleanField(default=False)
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int

    class Meta:
        table = "privacy_policy"


class RetentionRun(Model):
    """What one pass of the retention job removed in one organisation (head office reads it)."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.Organization", related_name="retention_runs", on_delete=fields.CASCADE
    )
    ran_at = fields.DatetimeField(auto_now_add=True)
    removed: Any = fields.JSONField(default=dict)  # {"notifications": 12, "sessions": 3, ...}

    organization_id: int

    class Meta:
        table = "retention_run"
        indexes = (("organization_id", "id"),)


class ExportStatus(StrEnum):
    PENDING = "PENDING"  # a background job is building it
    READY = "READY"


class DataExport(Model):
    """A zip of everything held about a person (JSON, with CSV for the tables), kept a day.

    The file lives in the row so every instance can serve it; the link needs the requester's
    own session and stops working at `expires_at`."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.Organization", related_name="data_exports", on_delete=fields.CASCADE
    )
    person: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.User", related_name="data_exports", on_delete=fields.CASCADE
    )
    requested_by: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "elan.User", related_name="data_exports_requested", null=True, on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=40, unique=True)
    status = fields.CharEnumField(ExportStatus, max_length=10, default=ExportStatus.PENDING)
    content = fields.BinaryField(null=True)
    size_bytes = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    ready_at = fields.DatetimeField(null=True)
    expires_at = fields.DatetimeField()

    organization_id: int
    person_id: int
    requested_by_id: int | None

    class Meta:
        table = "data_export"


class ConsentChannel(StrEnum):
    PUSH = "PUSH"
    MAIL = "MAIL"


class NotificationConsent(Model):
    """A person's choice, with its time, to receive one kind of notification on one channel
    (service messages need none). Without a row the kind is not sent (opt-in)."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.User", related_name="notification_consents", on_delete=fields.CASCADE
    )
    channel = fields.CharEnumField(ConsentChannel, max_length=5)
    kind = fields.CharField(max_length=40)
    granted = fields.BooleanField()
    decided_at = fields.DatetimeField()

    user_id: int

    class Meta:
        table = "notification_consent"
        unique_together = (("user", "channel", "kind"),)
