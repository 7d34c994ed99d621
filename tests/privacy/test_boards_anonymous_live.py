"""The organisation's « anonymous outside one's own team » and a person's « hide from boards and
TV » hold on the live boards too: a seller's WebSocket subscription, her manager's and a
showroom's kiosk link each read the names they may, as results come in and as choices change."""

from __future__ import annotations

from datetime import timedelta

from server.accounts.models import Role
from server.accounts.services import open_session
from server.challenges.models import ParticipantKind
from server.challenges.privacy import set_hidden
from server.challenges.targets import TargetInput, set_targets
from server.network.scope import scope_of_user
from server.notifications.models import Notification
from server.privacy.models import PrivacyPolicy
from server.privacy.policy import PolicyChange, update_policy
from tests.challenges.given import arena, live_challenge, now, sell
from tests.challenges.test_kiosk import create_link
from tests.factories import signed_in
from tests.graphql_client import GraphQLClient, Subscription

LIVE = """subscription Board($id: ID!) { leaderboard(challengeId: $id) {
  type version rows { rank displayName unitName photoUrl } } }"""
KIOSK = """subscription Kiosk($token: String!) { kioskLeaderboard(token: $token) {
  type version rows { rank displayName unitName } } }"""


def board(message: dict, field: str = "leaderboard") -> dict:
    assert message["type"] == "next", message
    return message["payload"]["data"][field]


def names(event: dict) -> list[tuple[int, str | None]]:
    return [(r["rank"], r["displayName"]) for r in event["rows"]]


async def _nord_board():
    """Julie and Karim sell in Lille, Léa in Arras; head office made boards anonymous outside
    one's own team."""
    found = await arena(sellers=2, names=["Julie Moreau", "Karim Benali"])
    lea, _ = await signed_in(found.network.points_of_sale["Arras"], name="Léa Martin")
    start = now() - timedelta(days=2)
    await set_targets(await scope_of_user(found.manager),
                      [TargetInput(found.metric.id, ParticipantKind.USER, lea.id, start, start + timedelta(days=30), 10)])
    challenge = await live_challenge(found)
    julie, karim = found.sellers
    await sell(found, julie, 3)
    await PrivacyPolicy.create(organization_id=found.network.organization_id, boards_anonymous_outside_team=True)
    return found, challenge, julie, karim, lea


async def test_live_boards_and_the_kiosk_follow_the_organisations_default(live_server):
    # given the board of Nord under « anonymous outside one's own team », a kiosk link on it
    found, challenge, julie, karim, lea = await _nord_board()
    kiosk_token = await create_link(live_server.url, found.manager_token, challenge.id)
    async with (Subscription(live_server.ws_url, token=found.tokens[julie.id]) as phone,
                Subscription(live_server.ws_url, token=found.manager_token) as manager,
                Subscription(live_server.ws_url) as showroom):
        # when Julie, her manager and the showroom screen watch it live
        await phone.connect()
        await manager.connect()
        await showroom.connect({"kiosk": kiosk_token})
        await phone.subscribe(LIVE, {"id": str(challenge.id)})
        await manager.subscribe(LIVE, {"id": str(challenge.id)})
        await showroom.subscribe(KIOSK, {"token": kiosk_token})
        snapshots = board(await phone.next()), board(await manager.next()), board(await showroom.next(), "kioskLeaderboard")
        # and Léa of Arras, then Karim of Lille, sell
        await sell(found, lea, 6)
        lea_moves = board(await phone.next()), board(await manager.next()), board(await showroom.next(), "kioskLeaderboard")
        await sell(found, karim, 4)
        karim_moves = board(await phone.next()), board(await manager.next()), board(await showroom.next(), "kioskLeaderboard")
    # then Julie reads her own team's names live and not Léa's, nor her face
    assert names(snapshots[0])[0] == (1, "Julie Moreau")
    assert names(lea_moves[0]) == [(1, None)] and lea_moves[0]["rows"][0]["photoUrl"] is None
    assert lea_moves[0]["rows"][0]["unitName"] == "Arras Gare"
    assert names(karim_moves[0]) == [(2, "Karim Benali")]
    # and her manager reads every name
    assert names(lea_moves[1]) == [(1, "Léa Martin")] and names(karim_moves[1]) == [(2, "Karim Benali")]
    # and the showroom wall, nobody's team, names nobody (nor their unit)
    assert {r["displayName"] for r in snapshots[2]["rows"]} == {None}
    assert [(r["displayName"], r["unitName"]) for r in lea_moves[2]["rows"] + karim_moves[2]["rows"]] == [(None, ""), (None, "")]


