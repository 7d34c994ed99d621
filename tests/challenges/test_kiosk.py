"""Kiosk links: a showroom screen opens one challenge's TV board with a token alone, sees only
what the challenge lets public screens show, and stops the moment the link is revoked."""

from __future__ import annotations

import json

import websockets

from server.audit.models import AuditEntry
from server.challenges.models import Visibility
from server.challenges.privacy import set_hidden
from tests.challenges.given import arena, live_challenge, sell
from tests.graphql_client import GraphQLClient, Subscription

CREATE = """mutation($id: ID!, $label: String!) { createKioskLink(challengeId: $id, label: $label) {
  __typename ... on CreateKioskLinkSuccess { url link { id label revokedAt } } ... on UserError { code } } }"""
REVOKE = """mutation($id: ID!) { revokeKioskLink(linkId: $id) {
  __typename ... on RevokeKioskLinkSuccess { link { revokedAt } } ... on UserError { code } } }"""
LINKS = "query($id: ID!) { kioskLinks(challengeId: $id) { label revokedAt } }"
BOARD = "query($token: String!) { kioskBoard(token: $token) { name organizationName format leagues visibility topN } }"
LIVE = """subscription($token: String!) { kioskLeaderboard(token: $token) {
  type version rows { rank displayName unitName score } } }"""
NAMES = ["Inès Martin", "Hugo Bernard", "Chloé Dubois", "Nathan Leroy"]


async def create_link(url: str, token: str, challenge_id: int, label: str = "Écran du showroom de Lille") -> str:
    async with GraphQLClient(url, token=token) as manager:
        data = await manager.execute(CREATE, {"id": str(challenge_id), "label": label})
    created = data["createKioskLink"]
    assert created["__typename"] == "CreateKioskLinkSuccess", created
    return created["url"].rsplit("/kiosk/", 1)[1]


async def test_a_kiosk_link_shows_the_board_without_a_session_and_hides_who_must_be(live_server):
    # given a live challenge naming only its top 2, where Hugo (2nd) hides from public screens
    found = await arena(sellers=4, names=NAMES)
    challenge = await live_challenge(found, name="Challenge du showroom", visibility=Visibility.TOP_AND_AROUND, top_n=2)
    for seller, value in zip(found.sellers, (6, 5, 4, 3), strict=True):
        await sell(found, seller, value)
    await set_hidden(found.sellers[1], True)
    # when the manager creates a kiosk link and a screen opens it with no one signed in
    token = await create_link(live_server.url, found.manager_token, challenge.id)
    async with GraphQLClient(live_server.url) as screen:
        board = (await screen.execute(BOARD, {"token": token}))["kioskBoard"]
    async with Subscription(live_server.ws_url) as socket:
        assert (await socket.connect({"kiosk": token}))["type"] == "connection_ack"
        await socket.subscribe(LIVE, {"token": token})
        snapshot = (await socket.next())["payload"]["data"]["kioskLeaderboard"]
    # then it reads the challenge, and the board names Inès only: Hugo is hidden, the others are past the top 2
    assert board == {"name": "Challenge du showroom", "organizationName": board["organizationName"], "format": "RANKING",
                     "leagues": [""], "visibility": "TOP_AND_AROUND", "topN": 2}
    rows = [(r["rank"], r["displayName"], r["unitName"], r["score"]) for r in snapshot["rows"]]
    assert rows == [(1, "Inès Martin", "Lille Centre", 60.0), (2, None, "", 50.0), (3, None, "", 40.0), (4, None, "", 30.0)]
    # and the creation is in the organisation's audit log
    entry = await AuditEntry.get(action="kiosk.created", actor_id=found.manager.id)
    assert (entry.actor_id, entry.detail["challenge_id"], entry.detail["label"]) == (
        found.manager.id, challenge.id, "Écran du showroom de Lille")


