"""Erasure takes a person's name out of other people's texts however it was written: @mentions,
any case, with or without accents, last name first, initial and last name; a namesake's first
name or another Moreau stay."""

from __future__ import annotations

from datetime import UTC, datetime

from server.accounts.models import Role, User
from server.feed.models import Comment, Post, PostKind
from server.network.scope import scope_of_user
from server.privacy.erasure import erase_person
from server.privacy.pseudonym import marker_of
from tests.factories import make_network, make_user

WRITTEN = [
    ("Bravo @Élodie Lefèvre pour la démo !", "Bravo {} pour la démo !"),
    ("merci elodie lefevre, top", "merci {}, top"),
    ("ÉLODIE LEFÈVRE en tête !", "{} en tête !"),
    ("Lefèvre Élodie, LEFEVRE Elodie", "{}, {}"),
    ("Signé E. Lefèvre et @elodie.lefevre", "Signé {} et {}"),
    ("Merci Élodie et Jean Lefèvre", "Merci Élodie et Jean Lefèvre"),
]


async def test_every_form_of_her_name_goes_and_other_people_stay(live_server):
    # given colleagues who wrote her name in every way, and a Jean Lefèvre in the same shop
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    elodie = await make_user(lille, name="Élodie Lefèvre")
    karim = await make_user(lille, name="Karim Benali")
    await make_user(lille, name="Jean Lefèvre")
    post = await Post.create(organization_id=network.organization_id, author=karim, unit=lille, kind=PostKind.WIN, body="Belle semaine")
    comments = [await Comment.create(post=post, author=karim, body=body) for body, _ in WRITTEN]
    admin = await make_user(network.root, Role.ADMIN, "Claire Fontaine")
    await User.filter(id=elodie.id).update(deactivated_at=datetime.now(UTC))
    # when head office erases her
    await erase_person(await scope_of_user(admin), elodie.id)
    # then every form of her name became her pseudonym, and the rest of each text is as written
    marker = marker_of(elodie.id)
    after = [(await Comment.get(id=c.id)).body for c in comments]
    assert after == [expected.replace("{}", marker) for _, expected in WRITTEN]
