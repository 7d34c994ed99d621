"""Devices that receive pushes, each person's push preferences, and the outbox."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from server.accounts.models import User


class PushSubscription(Model):
    """One browser on one device. The endpoint belongs to one person at a time."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="push_subscriptions", on_delete=fields.CASCADE
    )
    endpoint = fields.CharField(max_length=1000, unique=True)
    p256dh = fields.CharField(max_length=120)
    auth = fields.CharField(max_length=60)
    user_agent = fields.CharField(max_length=300, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    last_success_at = fields.DatetimeField(null=True)
    # the server's VAPID public key the browser subscribed with: after a rotation its pushes
    # are still signed with that key (VAPID_PRIVATE_KEY_PREVIOUS) until the app resubscribes;
    # null for devices registered before keys were recorded (signed with the current key)
    vapid_key = fields.CharField(max_length=100, null=True)

    user_id: int

    class Meta:
        table = "push_subscription"


class PushSettings(Model):
    """What a person chose. Without a row the defaults apply (server.push.policy)."""

    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "elan.User", related_name="push_settings", on_delete=fields.CASCADE, primary_key=True
    )
    kinds: dict[str, bool] = fields.JSONField(default=dict)  # {kind: bool} over the defaults
    quiet_hours_enabled = fields.BooleanField(default=True)
    quiet_start_minute = fields.IntField(default=21 * 60)
    quiet_end_minute = fields.IntField(default=8 * 60)

    user_id: int

    class Meta:
        table = "push_settings"


class PushStatus(StrEnum):
    PENDING = "PENDING"  # waiting (maybe claimed by a worker, see claimed_until)
    SENT = "SENT"
    FAILED = "FAILED"  # gave up; last_error says why
    SKIPPED = "SKIPPED"  # not sent on purpose (hourly cap); last_error says why


class PushMessage(Model):
    """One outbox row: one message for one device, written in the causing transaction.

    Workers claim rows (claimed_by / claimed_until) and only mark them once the push
    service answered, so a worker that dies mid-batch loses nothing: its lease runs out
    and another worker sends the row.
    """

    id = fields.BigIntField(primary_key=True)
    subscription: fields.ForeignKeyRelation[PushSubscription] = fields.ForeignKeyField(
        "elan.PushSubscription", related_name="messages", on_delete=fields.CASCADE
    )
    user_id = fields.IntField()
    kind = fields.CharField(max_length=30)
    event_key = fields.CharField(max_length=40)  # one per notify() call, across devices
    topic = fields.CharField(max_length=32, null=True)
    urgency = fields.CharField(max_length=10, default="normal")
    ttl = fields.IntField(default=86400)
    payload: dict[str, Any] = fields.JSONField(default=dict)
    digest: dict[str, Any] | None = fields.JSONField(null=True)
    status = fields.CharEnumField(PushStatus, max_length=10, default=PushStatus.PENDING)
    attempts = fields.IntField(default=0)
    not_before = fields.DatetimeField()
    claimed_by = fields.CharField(max_length=64, null=True)
    claimed_until = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=300, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    subscription_id: int

    class Meta:
        table = "push_message"
        indexes = (("status", "not_before"), ("user_id", "topic", "status"), ("user_id", "created_at"))
