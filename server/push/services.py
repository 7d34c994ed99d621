"""Registering and removing the devices a person receives pushes on.

A device is one browser profile's push subscription: its endpoint (unique) and the keys its
messages are encrypted with (p256dh, auth). Two rules keep one person from holding what is
not theirs:

- **At most `DEVICES_PER_PERSON` devices per person.** Registering one more drops the
  person's least recently used device (the one whose last delivered push, else its
  registration, is the oldest): a phone given up or a browser reset stops receiving, the
  new one always works, and the list never grows without bound.
- **An endpoint bound to someone else moves only with proof.** A shared tablet where another
  person signs in registers the same browser subscription, with the same keys: the device
  moves to the new person (the previous person's waiting messages go with the old row). A
  request that knows the endpoint but not the keys stored with it is refused
  (`PushEndpointTaken`) and changes nothing.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric import ec

from server.accounts.models import User
from server.db import atomic
from server.errors import ValidationFailed
from server.i18n import SUPPORTED
from server.push import vapid
from server.push.endpoints import check_endpoint
from server.push.errors import PushDeviceNotFound, PushEndpointTaken
from server.push.models import PushSubscription

USER_AGENT_MAX = 300
DEVICES_PER_PERSON = 10


def _b64url_bytes(value: str, field: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(value.strip() + "=" * (-len(value.strip()) % 4))
    except (binascii.Error, ValueError) as error:
        raise ValidationFailed("push_key_invalid", field) from error


def _check_keys(p256dh: str, auth: str) -> None:
    public = _b64url_bytes(p256dh, "p256dh")
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), public)
    except ValueError as error:
        raise ValidationFailed("push_key_invalid", "p256dh") from error
    if len(public) != 65 or len(_b64url_bytes(auth, "auth")) != 16:
        raise ValidationFailed("push_key_invalid", "auth" if len(public) == 65 else "p256dh")


def _same_keys(device: PushSubscription, p256dh: str, auth: str) -> bool:
    """Whether the request holds the very subscription stored (compared in constant time)."""
    same_public = hmac.compare_digest(_b64url_bytes(device.p256dh, "p256dh"), _b64url_bytes(p256dh, "p256dh"))
    same_secret = hmac.compare_digest(_b64url_bytes(device.auth, "auth"), _b64url_bytes(auth, "auth"))
    return same_public and same_secret


def _last_used(device: PushSubscription) -> datetime:
    return max(device.created_at, device.last_success_at or device.created_at)


async def register_subscription(
    user: User, endpoint: str, p256dh: str, auth: str, user_agent: str = "", language: str | None = None
) -> PushSubscription:
    """Adds this device for `user` (see the module docstring for the cap and for moving an
    endpoint registered by someone else).

    `language` is the one the app speaks on this device: the person's notifications and pushes
    are written in it from then on (the last device registered wins)."""
    endpoint = check_endpoint(endpoint)
    _check_keys(p256dh, auth)
    p256dh, auth = p256dh.strip(), auth.strip()
    if language is not None and language not in SUPPORTED:
        raise ValidationFailed("language_unsupported", "language")
    async with atomic():
        # one registration at a time per person, so the cap holds under concurrent calls
        await User.filter(id=user.id).select_for_update().first()
        existing = await PushSubscription.filter(endpoint=endpoint).select_for_update().first()
        if existing is not None and existing.user_id != user.id:
            if not _same_keys(existing, p256dh, auth):
                raise PushEndpointTaken("endpoint")
            # the previous person's waiting messages must not reach the new one
            await existing.delete()
            existing = None
        if language is not None and user.language != language:
            user.language = language
            await User.filter(id=user.id).update(language=language)
        await _first_push_choices(user)
        if existing is not None:
            existing.p256dh, existing.auth = p256dh, auth
            existing.user_agent = user_agent[:USER_AGENT_MAX]
            await existing.save(update_fields=["p256dh", "auth", "user_agent"])
            return existing
        devices = sorted(await PushSubscription.filter(user_id=user.id), key=_last_used)
        spare = len(devices) - DEVICES_PER_PERSON + 1
        if spare > 0:
            await PushSubscription.filter(id__in=[d.id for d in devices[:spare]]).delete()
        return await PushSubscription.create(
            vapid_key=vapid.public_key(),
            user_id=user.id,
            endpoint=endpoint,
            p256dh=p256dh,
            auth=auth,
            user_agent=user_agent[:USER_AGENT_MAX],
        )


async def _first_push_choices(user: User) -> None:
    """Turning pushes on (after the screen that lists what is pushed) records, for each kind
    not chosen yet, the choice shown: the default, with its time (server.privacy.consent)."""
    from server.privacy.consent import record_choices
    from server.privacy.models import ConsentChannel
    from server.push.preferences import preferences_of

    preferences = await preferences_of(user)
    await record_choices(user.id, ConsentChannel.PUSH, preferences.kinds, only_new=True)


async def unregister_subscription(user: User, endpoint: str) -> bool:
    """Removes the device with this endpoint if it is the viewer's; True when one went."""
    return bool(await PushSubscription.filter(user_id=user.id, endpoint=endpoint.strip()).delete())


async def remove_device(user: User, device_id: int) -> list[PushSubscription]:
    """Removes one of the person's own devices (anyone else's is not found); the devices left."""
    if not await PushSubscription.filter(user_id=user.id, id=device_id).delete():
        raise PushDeviceNotFound()
    return await devices_of(user)


async def devices_of(user: User) -> list[PushSubscription]:
    return await PushSubscription.filter(user_id=user.id).order_by("-created_at")
