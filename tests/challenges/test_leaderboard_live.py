"""The leaderboard subscription: a snapshot, then the rows that changed, shared by subscribers."""

from __future__ import annotations

import asyncio

import pytest

from tests.challenges.given import arena, live_challenge, sell
from tests.challenges.test_record_result import RECORD, variables
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient, Subscription
from tests.multi_instance import server_process

LEADERBOARD = """
subscription Board($id: ID!) {
  leaderboard(challengeId: $id) {
    type version league
    rows { participantId rank previousRank displayName score }
  }
}
"""


def event(message):
    assert message["type"] == "next", message
    return message["payload"]["data"]["leaderboard"]


async def test_a_subscriber_gets_a_snapshot_then_the_rows_that_moved(live_server):
    # given a seller watching the leaderboard, third of three
    found = await arena(sellers=3, names=["Julie Moreau", "Thomas Petit", "Camille Roux"])
    challenge = await live_challenge(found)
    julie, thomas, camille = found.sellers
    await sell(found, thomas, 4)
    await sell(found, camille, 3)
    async with Subscription(live_server.ws_url, token=found.tokens[julie.id]) as socket:
        assert (await socket.connect())["type"] == "connection_ack"
        await socket.subscribe(LEADERBOARD, {"id": str(challenge.id)})
        snapshot = event(await socket.next())
        # when her manager records her sales
        async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
            await manager.execute(RECORD, variables(found, julie, 5, "live-order-0001"))
        change = event(await socket.next())
    # then
    assert snapshot["type"] == "SNAPSHOT"
    assert [r["displayName"] for r in snapshot["rows"]] == ["Thomas Petit", "Camille Roux", "Julie Moreau"]
    assert change["type"] == "ROWS" and change["version"] == snapshot["version"] + 1
    assert [(r["displayName"], r["previousRank"], r["rank"], r["score"]) for r in change["rows"]] == [
        ("Julie Moreau", 3, 1, 50.0)]


async def test_subscribers_of_the_same_document_share_one_execution(live_server):
    from schema.fanout import HUB

    found = await arena(sellers=2)
    challenge = await live_challenge(found)
    sockets = [Subscription(live_server.ws_url, token=found.tokens[s.id]) for s in found.sellers]
    try:
        for op, socket in enumerate(sockets):
            await socket.connect()
            await socket.subscribe(LEADERBOARD, {"id": str(challenge.id)}, op_id=f"op{op}")
            assert event(await socket.next())["type"] == "SNAPSHOT"
        streams = [s for key, s in HUB.streams.items() if f'"{challenge.id}"' in key[1]]
        assert len(streams) == 1 and len(streams[0].subscribers) == 2
        await sell(found, found.sellers[1], 2)
        received = [await socket.next() for socket in sockets]
    finally:
        for socket in sockets:
            await socket.close()
    assert [m["id"] for m in received] == ["op0", "op1"]
    assert received[0]["payload"] == received[1]["payload"]
    await asyncio.sleep(0.2)
    assert not [s for key, s in HUB.streams.items() if f'"{challenge.id}"' in key[1]]


async def test_someone_of_another_organisation_gets_an_error_not_the_board(live_server):
    found = await arena(sellers=1)
    challenge = await live_challenge(found)
    stranger_network = await make_network()
    _, stranger = await signed_in(stranger_network.points_of_sale["Lille"])
    async with Subscription(live_server.ws_url, token=stranger) as socket:
        await socket.connect()
        await socket.subscribe(LEADERBOARD, {"id": str(challenge.id)})
        message = await socket.next()
        await sell(found, found.sellers[0], 1)
        follow = await socket.next()
    assert message["type"] == "next" and message["payload"]["data"] is None
    assert message["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert follow["type"] == "complete"


@pytest.mark.postgres_redis
async def test_a_result_recorded_through_another_process_reaches_the_subscriber(live_server):
    # given a subscriber on this server, and a manager on a second server process
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    challenge = await live_challenge(found)
    async with server_process(live_server) as other_url:
        async with Subscription(live_server.ws_url, token=found.tokens[found.sellers[0].id]) as socket:
            await socket.connect()
            await socket.subscribe(LEADERBOARD, {"id": str(challenge.id)})
            snapshot = event(await socket.next())
            # when the result goes through the other process
            async with GraphQLClient(other_url, token=found.manager_token) as manager:
                reply = await manager.execute(RECORD, variables(found, found.sellers[1], 3, "other-process-1"))
            change = event(await socket.next(timeout=10))
    assert reply["recordResult"]["__typename"] == "RecordResultSuccess"
    assert snapshot["type"] == "SNAPSHOT" and len(snapshot["rows"]) == 2
    assert change["version"] == snapshot["version"] + 1
    assert [(r["displayName"], r["rank"]) for r in change["rows"]] == [("Thomas Petit", 1)]
