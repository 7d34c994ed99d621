"""A post is only ever visible inside its audience and its organisation: over HTTP and live."""

from __future__ import annotations

import asyncio

from server.accounts.models import Role
from tests.factories import make_network, signed_in
from tests.feed.documents import ADD_COMMENT, FEED, FEED_EVENTS, LIKE, POST, bodies, create
from tests.graphql_client import GraphQLClient, Subscription


async def test_a_region_post_is_invisible_to_another_region_and_organisation(live_server):
    # given Lille and Arras in Nord, Bordeaux in Sud-Ouest, and another organisation
    network = await make_network()
    other = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"])
    _, arras_token = await signed_in(network.points_of_sale["Arras"])
    _, bordeaux_token = await signed_in(network.points_of_sale["Bordeaux"])
    _, nord_manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    _, stranger_token = await signed_in(other.points_of_sale["Lille"], Role.ADMIN)
    # when Lille posts to its region, to its point of sale, and to everyone
    async with GraphQLClient(live_server.url, token=author_token) as author:
        region = (await create(author, body="Pour le Nord", audience="REGION"))["post"]
        unit = (await create(author, body="Pour Lille", audience="UNIT"))["post"]
        await create(author, body="Pour tout le réseau")

    async def seen(token: str) -> tuple[list[str], bool, bool]:
        async with GraphQLClient(live_server.url, token=token) as reader:
            feed = (await reader.execute(FEED, {"first": 10}))["feed"]
            by_id = await reader.execute(POST, {"id": region["id"]})
            liked = await reader.execute(LIKE, {"id": unit["id"]})
        return bodies(feed), by_id["post"] is not None, liked["likePost"]["__typename"] == "LikePostSuccess"

    # then
    assert await seen(author_token) == (["Pour tout le réseau", "Pour Lille", "Pour le Nord"], True, True)
    assert await seen(arras_token) == (["Pour tout le réseau", "Pour le Nord"], True, False)
    assert await seen(bordeaux_token) == (["Pour tout le réseau"], False, False)
    # managers above the audience see what their people share
    assert await seen(nord_manager_token) == (["Pour tout le réseau", "Pour Lille", "Pour le Nord"], True, True)
    assert (await seen(admin_token))[0] == ["Pour tout le réseau", "Pour Lille", "Pour le Nord"]
    assert await seen(stranger_token) == ([], False, False)


async def test_subscribers_only_receive_events_of_their_audience(live_server):
    network = await make_network()
    other = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"])
    _, arras_token = await signed_in(network.points_of_sale["Arras"])
    _, bordeaux_token = await signed_in(network.points_of_sale["Bordeaux"])
    _, stranger_token = await signed_in(other.points_of_sale["Lille"])
    async with Subscription(live_server.ws_url, token=arras_token) as arras, Subscription(
        live_server.ws_url, token=bordeaux_token
    ) as bordeaux, Subscription(live_server.ws_url, token=stranger_token) as stranger:
        for socket in (arras, bordeaux, stranger):
            assert (await socket.connect())["type"] == "connection_ack"
            await socket.subscribe(FEED_EVENTS)
        await asyncio.sleep(0.2)
        async with GraphQLClient(live_server.url, token=author_token) as author:
            secret = (await create(author, body="Entre nordistes", audience="REGION"))["post"]
            await author.execute(ADD_COMMENT, {"input": {"postId": secret["id"], "body": "Bravo"}})
            await create(author, body="Pour tous")
        arras_events = [(await arras.next())["payload"]["data"]["feedEvents"] for _ in range(3)]
        bordeaux_event = (await bordeaux.next())["payload"]["data"]["feedEvents"]
        assert await bordeaux.nothing_within(0.5)
        assert await stranger.nothing_within(0.3)
    assert [(e["type"], e["postId"]) for e in arras_events] == [
        ("POST_CREATED", secret["id"]),
        ("COMMENT_ADDED", secret["id"]),
        ("POST_CREATED", arras_events[2]["postId"]),
    ]
    assert arras_events[1]["comment"]["body"] == "Bravo" and arras_events[1]["commentCount"] == 1
    # Bordeaux never hears of the Nord post, and its own numbering has no gap
    assert (bordeaux_event["type"], bordeaux_event["post"]["body"]) == ("POST_CREATED", "Pour tous")
    assert bordeaux_event["version"] == 1
    assert [e["version"] for e in arras_events] == [1, 2, 3]
