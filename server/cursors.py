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
