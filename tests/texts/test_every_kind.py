"""Every notification and every automatic post reads in the reader's language: an English
reader sees no French Élan wrote (the organisation's own names aside), in the notification
centre, the feed and the push that reaches their phone."""

from __future__ import annotations

import re
from typing import Any

from server.accounts.models import Role, User
from server.feed.system_posts import create_system_post
from server.notifications.models import Notification, NotificationKind
from server.notifications.services import notify
from server.push.delivery import Outbound
from server.push.payload import notification_spec, write_batch
from server.texts.catalogue import TEXTS
from server.texts.render import NOTIFICATION_KINDS, SYSTEM_POST_KINDS
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient

NOTIFICATIONS = """{ notifications(first: 50) { edges { node {
  kind text params refs { people { id name } badges { id name } challenges { id name } }
} } } }"""
FEED = """{ feed(first: 50) { edges { node { kind body systemKind systemParams
  systemRefs { people { id name } } } } } }"""

CHALLENGE, BADGE, MODULE = "Printemps des utilitaires", "Roi du financement", "Financement LOA"


def notification_params(kind: str) -> dict[str, Any]:
    """What each kind carries, titles as written by the organisation."""
    return {
        "POST_LIKED": {"postId": 1}, "POST_COMMENTED": {"postId": 1}, "MENTIONED": {"postId": 1},
        "POST_RECOMMENDED": {"postId": 1, "units": 2},
        "RANK_OVERTAKEN": {"challengeId": 0, "challenge": CHALLENGE, "rank": 3},
        "RANK_UP": {"challengeId": 0, "challenge": CHALLENGE, "rank": 4},
        "TOP_THREE": {"challengeId": 0, "challenge": CHALLENGE, "rank": 2},
        "BADGE_RECEIVED": {"badgeId": 0, "badge": BADGE}, "LABEL_RECEIVED": {"badgeId": 0, "badge": BADGE},
        "LABEL_EXPIRING": {"badgeId": 0, "badge": BADGE, "expiresAt": "2027-03-01T00:00:00+00:00"},
        "CHALLENGE_STARTED": {"challengeId": 0, "challenge": CHALLENGE},
        "CHALLENGE_ENDING": {"challengeId": 0, "challenge": CHALLENGE},
        "DUEL_INVITATION": {"challengeId": 0, "metric": "Ventes", "days": 7},
        "TRAINING_ASSIGNED": {"moduleId": 0, "module": MODULE}, "TRAINING_REMINDER": {"moduleId": 0, "module": MODULE},
        "ACTION_PLAN_UPDATED": {"planId": 0, "plan": "Accueil showroom"},
        "ASSESSMENT_SHARED": {"assessmentId": 0, "grid": "Vente additionnelle"},
    }[kind]


def post_params(kind: str, person: User, manager: User) -> dict[str, Any]:
    return {
        "BADGE_AWARDED": {"userId": person.id, "badgeId": 0, "badge": BADGE, "emoji": "🏅", "byId": manager.id},
        "LABEL_AWARDED": {"userId": person.id, "badgeId": 0, "badge": BADGE, "level": "Or"},
        "TOP_THREE_ENTERED": {"userId": person.id, "challengeId": 0, "challenge": CHALLENGE, "rank": 1},
        "CHALLENGE_PODIUM": {"challengeId": 0, "challenge": CHALLENGE, "podium": [
            {"rank": 1, "userId": person.id}, {"rank": 2, "hidden": True}, {"rank": 3, "name": "Lyon Est"}]},
        "RACE_FINISHED": {"challengeId": 0, "challenge": CHALLENGE, "count": 12},
    }[kind]


def french_fragments() -> set[str]:
    """The fixed words of every French sentence, where English says something else."""
    english = " ".join(entry["en"] for entry in TEXTS.values())
    found: set[str] = set()
    for entry in TEXTS.values():
        for piece in re.split(r"\{\w+\}", entry["fr"]):
            piece = piece.strip(" .,:!()–")
            if len(piece) >= 4 and piece not in english:
                found.add(piece)
    return found | {"«", "»"}


def assert_english(texts: list[str]) -> None:
    french = french_fragments()
    for text in texts:
        assert text and not [f for f in french if f in text], (text, [f for f in french if f in text])


async def test_every_kind_has_a_sentence_in_both_languages():
    # given the kinds the server knows
    for kind in NotificationKind:
        assert kind.value in NOTIFICATION_KINDS, f"{kind} is not rendered"
    # then each has a French and an English sentence
    for key, entry in TEXTS.items():
        assert entry.get("fr") and entry.get("en"), f"{key} lacks a language"
    for kind in NOTIFICATION_KINDS:
        assert f"notification.{kind}.1" in TEXTS, kind
    for kind in SYSTEM_POST_KINDS:
        assert f"post.{kind}" in TEXTS or f"post.{kind}.n" in TEXTS, kind


