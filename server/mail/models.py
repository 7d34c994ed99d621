"""The mail outbox."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class MailStatus(StrEnum):
    PENDING = "PENDING"  # waiting (maybe claimed by a worker, see claimed_until)
    SENT = "SENT"  # the SMTP server accepted it
    FAILED = "FAILED"  # gave up (refused recipient, or too many attempts); last_error says why
    LOGGED = "LOGGED"  # no SMTP_URL: printed in the console, kept for /dev/mails


class MailMessage(Model):
    """One mail to one address, written in the transaction of the change that causes it.

    It is stored as a kind and its parameters, in the recipient's language, and rendered when
    sent (server.mail.messages), like every text the server writes. A worker claims rows
    (claimed_by / claimed_until, a lease) and marks them only once the SMTP server answered, so
    neither a dead SMTP server nor a dead worker loses a mail."""

    id = fields.BigIntField(primary_key=True)
    organization_id = fields.IntField(null=True)
    to_address = fields.CharField(max_length=254)
    kind = fields.CharField(max_length=40)
    language = fields.CharField(max_length=5, default="fr")
    params: dict[str, Any] = fields.JSONField(default=dict)
    status = fields.CharEnumField(MailStatus, max_length=10, default=MailStatus.PENDING)
    attempts = fields.IntField(default=0)
    not_before = fields.DatetimeField()
    claimed_by = fields.CharField(max_length=64, null=True)
    claimed_until = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=300, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "mail_message"
        indexes = (("status", "not_before"),)