async def test_a_kiosk_board_follows_results_live(live_server):
    # given a screen on the board
    found = await arena(sellers=2, names=NAMES)
    challenge = await live_challenge(found)
    token = await create_link(live_server.url, found.manager_token, challenge.id)
    async with Subscription(live_server.ws_url) as socket:
        await socket.connect({"kiosk": token})
        await socket.subscribe(LIVE, {"token": token})
        snapshot = (await socket.next())["payload"]["data"]["kioskLeaderboard"]
        # when a sale is recorded
        await sell(found, found.sellers[1], 4)
        change = (await socket.next())["payload"]["data"]["kioskLeaderboard"]
    # then the screen gets the move
    assert change["type"] == "ROWS" and change["version"] > snapshot["version"]
    assert [(r["rank"], r["displayName"], r["score"]) for r in change["rows"]] == [(1, "Hugo Bernard", 40.0)]


async def test_a_revoked_link_stops_the_screen_at_once_and_opens_nothing_after(live_server):
    # given a screen following the board
    found = await arena(sellers=2, names=NAMES)
    challenge = await live_challenge(found)
    token = await create_link(live_server.url, found.manager_token, challenge.id)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        before = await manager.execute(LINKS, {"id": str(challenge.id)})
    async with Subscription(live_server.ws_url) as socket:
        await socket.connect({"kiosk": token})
        await socket.subscribe(LIVE, {"token": token})
        await socket.next()
        # when the manager revokes the link
        async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
            listed = await manager.execute("query($id: ID!) { kioskLinks(challengeId: $id) { id } }", {"id": str(challenge.id)})
            revoked = await manager.execute(REVOKE, {"id": listed["kioskLinks"][0]["id"]})
        # then the screen's board ends
        assert revoked["revokeKioskLink"]["__typename"] == "RevokeKioskLinkSuccess"
        assert (await socket.next())["type"] == "complete"
    assert before["kioskLinks"] == [{"label": "Écran du showroom de Lille", "revokedAt": None}]
    # and the link opens nothing any more, over HTTP or a socket
    async with GraphQLClient(live_server.url) as screen:
        errors = await screen.errors(BOARD, {"token": token})
    assert errors[0]["extensions"]["code"] == "NOT_FOUND"
    async with Subscription(live_server.ws_url) as socket:
        code, _, _ = await _refused(socket, token)
    assert code == 4401
    assert await AuditEntry.filter(action="kiosk.revoked", actor_id=found.manager.id).exists()


async def _refused(socket: Subscription, token: str) -> tuple[int, str, list]:
    socket.socket = await websockets.connect(socket.ws_url, subprotocols=["graphql-transport-ws"])
    await socket.socket.send(json.dumps({"type": "connection_init", "payload": {"kiosk": token}}))
    return await socket.closed_by_server()


async def test_a_kiosk_socket_reads_its_one_board_and_nothing_else(live_server):
    # given a kiosk link to one challenge, and another challenge of the same region
    found = await arena(sellers=2, names=NAMES)
    challenge = await live_challenge(found)
    other = await live_challenge(found, name="Autre challenge")
    token = await create_link(live_server.url, found.manager_token, challenge.id)
    async with Subscription(live_server.ws_url) as socket:
        await socket.connect({"kiosk": token})
        # when it asks for another board, or anything but its own
        await socket.subscribe("subscription($id: ID!) { leaderboard(challengeId: $id) { type } }", {"id": str(other.id)})
        refused = await socket.next()
        await socket.subscribe("subscription { notifications { __typename } }", op_id="2")
        also_refused = await socket.next()
    # then it is refused: the link reads one board, read-only
    assert refused["type"] == "error" and also_refused["type"] == "error"
    # and with no session, nothing else answers over HTTP either
    async with GraphQLClient(live_server.url) as screen:
        errors = await screen.errors("query($id: ID!) { challenge(id: $id) { name } }", {"id": str(challenge.id)})
    assert errors and errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_member_may_not_make_a_kiosk_link_nor_for_a_duel(live_server):
    # given a seller
    found = await arena(sellers=2, names=NAMES)
    challenge = await live_challenge(found)
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[0].id]) as seller:
        data = await seller.execute(CREATE, {"id": str(challenge.id), "label": "Mon écran"})
    assert data["createKioskLink"]["__typename"] in {"NotAllowedError", "NotFoundError"}
    # and a manager must name the screen
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        data = await manager.execute(CREATE, {"id": str(challenge.id), "label": " "})
    assert data["createKioskLink"] == {"__typename": "ValidationError", "code": "kiosk_label_required"}
