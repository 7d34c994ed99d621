"""Two server processes on PostgreSQL + Redis: a post made on one reaches a subscriber on the other."""

from __future__ import annotations

import asyncio

import pytest

from tests.factories import make_network, signed_in
from tests.feed.test_feed import post_as
from tests.feed.test_feed_events import FEED_EVENTS
from tests.graphql_client import GraphQLClient, Subscription
from tests.multi_instance import server_process

pytestmark = pytest.mark.postgres_redis


async def test_a_subscriber_on_one_instance_sees_a_post_made_through_another(live_server):
    # given two processes: the test's server, and a second one
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"], name="Karim Benali")
    _, reader_token = await signed_in(network.points_of_sale["Arras"])
    async with server_process(live_server) as other_url:
        other_ws = other_url.replace("http://", "ws://") + "/graphql"
        async with Subscription(other_ws, token=reader_token) as reader:
            assert (await reader.connect())["type"] == "connection_ack"
            await reader.subscribe(FEED_EVENTS)
            await asyncio.sleep(0.3)
            # when the author posts through the first instance
            async with GraphQLClient(live_server.url, token=author_token) as author:
                post = (await post_as(author, "Vente croisée réussie"))["post"]
            # then
            message = await reader.next(timeout=5)
    event = message["payload"]["data"]["feedEvents"]
    assert event["type"] == "POST_CREATED"
    assert event["post"]["id"] == post["id"]
    assert event["post"]["author"]["displayName"] == "Karim Benali"
