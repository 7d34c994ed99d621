"""The live feed shared among sockets (schema.fanout.FeedHub): subscribers of the same
document share one execution per event and per distinct answer, and each still gets only
what its own audience, post and filter let it see, numbered in its own sequence, with its own
`viewerIsAuthor` / `viewerCanModerate`. Real sockets against the real server."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import schema.fanout
from server.accounts.models import Role
from tests.factories import make_network, signed_in
from tests.feed.documents import FEED_EVENTS as POST_EVENTS
from tests.feed.documents import create
from tests.feed.test_feed import LIKE
from tests.graphql_client import GraphQLClient, Subscription
from tests.pwa_documents import pwa_documents

FEED_EVENTS = next(d.query for d in pwa_documents() if d.name == "FeedEvents")
NOTIFICATIONS = next(d.query for d in pwa_documents() if d.name == "NotificationEvents")


async def _listening(url: str, token: str, variables: dict[str, Any] | None = None,
                     document: str = FEED_EVENTS) -> Subscription:
    socket = Subscription(url, token=token)
    assert (await socket.connect())["type"] == "connection_ack"
    await socket.subscribe(document, variables or {})
    return socket


def _event(message: dict[str, Any]) -> dict[str, Any]:
    assert message["type"] == "next", message
    return message["payload"]["data"]["feedEvents"]  # type: ignore[no-any-return]


@pytest.fixture
def executions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    counted: list[int] = []
    execute = schema.fanout.ChannelStream._execute

    async def counting(self: Any, follower: Any, message: dict[str, Any]) -> list[str]:
        counted.append(int(message["version"]))
        return await execute(self, follower, message)

    monkeypatch.setattr(schema.fanout.ChannelStream, "_execute", counting)
    return counted


async def test_a_region_post_reaches_its_region_once_executed_per_answer_and_never_another_region(
    live_server, executions
):
    # given the PWA's live feed open on seven phones: the author in Lille, a colleague in Lille,
    # two sellers of Arras (Nord), the Nord manager, a seller of Bordeaux (Sud-Ouest), and a
    # seller of another organisation
    network = await make_network()
    other = await make_network()
    _, author = await signed_in(network.points_of_sale["Lille"], name="Nadia Benali")
    _, lille = await signed_in(network.points_of_sale["Lille"])
    _, arras_1 = await signed_in(network.points_of_sale["Arras"])
    _, arras_2 = await signed_in(network.points_of_sale["Arras"])
    _, manager = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, bordeaux = await signed_in(network.points_of_sale["Bordeaux"])
    _, stranger = await signed_in(other.points_of_sale["Lille"])
    tokens = [author, lille, arras_1, arras_2, manager, bordeaux, stranger]
    phones = [await _listening(live_server.ws_url, t) for t in tokens]
    try:
        await asyncio.sleep(0.2)
        # when the author posts to its region, then to the whole network
        async with GraphQLClient(live_server.url, token=author) as client:
            secret = (await create(client, body="Entre nordistes", audience="REGION"))["post"]
            await asyncio.sleep(0.3)
            shared_once = list(executions)
            public = (await create(client, body="Pour tous"))["post"]
        # then the five phones of Nord get the region post, each with its own rights
        nord = [_event(await p.next()) for p in phones[:5]]
        assert {e["postId"] for e in nord} == {secret["id"]}
        assert [e["post"]["viewerIsAuthor"] for e in nord] == [True, False, False, False, False]
        assert [e["post"]["viewerCanModerate"] for e in nord] == [False, False, False, False, True]
        assert all(e["version"] == 1 and e["post"]["body"] == "Entre nordistes" for e in nord)
        # executed once per distinct answer (author, members, manager), not once per phone
        assert len(shared_once) == 3, shared_once
        # Bordeaux never hears of it: its first event is the public post, numbered 1
        first = _event(await phones[5].next())
        assert (first["postId"], first["version"]) == (public["id"], 1)
        assert await phones[5].nothing_within(0.3)
        # the other organisation hears nothing at all
        assert await phones[6].nothing_within(0.3)
        # and Nord gets the public post next, numbered 2
        assert [_event(await p.next())["postId"] for p in phones[:5]] == [public["id"]] * 5
    finally:
        for phone in phones:
            await phone.close()


async def test_a_filtered_or_single_post_subscription_keeps_its_own_rule(live_server, executions):
    # given, in Arras, the live feed filtered on « Mon équipe », one on a Lille post the
    # seller may read, and the Bordeaux seller asking for a Nord-only post
    network = await make_network()
    _, author = await signed_in(network.points_of_sale["Lille"])
    _, arras = await signed_in(network.points_of_sale["Arras"])
    _, arras_colleague = await signed_in(network.points_of_sale["Arras"])
    _, bordeaux = await signed_in(network.points_of_sale["Bordeaux"])
    async with GraphQLClient(live_server.url, token=author) as client:
        secret = (await create(client, body="Entre nordistes", audience="REGION"))["post"]
    team = await _listening(live_server.ws_url, arras, {"filter": {"within": "UNIT"}})
    everything = await _listening(live_server.ws_url, arras)
    refused = await _listening(live_server.ws_url, bordeaux, {"postId": secret["id"]}, POST_EVENTS)
    try:
        # the post the Bordeaux seller may not read is refused as the `post` query would
        message = await refused.next()
        assert message["type"] == "next" and message["payload"]["data"] is None, message
        assert message["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        await asyncio.sleep(0.2)
        # when Lille posts to everyone, then an Arras colleague posts
        async with GraphQLClient(live_server.url, token=author) as client:
            lille_post = (await create(client, body="De Lille"))["post"]
        async with GraphQLClient(live_server.url, token=arras_colleague) as client:
            arras_post = (await create(client, body="D'Arras"))["post"]
        # then the unfiltered feed gets both, the team feed only Arras's, each numbered 1, 2 / 1…
        got = [_event(await everything.next()) for _ in range(2)]
        assert [(e["postId"], e["version"]) for e in got] == [(lille_post["id"], 1), (arras_post["id"], 2)]
        team_event = _event(await team.next())
        assert team_event["postId"] == arras_post["id"]
        assert await team.nothing_within(0.3)
    finally:
        for socket in (team, everything, refused):
            await socket.close()


async def test_a_persons_sockets_share_their_notifications_and_nobody_else_gets_them(live_server, executions):
    # given Julie's phone and laptop, and a colleague's phone, on the live notifications
    network = await make_network()
    _, julie = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    _, colleague = await signed_in(network.points_of_sale["Lille"])
    _, fan = await signed_in(network.points_of_sale["Arras"], name="Lucas Martin")
    async with GraphQLClient(live_server.url, token=julie) as client:
        post_id = (await create(client, body="Flotte de 8 utilitaires signée"))["post"]["id"]
    sockets = [await _listening(live_server.ws_url, t, document=NOTIFICATIONS) for t in (julie, julie, colleague)]
    try:
        # each starts with its own snapshot
        for socket in sockets:
            snapshot = (await socket.next())["payload"]["data"]["notifications"]
            assert (snapshot["type"], snapshot["version"], snapshot["unreadCount"]) == ("SNAPSHOT", 0, 0)
        # when Lucas likes Julie's post
        async with GraphQLClient(live_server.url, token=fan) as client:
            await client.execute(LIKE, {"id": post_id})
        # then both of Julie's sockets hear it, from one execution, and the colleague nothing
        heard = [(await s.next())["payload"]["data"]["notifications"] for s in sockets[:2]]
        assert heard[0] == heard[1]
        assert heard[0]["type"] == "NOTIFICATION" and heard[0]["unreadCount"] == 1
        assert heard[0]["notification"]["text"] == "Lucas Martin aime votre publication"
        assert await sockets[2].nothing_within(0.5)
        assert len(executions) == 1, executions
    finally:
        for socket in sockets:
            await socket.close()


async def test_a_document_that_cannot_run_gets_the_schemas_own_error(live_server):
    # given a seller's socket
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    socket = await _listening(live_server.ws_url, token, document="subscription { feedEvents { version secret } }")
    try:
        # then the validation error, as for any document, and not a shared stream
        message = await socket.next()
        assert message["type"] == "error", message
        assert message["payload"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
        assert not schema.fanout.CHANNEL_HUB.streams
    finally:
        await socket.close()
