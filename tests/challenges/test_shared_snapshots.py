"""A reconnect storm: phones joining a leaderboard together share its snapshot (schema.fanout),
and each one's right to see it is still checked."""

from __future__ import annotations

import asyncio
from typing import Any

import websockets

import schema.fanout
from tests.challenges.given import arena, live_challenge, sell
from tests.challenges.test_leaderboard_live import LEADERBOARD, event
from tests.factories import signed_in
from tests.graphql_client import Subscription


async def _joined(url: str, token: str, challenge_id: int) -> tuple[Subscription, dict[str, Any]]:
    socket = Subscription(url, token=token)
    await socket.__aenter__()
    assert (await socket.connect())["type"] == "connection_ack"
    await socket.subscribe(LEADERBOARD, {"id": str(challenge_id)})
    return socket, await socket.next()


async def test_thirty_phones_joining_together_share_one_snapshot(live_server, monkeypatch):
    # given a live challenge of 30 sellers, and a count of the document's executions
    found = await arena(sellers=30)
    challenge = await live_challenge(found)
    await sell(found, found.sellers[3], 5)
    executions = []
    execute = schema.fanout._execute

    async def counted(*args: Any) -> Any:
        executions.append(1)
        return await execute(*args)

    monkeypatch.setattr(schema.fanout, "_execute", counted)
    # when the 30 phones come back at once
    joined = await asyncio.gather(*(_joined(live_server.ws_url, found.tokens[s.id], challenge.id) for s in found.sellers))
    try:
        snapshots = [event(message) for _, message in joined]
        # then each has the same snapshot, read once for the stream and at most once more
        assert all(s == snapshots[0] for s in snapshots) and snapshots[0]["type"] == "SNAPSHOT"
        assert snapshots[0]["rows"][0]["score"] == 50.0
        assert len(executions) <= 3, len(executions)
        # and every one of them gets the next change
        await sell(found, found.sellers[7], 9)
        changes = [event(await socket.next()) for socket, _ in joined]
        assert all(c["type"] == "ROWS" and c["version"] == snapshots[0]["version"] + 1 for c in changes)
        # and a phone joining after the change gets a snapshot that has it
        late, message = await _joined(live_server.ws_url, found.tokens[found.sellers[0].id], challenge.id)
        await late.__aexit__(None, None, None)
        assert event(message)["version"] == changes[0]["version"]
        assert event(message)["rows"][0]["score"] == 90.0
    finally:
        for socket, _ in joined:
            await socket.__aexit__(None, None, None)


async def test_a_phone_that_may_not_see_the_board_gets_an_error_while_others_share_it(live_server):
    # given Nord's challenge watched by its sellers
    found = await arena(sellers=3)
    challenge = await live_challenge(found)
    joined = [await _joined(live_server.ws_url, found.tokens[s.id], challenge.id) for s in found.sellers]
    try:
        assert all(event(m)["type"] == "SNAPSHOT" for _, m in joined)
        # when a seller of Sud-Ouest asks for it
        _, outsider = await signed_in(found.network.points_of_sale["Bordeaux"])
        socket, message = await _joined(live_server.ws_url, outsider, challenge.id)
        await socket.__aexit__(None, None, None)
    finally:
        for joined_socket, _ in joined:
            await joined_socket.__aexit__(None, None, None)
    # then the resolver's own error, not the board
    assert message["type"] == "next" and message["payload"]["data"] is None
    assert message["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_sockets_opening_together_are_each_recognised_by_their_own_session(live_server, monkeypatch):
    # given 30 sellers signed in, one of whom has since logged out, and a count of the lookups
    import server.accounts.sessions as sessions

    found = await arena(sellers=30)
    gone = found.sellers[5]
    await sessions.logout(found.tokens[gone.id])
    statements: list[int] = []
    read = sessions._session_rows

    async def counted(hashes: list[str], now: Any) -> Any:
        statements.append(len(hashes))
        return await read(hashes, now)

    monkeypatch.setattr(sessions, "_session_rows", counted)

    async def opened(token: str) -> tuple[dict[str, Any], Subscription]:
        socket = Subscription(live_server.ws_url, token=token)
        try:
            return await socket.connect(), socket
        except websockets.ConnectionClosed as closed:
            assert closed.rcvd is not None
            return {"closed": closed.rcvd.code}, socket

    # when their 30 phones open their sockets at once (a restart)
    answers = await asyncio.gather(*(opened(found.tokens[s.id]) for s in found.sellers))
    try:
        # then each live session is acknowledged, and the ended one is refused
        for seller, (message, _) in zip(found.sellers, answers, strict=True):
            if seller is gone:
                assert message == {"closed": 4401}
            else:
                assert message["type"] == "connection_ack", message
        # with fewer statements than sockets: lookups arriving together are read together
        assert sum(statements) == 30 and len(statements) < 30, statements
    finally:
        for _, socket in answers:
            await socket.close()
