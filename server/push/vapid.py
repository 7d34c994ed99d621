"""The server's VAPID identity: from VAPID_PRIVATE_KEY / VAPID_SUBJECT (in production every
instance and worker must share it: a push service refuses a push signed with another key than
the one the browser subscribed with), else in development a key made once and kept under
data/; and the signed Authorization headers per push service.

Rotation: the new key goes in VAPID_PRIVATE_KEY, the old one in VAPID_PRIVATE_KEY_PREVIOUS.
Each device remembers the key it subscribed with (PushSubscription.vapid_key), so its pushes
are signed with that key until the app, seeing `vapidPublicKey` changed, subscribes again with
the new one; once no device uses the old key it can be dropped (docs/operations.md)."""

from __future__ import annotations

import base64
import os
import time
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid

from server.settings import Settings, get_settings

KEY_FILE = "vapid_private_key"
TOKEN_LIFETIME = 12 * 3600  # RFC 8292 allows up to 24 h
TOKEN_RENEW_BEFORE = 3600


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _raw_private(key: ec.EllipticCurvePrivateKey) -> str:
    return b64url(key.private_numbers().private_value.to_bytes(32, "big"))


def _parse(configured: str) -> Vapid:
    if configured.lstrip().startswith("-----BEGIN"):
        return Vapid.from_pem(configured.encode())
    return Vapid.from_string(configured)


def new_private_key() -> str:
    """A fresh P-256 key in the raw base64url form VAPID_PRIVATE_KEY takes."""
    return _raw_private(ec.generate_private_key(ec.SECP256R1()))


def _load_or_create(settings: Settings) -> Vapid:
    configured = settings.vapid_private_key
    if configured:
        return _parse(configured)
    path = settings.data_dir / KEY_FILE
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        raw = new_private_key()
        # create exclusively so that two processes starting together agree on one key
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as file:
                file.write(raw)
    for _ in range(50):
        text = path.read_text().strip()
        if text:
            return Vapid.from_string(text)
        time.sleep(0.01)  # the other process is still writing it
    raise RuntimeError(f"empty VAPID key file {path}")


@lru_cache(maxsize=4)
def _vapid_for(data_dir: str, configured: str | None) -> Vapid:
    return _load_or_create(get_settings())


def vapid() -> Vapid:
    settings = get_settings()
    return _vapid_for(str(settings.data_dir), settings.vapid_private_key)


def _public_of(key: Vapid) -> str:
    raw = key.public_key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return b64url(raw)


def public_key() -> str:
    """The application server key the browser subscribes with (base64url, uncompressed)."""
    return _public_of(vapid())


@lru_cache(maxsize=4)
def _previous(configured: tuple[str, ...]) -> tuple[Vapid, ...]:
    return tuple(_parse(key) for key in configured)


class VapidSigner:
    """Signs one JWT per push-service origin and reuses it until close to expiry:
    the token only names the audience, so signing per message would be wasted work."""

    def __init__(self, key: Vapid, subject: str) -> None:
        self._key = key
        self._subject = subject
        self._tokens: dict[str, tuple[float, dict[str, str]]] = {}

    def headers(self, audience: str) -> dict[str, str]:
        now = time.time()
        cached = self._tokens.get(audience)
        if cached is not None and cached[0] - now > TOKEN_RENEW_BEFORE:
            return cached[1]
        expires = int(now) + TOKEN_LIFETIME
        signed = self._key.sign({"aud": audience, "sub": self._subject, "exp": expires})
        self._tokens[audience] = (expires, signed)
        return signed


class VapidSigners:
    """The signer for each key a device may have subscribed with: the current key, and those
    of VAPID_PRIVATE_KEY_PREVIOUS until they are retired."""

    def __init__(self, keys: list[Vapid], subject: str) -> None:
        self.current = VapidSigner(keys[0], subject)
        self._by_public = {_public_of(key): VapidSigner(key, subject) for key in reversed(keys)}

    def for_device(self, subscribed_with: str | None) -> VapidSigner:
        """A device without a recorded key, or one of a retired key, gets the current key."""
        if subscribed_with is None:
            return self.current
        return self._by_public.get(subscribed_with, self.current)


def signers() -> VapidSigners:
    settings = get_settings()
    return VapidSigners([vapid(), *_previous(settings.vapid_private_key_previous)], settings.vapid_subject)
