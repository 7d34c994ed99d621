"""Live feed over graphql-transport-ws against the real server."""

from __future__ import annotations

import asyncio

import pytest
import websockets

from server.accounts.models import Role
from server.db import atomic
from server.feed import services
from server.feed.models import Post, PostKind
from server.network.scope import scope_of_user
from tests.factories import make_network, signed_in
from tests.feed.test_feed import LIKE, post_as
from tests.graphql_client import GraphQLClient, Subscription

FEED_EVENTS = """
subscription { feedEvents { version type postId likeCount post { id body author { displayName } likedByMe } } }
"""


async def test_a_colleague_sees_a_new_post_and_its_likes_live(live_server):
    # given two sellers of one network, one listening
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"], name="Nadia Benali")
    _, colleague_token = await signed_in(network.points_of_sale["Arras"])
    async with Subscription(live_server.ws_url, token=colleague_token) as colleague:
        assert (await colleague.connect())["type"] == "connection_ack"
        await colleague.subscribe(FEED_EVENTS)
        await asyncio.sleep(0.2)
        # when the other posts, and the colleague likes it
        async with GraphQLClient(live_server.url, token=author_token) as author:
            post = (await post_as(author, "Contrat flotte signé !"))["post"]
        created = await colleague.next()
        async with GraphQLClient(live_server.url, token=colleague_token) as client:
            await client.execute(LIKE, {"id": post["id"]})
        liked = await colleague.next()
    # then
    assert created["type"] == "next"
    event = created["payload"]["data"]["feedEvents"]
    assert event["type"] == "POST_CREATED"
    assert event["post"] == {"id": post["id"], "body": "Contrat flotte signé !", "author": {"displayName": "Nadia Benali"}, "likedByMe": False}
    change = liked["payload"]["data"]["feedEvents"]
    assert change["type"] == "LIKE_COUNT_CHANGED" and change["likeCount"] == 1
    assert change["version"] == event["version"] + 1


async def test_the_session_cookie_authenticates_a_socket(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with Subscription(live_server.ws_url, cookie=f"elan_session={token}") as socket:
        assert (await socket.connect(init_payload={}))["type"] == "connection_ack"


async def test_authorization_header_in_the_init_payload_works(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with Subscription(live_server.ws_url) as socket:
        ack = await socket.connect(init_payload={"Authorization": f"Bearer {token}"})
        assert ack["type"] == "connection_ack"


@pytest.mark.parametrize("payload", [{}, {"token": "not-a-real-token"}])
async def test_an_unauthenticated_socket_is_closed_with_4401(live_server, payload):
    async with Subscription(live_server.ws_url) as socket:
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await socket.connect(init_payload=payload)
            await socket.next()
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401


async def test_subscribing_before_init_is_refused_and_silence_times_out(live_server):
    async with Subscription(live_server.ws_url) as socket:
        socket.socket = await websockets.connect(live_server.ws_url, subprotocols=["graphql-transport-ws"])
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await socket.next(timeout=6)
    assert closed.value.rcvd.code == 4408


async def test_a_rolled_back_change_sends_nothing(live_server):
    # given a listener
    network = await make_network()
    author, _ = await signed_in(network.points_of_sale["Lille"])
    _, listener_token = await signed_in(network.points_of_sale["Arras"])
    async with Subscription(live_server.ws_url, token=listener_token) as listener:
        await listener.connect()
        await listener.subscribe(FEED_EVENTS)
        await asyncio.sleep(0.2)
        # when a post is written but its transaction fails afterwards
        with pytest.raises(RuntimeError):
            async with atomic():
                await services.create_post(await scope_of_user(author), PostKind.WIN, "Jamais publié")
                raise RuntimeError("the rest of the change failed")
        # then nothing reached the screen and nothing was stored
        assert await listener.nothing_within(0.7)
        assert not await Post.filter(author_id=author.id).exists()
        # and a committed post right after does arrive
        await services.create_post(await scope_of_user(author), PostKind.WIN, "Publié")
        message = await listener.next()
        assert message["payload"]["data"]["feedEvents"]["post"]["body"] == "Publié"


async def test_another_organisation_hears_nothing(live_server):
    ours, theirs = await make_network(), await make_network()
    author, _ = await signed_in(ours.points_of_sale["Lille"], Role.MEMBER)
    _, their_token = await signed_in(theirs.points_of_sale["Lille"])
    async with Subscription(live_server.ws_url, token=their_token) as outsider:
        await outsider.connect()
        await outsider.subscribe(FEED_EVENTS)
        await asyncio.sleep(0.2)
        await services.create_post(await scope_of_user(author), PostKind.WIN, "Chiffres confidentiels")
        assert await outsider.nothing_within(0.7)