async def test_a_live_board_is_told_at_once_when_a_name_must_go_or_may_come_back(live_server):
    # given Julie and her manager watching the board of Nord live
    found, challenge, julie, karim, lea = await _nord_board()
    admin, _ = await signed_in(found.network.root, Role.ADMIN, "Claire Fontaine")
    async with (Subscription(live_server.ws_url, token=found.tokens[julie.id]) as phone,
                Subscription(live_server.ws_url, token=found.manager_token) as manager):
        await phone.connect()
        await manager.connect()
        await phone.subscribe(LIVE, {"id": str(challenge.id)})
        await manager.subscribe(LIVE, {"id": str(challenge.id)})
        first = board(await phone.next()), board(await manager.next())
        # when Karim hides from boards and TV
        await set_hidden(karim, True)
        hidden = board(await phone.next()), board(await manager.next())
        # and Julie subscribes again, as the phone does on a RESET
        await phone.subscribe(LIVE, {"id": str(challenge.id)}, op_id="2")
        after_hiding = board(await phone.next())
        # and head office turns the default off
        await update_policy(await scope_of_user(admin), PolicyChange(boards_anonymous_outside_team=False))
        told = [await phone.next() for _ in range(4)]  # both of Julie's subscriptions: a RESET, then their end
        managers = [await manager.next() for _ in range(2)]  # his too: every stream was built for one audience
        await phone.subscribe(LIVE, {"id": str(challenge.id)}, op_id="3")
        fresh = board(await phone.next())
    # then every board is told to take a new snapshot, and the new one leaves Karim out
    assert [e["type"] for e in hidden] == ["RESET", "RESET"] and hidden[0]["version"] > first[0]["version"]
    assert "Karim Benali" not in [name for _, name in names(after_hiding)]
    # and once head office turned the default off, Julie reads Léa's name again
    assert sorted((m["id"], m["type"], m.get("payload", {}).get("data", {}).get("leaderboard", {}).get("type")) for m in told) == [
        ("1", "complete", None), ("1", "next", "RESET"), ("2", "complete", None), ("2", "next", "RESET")]
    assert [(m["type"], m.get("payload", {}).get("data", {}).get("leaderboard", {}).get("type")) for m in managers] == [
        ("next", "RESET"), ("complete", None)]
    assert fresh["type"] == "SNAPSHOT" and "Léa Martin" in [name for _, name in names(fresh)]


BELL = "{ notifications(first: 5) { edges { node { kind text params refs { people { name photoUrl } } } } } }"


async def _overtaken_lines(url: str, token: str) -> list[dict]:
    async with GraphQLClient(url, token=token) as client:
        edges = (await client.execute(BELL))["notifications"]["edges"]
    return [e["node"] for e in edges if e["node"]["kind"] == "RANK_OVERTAKEN"]


async def test_who_overtook_me_is_named_only_as_the_board_names_them(live_server):
    # given the board of Nord under « anonymous outside one's own team »: Julie 3, Karim 2 (Lille)
    found, challenge, julie, karim, lea = await _nord_board()
    await sell(found, karim, 2)
    lea_token = await open_session(lea)
    # when Léa of Arras passes both
    await sell(found, lea, 6)
    # then Julie and Karim are told « Un participant » passed them, without a name nor a face
    assert [(n["text"], n["refs"]["people"]) for n in await _overtaken_lines(live_server.url, found.tokens[julie.id])] == [
        ("Un participant vient de vous dépasser dans « Challenge du mois » : vous êtes 2e", [])]
    assert [n["text"] for n in await _overtaken_lines(live_server.url, found.tokens[karim.id])] == [
        "Un participant vient de vous dépasser dans « Challenge du mois » : vous êtes 3e"]
    assert "actorIds" not in (await Notification.get(user_id=julie.id, kind="RANK_OVERTAKEN")).params
    # when Julie passes Léa, then Karim passes both
    await sell(found, julie, 5)
    await sell(found, karim, 7)
    # then Léa never reads a name of Lille
    lea_lines = await _overtaken_lines(live_server.url, lea_token)
    assert [n["refs"]["people"] for n in lea_lines] == [[]]
    assert "Julie" not in lea_lines[0]["text"] and "Karim" not in lea_lines[0]["text"]
    # and Julie reads her teammate Karim's name, as on the board
    assert [(n["text"], n["refs"]["people"]) for n in await _overtaken_lines(live_server.url, found.tokens[julie.id])] == [
        ("Karim Benali et une autre personne viennent de vous dépasser dans « Challenge du mois » : vous êtes 2e",
         [{"name": "Karim Benali", "photoUrl": None}])]


async def test_without_the_default_who_overtook_me_is_named(live_server):
    found, challenge, julie, karim, lea = await _nord_board()
    await PrivacyPolicy.filter(organization_id=found.network.organization_id).update(boards_anonymous_outside_team=False)
    await sell(found, lea, 6)
    assert [n["text"] for n in await _overtaken_lines(live_server.url, found.tokens[julie.id])] == [
        "Léa Martin vient de vous dépasser dans « Challenge du mois » : vous êtes 2e"]
