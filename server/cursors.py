"""Opaque pagination cursors: `<kind>:<id>` in URL-safe base64, refused with a typed error."""

from __future__ import annotations

import base64
import binascii

from server.errors import ValidationFailed


def encode_cursor(row_id: int, prefix: str) -> str:
    return base64.urlsafe_b64encode(f"{prefix}:{row_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str, prefix: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        found, _, value = raw.partition(":")
        if found != prefix:
            raise ValueError(raw)
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise ValidationFailed("cursor_invalid", "after") from error


def encode_keyset(prefix: str, *parts: int) -> str:
    """A cursor on an order of several keys (e.g. a time in microseconds, then an id)."""
    return base64.urlsafe_b64encode(f"{prefix}:{'.'.join(str(p) for p in parts)}".encode()).decode().rstrip("=")


def decode_keyset(cursor: str, prefix: str, count: int) -> tuple[int, ...]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        found, _, value = raw.partition(":")
        parts = tuple(int(p) for p in value.split("."))
        if found != prefix or len(parts) != count:
            raise ValueError(raw)
        return parts
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise ValidationFailed("cursor_invalid", "after") from error
