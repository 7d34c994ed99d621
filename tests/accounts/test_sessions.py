"""Sessions end: at their absolute lifetime, at logout, and everywhere at once when asked.
An ended session's sockets close at once and run nothing more."""

from __future__ import annotations

import asyncio
import contextlib
import json
from datetime import UTC, datetime, timedelta

import pytest
import websockets

from server.accounts.models import Role, Session
from server.accounts.services import open_session, token_hash
from tests.accounts.documents import LOGIN, LOGOUT, ME, NOTIFICATIONS, REVOKE_SESSIONS
from tests.factories import PASSWORD, an_address, make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient, Subscription

SESSION_ENDED = 4401, "Session ended"


async def live_socket(live_server, token: str) -> Subscription:
    """A socket with a notifications subscription running (its snapshot received)."""
    socket = Subscription(live_server.ws_url, token=token)
    assert (await socket.connect())["type"] == "connection_ack"
    await socket.subscribe(NOTIFICATIONS)
    snapshot = await socket.next()
    assert snapshot["payload"]["data"]["notifications"]["type"] == "SNAPSHOT"
    return socket


async def still_serves(socket: Subscription) -> bool:
    await socket.subscribe("query Me { me { email } }", op_id="still-there")
    answer = await socket.next()
    return answer["type"] == "next" and answer["payload"]["data"]["me"] is not None


async def test_a_session_ends_at_its_absolute_lifetime_however_active(live_server):
    # given two sessions used ten minutes ago, opened 91 and 89 days ago
    network = await make_network()
    user = await make_user(network.points_of_sale["Lille"])
    now = datetime.now(UTC)
    tokens = {}
    for days in (91, 89):
        tokens[days] = await open_session(user)
        await Session.filter(token_hash=token_hash(tokens[days])).update(
            created_at=now - timedelta(days=days),
            last_seen_at=now - timedelta(minutes=10),
            expires_at=now + timedelta(days=20),
        )
    # when each asks who it is
    async with GraphQLClient(live_server.url, token=tokens[91]) as old, GraphQLClient(live_server.url, token=tokens[89]) as recent:
        # then the one past 90 days is signed out, over HTTP and on a socket
        assert (await old.execute(ME))["me"] is None
        assert (await recent.execute(ME))["me"]["email"] == user.email
    async with Subscription(live_server.ws_url, token=tokens[91]) as socket:
        with pytest.raises(websockets.ConnectionClosed) as refused:
            await socket.connect()
    assert refused.value.rcvd is not None and refused.value.rcvd.code == 4401


async def test_using_a_session_never_extends_it_past_its_absolute_lifetime(live_server):
    # given a session opened 89½ days ago, last used two hours ago
    network = await make_network()
    user = await make_user(network.points_of_sale["Arras"])
    token = await open_session(user)
    opened = datetime.now(UTC) - timedelta(days=89, hours=12)
    await Session.filter(token_hash=token_hash(token)).update(
        created_at=opened, last_seen_at=datetime.now(UTC) - timedelta(hours=2)
    )
    # when it is used
    async with GraphQLClient(live_server.url, token=token) as phone:
        assert (await phone.execute(ME))["me"]["email"] == user.email
    # then it slides to its absolute end, not 30 days ahead
    session = await Session.get(token_hash=token_hash(token))
    assert abs(session.expires_at - (opened + timedelta(days=90))) < timedelta(seconds=1)
    assert session.last_seen_at > datetime.now(UTC) - timedelta(minutes=1)


