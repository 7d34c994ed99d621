"""Two server processes on PostgreSQL + Redis: a session ended through one instance closes the
sockets another instance holds for it, within a second."""

from __future__ import annotations

import asyncio

import pytest

from server.accounts.models import Role
from tests.accounts.documents import DEACTIVATE_PERSON, LOGOUT, NOTIFICATIONS
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient, Subscription
from tests.multi_instance import server_process

pytestmark = pytest.mark.postgres_redis

SESSION_ENDED = 4401, "Session ended"


async def socket_on(ws_url: str, token: str) -> Subscription:
    socket = Subscription(ws_url, token=token)
    assert (await socket.connect())["type"] == "connection_ack"
    await socket.subscribe(NOTIFICATIONS)
    assert (await socket.next())["payload"]["data"]["notifications"]["type"] == "SNAPSHOT"
    return socket


async def test_a_logout_through_one_instance_closes_the_socket_another_holds_within_a_second(live_server):
    # given a seller whose phone keeps a socket on the first instance
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    socket = await socket_on(live_server.ws_url, token)
    try:
        async with server_process(live_server) as other_url:
            # when the phone's session is ended through the second instance
            async with GraphQLClient(other_url, token=token) as phone:
                assert (await phone.execute(LOGOUT))["logout"]["ok"] is True
                ended_at = asyncio.get_running_loop().time()
            # then the first instance closes the socket within a second
            code, reason, received = await socket.closed_by_server(timeout=1)
            assert asyncio.get_running_loop().time() - ended_at < 1
    finally:
        await socket.close()
    assert (code, reason) == SESSION_ENDED
    assert received == []


async def test_a_deactivation_through_one_instance_closes_the_persons_sockets_on_every_instance(live_server):
    # given a seller with a socket on each instance
    network = await make_network()
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    seller, seller_token = await signed_in(network.points_of_sale["Arras"])
    async with server_process(live_server) as other_url:
        other_ws = other_url.replace("http://", "ws://") + "/graphql"
        sockets = [await socket_on(live_server.ws_url, seller_token), await socket_on(other_ws, seller_token)]
        try:
            # when head office deactivates her through the second instance
            async with GraphQLClient(other_url, token=admin_token) as admin:
                result = (await admin.execute(DEACTIVATE_PERSON, {"personId": str(seller.id)}))["deactivatePerson"]
            assert result["__typename"] == "DeactivatePersonSuccess"
            # then both sockets close within a second
            closes = await asyncio.gather(*(s.closed_by_server(timeout=1) for s in sockets))
        finally:
            for socket in sockets:
                await socket.close()
    assert [(code, reason) for code, reason, _ in closes] == [SESSION_ENDED, SESSION_ENDED]

