"""The notification centre: grouped likes, unread count, mark read, live delivery."""

from __future__ import annotations

from tests.factories import make_network, signed_in
from tests.feed.test_feed import LIKE, post_as
from tests.graphql_client import GraphQLClient, Subscription

NOTIFICATIONS = """
{ notifications(first: 10) { unreadCount edges { node { id kind text link count read actorNames } } } }
"""
MARK_ALL = "mutation { markNotificationsRead { unreadCount } }"
LIVE = "subscription { notifications { version type unreadCount notification { text count } } }"


async def test_likes_fold_into_one_line_per_post(live_server):
    # given a post by Julie
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    async with GraphQLClient(live_server.url, token=author_token) as author:
        post_id = (await post_as(author, "Objectif du mois atteint"))["post"]["id"]
        await author.execute(LIKE, {"id": post_id})  # liking one's own post tells nobody
        # when five colleagues like it
        names = ["Thomas Petit", "Léa Roux", "Hugo Faure", "Inès Blanc", "Karim Benali"]
        for name in names:
            _, token = await signed_in(network.points_of_sale["Arras"], name=name)
            async with GraphQLClient(live_server.url, token=token) as fan:
                await fan.execute(LIKE, {"id": post_id})
        # then Julie has one line saying so
        centre = (await author.execute(NOTIFICATIONS))["notifications"]
        assert centre["unreadCount"] == 1
        [line] = [e["node"] for e in centre["edges"]]
        assert line["kind"] == "POST_LIKED" and line["count"] == 5
        assert line["text"] == "Karim Benali et 4 autres aiment votre publication"
        assert line["link"] == f"/posts/{post_id}"
        assert line["actorNames"] == ["Karim Benali", "Inès Blanc", "Hugo Faure"]
        # and reading it clears the count; the next like starts a new line
        assert (await author.execute(MARK_ALL))["markNotificationsRead"]["unreadCount"] == 0
        _, token = await signed_in(network.points_of_sale["Bordeaux"], name="Sophie Girard")
        async with GraphQLClient(live_server.url, token=token) as fan:
            await fan.execute(LIKE, {"id": post_id})
        centre = (await author.execute(NOTIFICATIONS))["notifications"]
        assert centre["unreadCount"] == 1
        assert centre["edges"][0]["node"]["text"] == "Sophie Girard aime votre publication"


async def test_notifications_arrive_live_in_english_for_english_readers(live_server):
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"])
    _, fan_token = await signed_in(network.points_of_sale["Arras"], name="Lucas Martin")
    async with GraphQLClient(live_server.url, token=author_token) as author:
        post_id = (await post_as(author, "Flotte de 8 utilitaires signée"))["post"]["id"]
    async with Subscription(live_server.ws_url, token=author_token) as socket:
        await socket.connect()
        await socket.subscribe(LIVE)
        # the subscription starts with the count as it is: from then on, nothing is missed
        snapshot = (await socket.next())["payload"]["data"]["notifications"]
        assert snapshot["type"] == "SNAPSHOT" and snapshot["unreadCount"] == 0 and snapshot["notification"] is None
        async with GraphQLClient(live_server.url, token=fan_token) as fan:
            await fan.execute(LIKE, {"id": post_id})
        event = (await socket.next())["payload"]["data"]["notifications"]
    assert event["type"] == "NOTIFICATION" and event["unreadCount"] == 1
    assert event["notification"]["text"] == "Lucas Martin aime votre publication"
    async with GraphQLClient(live_server.url, token=author_token, **{"Accept-Language": "en"}) as reader:
        centre = (await reader.execute(NOTIFICATIONS))["notifications"]
    assert centre["edges"][0]["node"]["text"] == "Lucas Martin likes your post"
