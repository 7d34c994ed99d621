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


async def test_the_upgrade_stores_older_french_pseudonyms_as_the_marker(live_server):
    # given a person erased before the marker, under the French pseudonym, on a board
    import importlib
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from tortoise import connections

    from server.accounts.models import User
    from server.challenges.models import Challenge, Participant
    from tests.factories import make_network, make_user

    network = await make_network()
    old = await make_user(network.points_of_sale["Lille"], name="Ancien collaborateur 1A2B")
    kept = await make_user(network.points_of_sale["Lille"], name="Ancien collaborateur 3C4D")  # not erased: a name
    await User.filter(id=old.id).update(erased_at=datetime.now(UTC))
    now = datetime.now(UTC)
    challenge = await Challenge.create(organization_id=network.organization_id, scope_unit=network.regions["Nord"], name="Hiver",
                                       starts_at=now, ends_at=now)
    await Participant.create(challenge=challenge, user=old, display_name="Ancien collaborateur 1A2B")
    # when the migration runs
    migration = importlib.import_module("server.migrations.0013_pseudonym_marker")
    models = {"User": User, "Participant": Participant}
    apps = SimpleNamespace(get_model=lambda _app, name: models[name])
    await migration.forward(apps, SimpleNamespace(client=connections.get("default")))
    # then the erased person and their participation hold the marker, and the other keeps their name
    assert (await User.get(id=old.id)).display_name == "⟦1A2B⟧"
    assert (await Participant.get(user_id=old.id)).display_name == "⟦1A2B⟧"
    assert (await User.get(id=kept.id)).display_name == "Ancien collaborateur 3C4D"
