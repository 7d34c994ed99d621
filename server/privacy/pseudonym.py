"""The stable pseudonym of an erased person (« Ancien collaborateur 3F2A »), and its reading in
each language. A leaf module: the texts renderer and the erasure both use it."""

from __future__ import annotations

import hashlib
import hmac
import re

from server.settings import get_settings

PSEUDONYM = {"fr": "Ancien collaborateur", "en": "Former colleague"}
_STORED = re.compile(r"^Ancien collaborateur ([0-9A-F]{4})$")


def suffix_of(person_id: int) -> str:
    digest = hmac.new(get_settings().secret_key.encode(), f"erased-person:{person_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:4].upper()


def pseudonym_of(person_id: int, language: str = "fr") -> str:
    return f"{PSEUDONYM.get(language, PSEUDONYM['fr'])} {suffix_of(person_id)}"


def erased_address(person_id: int) -> str:
    return f"ancien-{person_id}-{suffix_of(person_id).lower()}@erased.invalid"


def read_as(name: str, language: str) -> str:
    """A stored name as a reader of `language` reads it: the pseudonym (stored in French, the
    organisation's language) in theirs; any other name as it is."""
    found = _STORED.match(name)
    if found is None or language == "fr":
        return name
    return f"{PSEUDONYM.get(language, PSEUDONYM['fr'])} {found.group(1)}"
