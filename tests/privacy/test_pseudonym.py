"""An erased person's pseudonym is stable, and English readers of notifications and automatic
posts read it in English."""

from __future__ import annotations

from server.privacy.pseudonym import marker_of, pseudonym_of, read_as
from server.texts.refs import Refs


def test_the_pseudonym_is_stable_and_tells_two_people_apart():
    assert pseudonym_of(41) == pseudonym_of(41)
    assert pseudonym_of(41) != pseudonym_of(42)
    assert pseudonym_of(41).startswith("Ancien collaborateur ") and len(pseudonym_of(41)) == len("Ancien collaborateur ") + 4


def test_an_english_reader_reads_former_colleague_in_texts_that_name_people_by_id():
    stored = marker_of(7)
    refs = Refs(people={7: stored, 8: "Julie Moreau"})
    assert refs.person(7, "en") == f"Former colleague {stored[1:-1]}"
    assert refs.person(7, "fr") == f"Ancien collaborateur {stored[1:-1]}"
    # an erasure made before the marker stored the French pseudonym: English readers read it too
    assert refs.person(9, "en") == "A former member"
    assert read_as(pseudonym_of(7), "en") == pseudonym_of(7, "en")
    assert refs.person(8, "en") == "Julie Moreau"
    assert read_as("Ancien collaborateur du mois", "en") == "Ancien collaborateur du mois"
