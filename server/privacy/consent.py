"""Consent to notifications: push and e-mail messages other than service messages go out only
for the kinds a person chose, each choice recorded with its time (`NotificationConsent`).

- **push**: registering a device is the first choice: the permission screen lists what will be
  pushed, and the person turns it on; the kinds pushed by default are then recorded as granted,
  the others as refused, at that moment (nothing before it, so nothing is pushed to someone who
  never chose). Every later switch in the push settings records that kind's new choice.
  `server.push.outbox.enqueue_push` writes no row for a kind without a recorded grant.
- **mail**: service messages (password reset, invitation, account) need none; any other kind
  is written into the outbox only when the recipient granted it (`server.mail.outbox`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from server.privacy.models import ConsentChannel, NotificationConsent

# mails a person gets because of their account itself, never opted into
SERVICE_MAIL_KINDS = frozenset({"invite", "password_reset"})


async def record_choices(user_id: int, channel: ConsentChannel, choices: Mapping[str, bool], *, only_new: bool = False) -> None:
    """Records each kind's choice now (call it inside the change's transaction). With
    `only_new`, kinds already decided keep their choice and time."""
    now = datetime.now(UTC)
    decided = {
        row.kind: row for row in await NotificationConsent.filter(user_id=user_id, channel=channel, kind__in=list(choices))
    }
    for kind, granted in choices.items():
        row = decided.get(kind)
        if row is None:
            await NotificationConsent.create(user_id=user_id, channel=channel, kind=kind, granted=granted, decided_at=now)
        elif not only_new and row.granted != granted:
            await NotificationConsent.filter(id=row.id).update(granted=granted, decided_at=now)


async def has_choices(user_id: int, channel: ConsentChannel) -> bool:
    return await NotificationConsent.exists(user_id=user_id, channel=channel)


async def push_choices(user_id: int) -> dict[str, bool]:
    """Each push kind the person decided, with their choice."""
    rows = await NotificationConsent.filter(user_id=user_id, channel=ConsentChannel.PUSH).values_list("kind", "granted")
    return {str(kind): bool(on) for kind, on in rows}


async def granted(user_id: int, channel: ConsentChannel, kind: str) -> bool:
    return await NotificationConsent.exists(user_id=user_id, channel=channel, kind=kind, granted=True)


async def mail_allowed(address: str, kind: str) -> bool:
    """Whether a mail of `kind` may be queued for this address (service mails always may)."""
    if kind in SERVICE_MAIL_KINDS:
        return True
    from server.accounts.models import User

    user_id = await User.filter(email=address).first().values_list("id", flat=True)
    return user_id is not None and await granted(int(str(user_id)), ConsentChannel.MAIL, kind)


async def choices_of(user_id: int) -> list[NotificationConsent]:
    return await NotificationConsent.filter(user_id=user_id).order_by("channel", "kind")
