"""Each organisation's Ed25519 signing key, generated once and kept encrypted with SECRET_KEY.

Rotating SECRET_KEY keeps the stored keys readable: the old value goes in SECRET_KEY_PREVIOUS,
keys are read with whichever secret opens them (and always written with the current one), and
`python -m server rotate-secrets` re-encrypts every stored key with the current secret, after
which SECRET_KEY_PREVIOUS can be removed. The Ed25519 keys themselves do not change, so every
credential issued before still verifies against the issuer profile."""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from tortoise.exceptions import IntegrityError

from server.badges.models import SigningKey
from server.settings import get_settings

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_MULTICODEC_ED25519_PUB = b"\xed\x01"


def base58btc(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = _BASE58[rest] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + _BASE58.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def public_key_multibase(public: bytes) -> str:
    """The Multikey form used in verification methods: z + base58btc(0xed01 + key)."""
    return "z" + base58btc(_MULTICODEC_ED25519_PUB + public)


def public_key_from_multibase(value: str) -> bytes:
    raw = base58btc_decode(value.removeprefix("z"))
    if not raw.startswith(_MULTICODEC_ED25519_PUB) or len(raw) != 34:
        raise ValueError("not an Ed25519 Multikey")
    return raw[2:]


def _fernet_of(secret: str) -> Fernet:
    digest = hashlib.sha256(b"elan-badges-signing:" + secret.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _fernet() -> MultiFernet:
    """Encrypts with SECRET_KEY; decrypts with it or any of SECRET_KEY_PREVIOUS."""
    settings = get_settings()
    return MultiFernet([_fernet_of(s) for s in (settings.secret_key, *settings.secret_key_previous)])


async def reencrypt_signing_keys() -> int:
    """Every stored key encrypted again with the current SECRET_KEY; how many were rewritten."""
    fernet, current = _fernet(), _fernet_of(get_settings().secret_key)
    rewritten = 0
    for stored in await SigningKey.all():
        token = stored.private_key_encrypted.encode()
        try:
            current.decrypt(token)
            continue  # already under the current secret
        except InvalidToken:
            rotated = fernet.rotate(token).decode()
        await SigningKey.filter(id=stored.id).update(private_key_encrypted=rotated)
        rewritten += 1
    return rewritten


def _raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


async def organization_key(organization_id: int) -> Ed25519PrivateKey:
    """The organisation's private key, made on first use (two racing callers get the same one)."""
    stored = await SigningKey.get_or_none(organization_id=organization_id)
    if stored is None:
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        try:
            await SigningKey.create(
                organization_id=organization_id,
                public_key=base64.urlsafe_b64encode(_raw_public(key)).decode(),
                private_key_encrypted=_fernet().encrypt(raw).decode(),
            )
            return key
        except IntegrityError:
            stored = await SigningKey.get(organization_id=organization_id)
    return Ed25519PrivateKey.from_private_bytes(_fernet().decrypt(stored.private_key_encrypted.encode()))


async def organization_public_key(organization_id: int) -> Ed25519PublicKey:
    return (await organization_key(organization_id)).public_key()


def raw_public_key(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
