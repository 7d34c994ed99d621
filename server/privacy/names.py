"""The ways a free text names a person, found whatever their case and accents.

Erasure (server.privacy.erasure) removes a person's name from the texts other people wrote:
« Bravo @Julie Moreau », « bravo julie moreau », « JULIE MOREAU », « Moreau Julie »,
« MOREAU Julie », « J. Moreau », « @julie.moreau », « Julie Moréau ». Texts are compared
folded (lower case, accents off) character by character, so a match maps back to the exact
span of the original text and only that span is replaced.

The first name alone (« Merci Julie ») is left: it would also take the name of every other
Julie of the organisation, and alone it seldom tells who is meant.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SEPARATOR = r"[\s._\-]*"  # « Julie Moreau », « julie.moreau », « julie_moreau », « JulieMoreau »


def _fold_char(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()


def fold(text: str) -> tuple[str, list[int]]:
    """`text` in lower case without accents, and for each of its characters the index of the
    original character it comes from."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for produced in _fold_char(char):
            folded.append(produced)
            origin.append(index)
    return "".join(folded), origin


def _part(word: str) -> str:
    return _SEPARATOR.join(re.escape(piece) for piece in re.split(r"[\s\-]+", fold(word)[0]) if piece)


@dataclass(frozen=True, slots=True)
class NameForms:
    pattern: re.Pattern[str]
    needles: tuple[str, ...]  # lower-case pieces every text holding a form contains

    def replace(self, text: str, by: str) -> str:
        folded, origin = fold(text)
        spans = [(origin[m.start()], origin[m.end() - 1] + 1) for m in self.pattern.finditer(folded)]
        for start, end in reversed(spans):
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1  # a decomposed accent that belongs to the last letter
            text = text[:start] + by + text[end:]
        return text


def forms_of(display_name: str) -> NameForms | None:
    """The forms of a first name + last name (None for a one-word name: the exact name is
    replaced, as any text)."""
    words = display_name.split()
    if len(words) < 2:
        return None
    first, last = _part(words[0]), _part(words[-1])
    whole = _SEPARATOR.join(_part(w) for w in words)
    initial = re.escape(fold(words[0])[0][:1])
    forms = [whole, f"{first}{_SEPARATOR}{last}", rf"{last}[\s,]+{first}", rf"{initial}\.\s*{last}"]
    pattern = re.compile(r"@?(?<!\w)(?:" + "|".join(forms) + r")(?!\w)")
    # the last name's longest run of plain letters, as written: a text holding it with or
    # without its accents, in any case, contains that run (« Lefèvre », « LEFEVRE »: « lef »)
    needle = _longest_ascii(words[-1].lower()) or words[-1].lower()
    return NameForms(pattern, (needle,))


def _longest_ascii(text: str) -> str:
    runs = re.findall(r"[a-z0-9]+", text)
    return max(runs, key=len) if runs else ""
