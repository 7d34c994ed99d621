"""Writing a mail into the outbox, in the transaction of the change that causes it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from server.db import Events
from server.mail.messages import TEXTS
from server.mail.models import MailMessage

OUTBOX_CHANNEL = "mail:outbox"  # wakes the mail workers after commit


async def enqueue_mail(
    events: Events,
    *,
    to: str,
    kind: str,
    params: dict[str, Any],
    language: str | None,
    organization_id: int | None = None,
) -> MailMessage | None:
    """One mail to `to`, sent once the caller's transaction commits (never if it rolls back).
    A mail other than a service message goes only to someone who chose it (None otherwise:
    server.privacy.consent)."""
    if kind not in TEXTS:
        raise LookupError(f"no mail of kind {kind}")
    from server.privacy.consent import mail_allowed

    if not await mail_allowed(to, kind):
        return None
    now = datetime.now(UTC)
    message = await MailMessage.create(
        organization_id=organization_id,
        to_address=to,
        kind=kind,
        language=language if language in ("fr", "en") else "fr",
        params=params,
        not_before=now,
    )
    events.publish(OUTBOX_CHANNEL, {"due": now.isoformat()})
    return message
