"""Parsing the integer ids behind GraphQL `ID`s; a malformed id reads as one that doesn't exist."""

from __future__ import annotations

import strawberry


def parse_id(value: strawberry.ID | str) -> int:
    text = str(value)
    return int(text) if text.isdigit() and len(text) < 12 else -1
