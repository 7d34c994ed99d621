"""The stable pseudonym of an erased person, stored without a language and read in each one.

An erased person's name is stored as a marker, « ⟦3F2A⟧ »: a short stable code (derived from
their id and SECRET_KEY, so two erased people stay apart on one board and re-running gives the
same) between brackets nobody types. Every text leaving the server goes through `localized`
for its reader's language (GraphQL over HTTP and WebSocket, data exports, the verify page,
server texts): the French reader reads « Ancien collaborateur 3F2A », the English one « Former
colleague 3F2A » (server.texts catalogue, `person.erased`). The marker also stands in the free
texts that named the person (server.privacy.scrub), so those read in each language too.

Erasures made before the marker stored the French pseudonym; `localized` reads those in
English as well. A leaf module: the texts renderer, the transports and the erasure use it.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from server.settings import get_settings
from server.texts.catalogue import LANGUAGES, text

OPEN, CLOSE = "⟦", "⟧"
_MARKER = re.compile(OPEN + r"([0-9A-F]{4})" + CLOSE)
_FRENCH = "Ancien collaborateur "
_STORED_FRENCH = re.compile(_FRENCH + r"([0-9A-F]{4})\b")
_MARKER_BYTES = OPEN.encode()
_FRENCH_BYTES = _FRENCH.encode()


def suffix_of(person_id: int) -> str:
    digest = hmac.new(get_settings().secret_key.encode(), f"erased-person:{person_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:4].upper()


def marker_of(person_id: int) -> str:
    """What an erased person's name is stored as: no language in it."""
    return f"{OPEN}{suffix_of(person_id)}{CLOSE}"


def pseudonym_of(person_id: int, language: str = "fr") -> str:
    """The pseudonym as a reader of `language` reads it."""
    return text("person.erased", language, code=suffix_of(person_id))


def erased_address(person_id: int) -> str:
    return f"ancien-{person_id}-{suffix_of(person_id).lower()}@erased.invalid"


def is_marker(name: str) -> bool:
    return _MARKER.fullmatch(name) is not None


def initials_of(name: str, fallback: str = "?") -> str:
    """One or two letters for an avatar without photo: an erased person's code's first two
    (the same in every language), anyone else's first and last name's first letters."""
    found = _MARKER.fullmatch(name) or _STORED_FRENCH.fullmatch(name)
    if found:
        return found.group(1)[:2]
    parts = [p for p in name.replace("-", " ").split() if p]
    return "".join(p[0] for p in parts[:2]).upper() or fallback


def erased_code_searched(search: str) -> str | None:
    """When a search reads as an erased person's pseudonym in some language (« ancien coll »,
    « Former colleague 3F2A »), the code it names ("" for any); None when it does not."""
    wanted = " ".join(search.split()).casefold()
    for language in LANGUAGES:
        label = text("person.erased", language, code="").strip().casefold()
        if label.startswith(wanted):
            return ""
        if wanted.startswith(label + " "):
            return wanted[len(label) :].strip().upper()
    return None


def names_erased(value: str) -> bool:
    """Whether `value` may name an erased person (a cheap test before `localized`)."""
    return OPEN in value or _FRENCH in value


def localized(value: str, language: str) -> str:
    """`value` with every erased person's marker (and every French pseudonym of older
    erasures, for a reader of another language) written in `language`."""
    if OPEN in value:
        value = _MARKER.sub(lambda m: text("person.erased", language, code=m.group(1)), value)
    if language != "fr" and _FRENCH in value:
        value = _STORED_FRENCH.sub(lambda m: text("person.erased", language, code=m.group(1)), value)
    return value


def localized_bytes(body: bytes, language: str) -> bytes:
    """`localized` for an encoded body (UTF-8), untouched (not decoded) when it names nobody erased."""
    if _MARKER_BYTES in body or (language != "fr" and _FRENCH_BYTES in body):
        return localized(body.decode(), language).encode()
    return body


def read_as(name: str, language: str) -> str:
    """A stored name as a reader of `language` reads it."""
    return localized(name, language)