async def test_a_new_session_expires_after_thirty_days_of_sliding(live_server):
    network = await make_network()
    user = await make_user(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        token = (await phone.execute(LOGIN, {"input": {"email": user.email, "password": PASSWORD}}))["login"]["token"]
    session = await Session.get(token_hash=token_hash(token))
    assert abs(session.expires_at - session.created_at - timedelta(days=30)) < timedelta(seconds=1)


async def test_while_many_phones_ask_each_is_answered_as_itself_and_a_signed_out_session_at_once_refused(live_server):
    # given twelve people whose phones keep asking who they are (session reads always in flight)
    network = await make_network()
    people = [await signed_in(network.points_of_sale["Lille"]) for _ in range(12)]
    stop = asyncio.Event()
    answered: list[int] = []

    async def keeps_asking(user, token) -> None:
        async with GraphQLClient(live_server.url, token=token) as phone:
            while not stop.is_set():
                assert (await phone.execute(ME))["me"]["email"] == user.email
                answered.append(user.id)

    busy = [asyncio.create_task(keeps_asking(user, token)) for user, token in people]
    try:
        someone = await make_user(network.points_of_sale["Arras"])
        for _ in range(5):
            # when someone signs out in the middle of them, then asks again from several tabs at once
            # (another tab of theirs asking all the while, so that their own reads are in flight too)
            token = await open_session(someone)
            signed_out = asyncio.Event()
            async with GraphQLClient(live_server.url, token=token) as tab, GraphQLClient(live_server.url, token=token) as other:

                async def other_tab(other: GraphQLClient, signed_out: asyncio.Event) -> None:
                    while not signed_out.is_set():
                        await other.execute(ME)

                asking = asyncio.create_task(other_tab(other, signed_out))
                assert (await tab.execute(ME))["me"]["email"] == someone.email
                assert (await tab.execute(LOGOUT))["logout"]["ok"] is True
                after = await asyncio.gather(*(tab.execute(ME) for _ in range(8)))
                signed_out.set()
                await asking
            # then every question asked after the sign-out is refused
            assert [a["me"] for a in after] == [None] * 8
    finally:
        stop.set()
        await asyncio.gather(*busy)
    # and the others were answered as themselves all along
    assert {user.id for user, _ in people} <= set(answered)


async def test_logout_closes_that_sessions_socket_at_once_and_only_that_one(live_server):
    # given a person signed in on a phone and a tablet, each with a live socket
    network = await make_network()
    user, phone_token = await signed_in(network.points_of_sale["Lille"])
    tablet_token = await open_session(user)
    phone_socket = await live_socket(live_server, phone_token)
    tablet_socket = await live_socket(live_server, tablet_token)
    try:
        # when the phone signs out
        async with GraphQLClient(live_server.url, token=phone_token) as phone:
            assert (await phone.execute(LOGOUT))["logout"]["ok"] is True
        # a query sent right after on the phone's socket is not run (if it can be sent at all)
        with contextlib.suppress(websockets.ConnectionClosed):
            await phone_socket.socket.send(json.dumps({"id": "late", "type": "subscribe", "payload": {"query": "{ me { email } }"}}))
        # then the phone's socket closes, having sent nothing more
        code, reason, received = await phone_socket.closed_by_server(timeout=1)
        assert (code, reason) == SESSION_ENDED
        assert received == []
        # and the tablet's socket still serves
        assert await still_serves(tablet_socket)
    finally:
        await phone_socket.close()
        await tablet_socket.close()


async def test_sign_out_everywhere_ends_every_session_and_closes_every_socket(live_server):
    # given a person with two devices, both with live sockets
    network = await make_network()
    user, phone_token = await signed_in(network.points_of_sale["Bordeaux"])
    tablet_token = await open_session(user)
    sockets = [await live_socket(live_server, t) for t in (phone_token, tablet_token)]
    try:
        # when they sign out of all devices from the phone
        async with GraphQLClient(live_server.url, token=phone_token) as phone:
            response = await phone.raw(REVOKE_SESSIONS)
        # then both sessions ended, this one included, and the cookie is cleared
        result = response.json()["data"]["revokeSessions"]
        assert result == {"__typename": "RevokeSessionsSuccess", "sessionsEnded": 2, "signedOut": True}
        assert "elan_session=" in response.headers["set-cookie"]
        for socket in sockets:
            code, reason, _ = await socket.closed_by_server(timeout=1)
            assert (code, reason) == SESSION_ENDED
        for token in (phone_token, tablet_token):
            async with GraphQLClient(live_server.url, token=token) as device:
                assert (await device.execute(ME))["me"] is None
    finally:
        for socket in sockets:
            await socket.close()
    # and signing in again afterwards works, with a socket that stays open
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        token = (await phone.execute(LOGIN, {"input": {"email": user.email, "password": PASSWORD}}))["login"]["token"]
    fresh = await live_socket(live_server, token)
    try:
        assert await still_serves(fresh)
    finally:
        await fresh.close()


async def test_a_manager_signs_out_someone_of_their_subtree_and_no_one_else(live_server):
    # given a regional manager of Nord, a seller of Lille with a live socket, and others around
    network = await make_network()
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, seller_token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    far_seller, far_token = await signed_in(network.points_of_sale["Bordeaux"], name="Inès Roux")
    admin_below, admin_token = await signed_in(network.points_of_sale["Arras"], Role.ADMIN)
    _, member_token = await signed_in(network.points_of_sale["Lille"])
    stranger, stranger_token = await signed_in((await make_network()).points_of_sale["Lille"])
    seller_socket = await live_socket(live_server, seller_token)
    try:
        async with GraphQLClient(live_server.url, token=manager_token) as manager:
            # when the manager signs the seller out
            done = (await manager.execute(REVOKE_SESSIONS, {"personId": str(seller.id)}))["revokeSessions"]
            # then the seller's sessions ended and their socket closed; the manager stays in
            assert done == {"__typename": "RevokeSessionsSuccess", "sessionsEnded": 1, "signedOut": False}
            code, _, _ = await seller_socket.closed_by_server(timeout=1)
            assert code == 4401
            assert (await manager.execute(ME))["me"] is not None
            # and they may not do it outside their subtree, above their role, or elsewhere
            far = (await manager.execute(REVOKE_SESSIONS, {"personId": str(far_seller.id)}))["revokeSessions"]
            assert far == {
                "__typename": "NotAllowedError",
                "code": "person_out_of_scope",
                "message": "Inès Roux ne fait pas partie de votre périmètre.",
            }
            above = (await manager.execute(REVOKE_SESSIONS, {"personId": str(admin_below.id)}))["revokeSessions"]
            assert (above["__typename"], above["code"]) == ("NotAllowedError", "person_role_too_high")
            foreign = (await manager.execute(REVOKE_SESSIONS, {"personId": str(stranger.id)}))["revokeSessions"]
            assert (foreign["__typename"], foreign["code"]) == ("NotFoundError", "person_not_found")
        # nor may a seller sign out a colleague
        async with GraphQLClient(live_server.url, token=member_token) as member:
            refused = (await member.execute(REVOKE_SESSIONS, {"personId": str(far_seller.id)}))["revokeSessions"]
            assert refused["__typename"] == "NotAllowedError"
    finally:
        await seller_socket.close()
    # the refused ones are still signed in
    for token in (far_token, admin_token, stranger_token):
        async with GraphQLClient(live_server.url, token=token) as device:
            assert (await device.execute(ME))["me"] is not None


async def test_signing_out_everywhere_needs_a_session(live_server):
    async with GraphQLClient(live_server.url) as anonymous:
        errors = await anonymous.errors(REVOKE_SESSIONS)
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
