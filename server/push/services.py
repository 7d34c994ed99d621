"""Registering and removing the devices a person receives pushes on."""

from __future__ import annotations

import base64
import binascii

from cryptography.hazmat.primitives.asymmetric import ec

from server.accounts.models import User
from server.db import atomic
from server.errors import ValidationFailed
from server.i18n import SUPPORTED
from server.push.endpoints import check_endpoint
from server.push.errors import PushDeviceNotFound
from server.push.models import PushSubscription

USER_AGENT_MAX = 300


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


async def register_subscription(
    user: User, endpoint: str, p256dh: str, auth: str, user_agent: str = "", language: str | None = None
) -> PushSubscription:
    """Adds this device for `user`; an endpoint registered before (by anyone) moves to them,
    since an endpoint is one browser profile and only its current person should get pushes.

    `language` is the one the app speaks on this device: the person's notifications and pushes
    are written in it from then on (the last device registered wins)."""
    endpoint = check_endpoint(endpoint)
    _check_keys(p256dh, auth)
    if language is not None and language not in SUPPORTED:
        raise ValidationFailed("language_unsupported", "language")
    async with atomic():
        if language is not None and user.language != language:
            user.language = language
            await User.filter(id=user.id).update(language=language)
        existing = await PushSubscription.filter(endpoint=endpoint).select_for_update().first()
        if existing is not None:
            if existing.user_id != user.id:
                # the previous person's waiting messages must not reach the new one
                await existing.delete()
            else:
                existing.p256dh, existing.auth = p256dh.strip(), auth.strip()
                existing.user_agent = user_agent[:USER_AGENT_MAX]
                await existing.save(update_fields=["p256dh", "auth", "user_agent"])
                return existing
        return await PushSubscription.create(
            user_id=user.id,
            endpoint=endpoint,
            p256dh=p256dh.strip(),
            auth=auth.strip(),
            user_agent=user_agent[:USER_AGENT_MAX],
        )


async def unregister_subscription(user: User, endpoint: str) -> bool:
    """Removes the device with this endpoint if it is the viewer's; True when one went."""
    return bool(await PushSubscription.filter(user_id=user.id, endpoint=endpoint.strip()).delete())


async def remove_device(user: User, device_id: int) -> None:
    if not await PushSubscription.filter(user_id=user.id, id=device_id).delete():
        raise PushDeviceNotFound()


async def devices_of(user: User) -> list[PushSubscription]:
    return await PushSubscription.filter(user_id=user.id).order_by("-created_at")