async def test_an_english_reader_reads_every_notification_and_automatic_post_in_english(live_server):
    # given Julie, who reads in English, and Thomas, who reads in French, with a colleague Karim
    network = await make_network()
    julie, julie_token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    thomas, thomas_token = await signed_in(network.points_of_sale["Lille"], name="Thomas Petit")
    karim, _ = await signed_in(network.points_of_sale["Lille"], name="Karim Benali")
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER, name="Sarah François")
    await User.filter(id=julie.id).update(language="en")
    # when every kind of notification reaches both, and Élan posts every kind of automatic post
    for person in (julie, thomas):
        for kind in NotificationKind:
            await notify(person.id, kind, params=notification_params(kind.value), actor=karim, push=False)
    for kind in SYSTEM_POST_KINDS:
        await create_system_post(karim, kind, post_params(kind, karim, manager), body="")

    async with GraphQLClient(live_server.url, token=julie_token, **{"Accept-Language": "fr"}) as english_reader:
        english = [e["node"] for e in (await english_reader.execute(NOTIFICATIONS))["notifications"]["edges"]]
        english_feed = [e["node"] for e in (await english_reader.execute(FEED))["feed"]["edges"]]
    async with GraphQLClient(live_server.url, token=thomas_token, **{"Accept-Language": "fr-FR,fr;q=0.9"}) as french_reader:
        french = [e["node"] for e in (await french_reader.execute(NOTIFICATIONS))["notifications"]["edges"]]
        french_feed = [e["node"] for e in (await french_reader.execute(FEED))["feed"]["edges"]]

    # then each kind reads in the reader's language: no French for Julie (her own choice wins
    # over her browser's), French for Thomas, and the people by their names
    assert {n["kind"] for n in english} == {k.value for k in NotificationKind}
    assert_english([n["text"] for n in english])
    by_kind = {n["kind"]: n["text"] for n in english}
    assert by_kind["DUEL_INVITATION"] == "Karim Benali challenges you to a duel"
    assert by_kind["BADGE_RECEIVED"] == f"You received the “{BADGE}” badge"
    assert by_kind["LABEL_EXPIRING"] == f"Your “{BADGE}” label expires on March 1, 2027"
    assert by_kind["RANK_OVERTAKEN"] == f"Karim Benali just overtook you in “{CHALLENGE}”: you are 3rd"
    french_by_kind = {n["kind"]: n["text"] for n in french}
    assert french_by_kind["DUEL_INVITATION"] == "Karim Benali vous défie en duel"
    assert french_by_kind["LABEL_EXPIRING"] == f"Votre label « {BADGE} » expire le 1er mars 2027"
    assert all(n["refs"]["people"] == [{"id": str(karim.id), "name": "Karim Benali"}] for n in english)
    assert all(n["params"]["actorIds"] == [karim.id] for n in english)

    automatic = [p for p in english_feed if p["kind"] == "SYSTEM"]
    assert {p["systemKind"] for p in automatic} == set(SYSTEM_POST_KINDS)
    assert_english([p["body"] for p in automatic])
    by_post = {p["systemKind"]: p["body"] for p in automatic}
    assert by_post["BADGE_AWARDED"] == f"🏅 Karim Benali received the “{BADGE}” badge, awarded by Sarah François."
    assert by_post["CHALLENGE_PODIUM"] == (
        f"The “{CHALLENGE}” challenge is over! Podium: 1st Karim Benali, 2nd A participant, 3rd Lyon Est. Well done, everyone!")
    assert by_post["RACE_FINISHED"] == f"The “{CHALLENGE}” race is over: 12 participants reached the target. Well done, everyone!"
    french_posts = {p["systemKind"]: p["body"] for p in french_feed if p["kind"] == "SYSTEM"}
    assert french_posts["LABEL_AWARDED"] == f"🎖️ Karim Benali obtient le label « {BADGE} » – niveau Or."
    assert french_posts["TOP_THREE_ENTERED"] == f"Karim Benali entre dans le top 3 du challenge « {CHALLENGE} » (1er) !"

    # and the push for each of Julie's notifications is written in English when the worker sends it
    rows = await Notification.filter(user_id=julie.id).order_by("id")
    messages = [Outbound(n.id, 0, "", "", "", notification_spec(n, f"n{n.id}"), 60, "normal", None, 0) for n in rows]
    await write_batch(messages)
    assert all(m.payload["lang"] == "en" for m in messages)
    assert_english([m.payload["body"] for m in messages] + [m.payload["title"] for m in messages])
    assert {m.payload["kind"]: m.payload["body"] for m in messages}["MENTIONED"] == "Karim Benali mentioned you"


async def test_a_renamed_or_erased_person_reads_as_they_are_now(live_server):
    # given Karim liked Julie's post, and was then renamed, and Léa, who commented, was erased
    network = await make_network()
    julie, token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    karim, _ = await signed_in(network.points_of_sale["Lille"], name="Karim Benali")
    lea, _ = await signed_in(network.points_of_sale["Lille"], name="Léa Roux")
    await notify(julie.id, NotificationKind.POST_LIKED, params={"postId": 1}, actor=karim, push=False)
    await notify(julie.id, NotificationKind.POST_COMMENTED, params={"postId": 1}, actor=lea, push=False)
    await User.filter(id=karim.id).update(display_name="Karim B.")
    await User.filter(id=lea.id).delete()
    # when Julie opens her notifications
    async with GraphQLClient(live_server.url, token=token, **{"Accept-Language": "en"}) as client:
        texts = [e["node"]["text"] for e in (await client.execute(NOTIFICATIONS))["notifications"]["edges"]]
    # then she reads the new name, and no trace of the erased one
    assert texts == ["A former member commented on your post", "Karim B. likes your post"]


def test_the_app_and_the_server_say_the_same_words():
    # given the app's catalogues (pwa/src/i18n) and the server's (server/texts)
    import json

    from server.texts.catalogue import NOTIFICATIONS, PEOPLE, POSTS
    from tests.conftest import ROOT

    for language in ("fr", "en"):
        app = json.loads((ROOT / "pwa" / "src" / "i18n" / f"{language}.json").read_text())
        # then every sentence the server writes is written the same way by the app, and no other
        server = {f"texts.{key}": entry[language] for key, entry in {**NOTIFICATIONS, **POSTS, **PEOPLE}.items()}
        assert {k: v for k, v in app.items() if k.startswith("texts.")} == server
