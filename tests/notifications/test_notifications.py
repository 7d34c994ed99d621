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


PAGE = """
query Page($after: String) {
  notifications(first: 2, after: $after) {
    edges { node { id kind count } } pageInfo { hasNextPage endCursor }
  }
}
"""


async def test_a_line_a_new_like_folds_into_comes_back_to_the_top_and_pages_follow_that_order(live_server):
    # given three posts by Julie, each liked once, the first one earliest
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    fans = [(await signed_in(network.points_of_sale["Arras"], name=name))[1] for name in ("Thomas Petit", "Léa Roux")]
    async with GraphQLClient(live_server.url, token=author_token) as author:
        posts = [(await post_as(author, f"Vente n°{n}"))["post"]["id"] for n in range(3)]
        async with GraphQLClient(live_server.url, token=fans[0]) as fan:
            for post_id in posts:
                await fan.execute(LIKE, {"id": post_id})
        # when a colleague likes the first post, the line still unread
        async with GraphQLClient(live_server.url, token=fans[1]) as fan:
            await fan.execute(LIKE, {"id": posts[0]})
        # then that line is first again, as the live event showed it, and the pages of two follow
        # that order: each line once, none missing
        seen: list[tuple[str, int]] = []
        after = None
        while True:
            page = (await author.execute(PAGE, {"after": after}))["notifications"]
            seen += [(e["node"]["id"], e["node"]["count"]) for e in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        lines = {e: c for e, c in seen}
        assert len(seen) == len(lines) == 3
        assert seen[0][1] == 2 and [c for _, c in seen[1:]] == [1, 1]
        # the other two newest first: the third post's line before the second's
        assert int(seen[1][0]) > int(seen[2][0])
        # and a cursor forged or from another list is refused with a typed error
        for forged in ("bm90LWEtY3Vyc29y", cursor_of("notification:12"), cursor_of("post:1.2")):
            errors = await author.errors(PAGE, {"after": forged})
            assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "reason": "cursor_invalid"}


def cursor_of(text: str) -> str:
    import base64

    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
