"""The deferred-work outbox: one row per piece of work, written in the change's transaction."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class DeferredEvent(Model):
    """A domain event whose handlers run after commit, outside the request that caused it.

    The row is written in the same transaction as the change, so the work can't be lost:
    a runner claims it, runs its handlers and deletes it in one transaction (exactly once);
    a failure keeps it, with the error, for a later attempt.
    """

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    payload: Any = fields.JSONField(default=dict)
    attempts = fields.IntField(default=0)
    available_at = fields.DatetimeField(db_index=True)
    last_error = fields.TextField(null=True)
    failed_at = fields.DatetimeField(null=True)  # gave up after too many attempts: kept for a look
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "deferred_event"
