"""Mentions notify people: one author may mention only so many people per window, and a post
over the limit is refused whole (no post, no notification)."""

from __future__ import annotations

from server.feed.models import Post
from server.feed.services import MENTION_RATE_LIMIT, MENTIONS_MAX
from server.notifications.models import Notification
from tests.factories import make_network, make_user, signed_in
from tests.feed.documents import create
from tests.graphql_client import GraphQLClient


async def test_mentions_are_rate_limited_per_author(live_server):
    # given a seller and ten colleagues
    network = await make_network()
    seller, token = await signed_in(network.points_of_sale["Lille"])
    colleagues = [await make_user(network.points_of_sale["Arras"]) for _ in range(MENTIONS_MAX)]
    mention_ids = [str(c.id) for c in colleagues]
    posts_allowed = MENTION_RATE_LIMIT // MENTIONS_MAX
    async with GraphQLClient(live_server.url, token=token) as author:
        # when she mentions all of them in post after post
        accepted = [
            (await create(author, body=f"Merci à vous {n}", mentionIds=mention_ids))["__typename"]
            for n in range(posts_allowed)
        ]
        refused = await create(author, body="Encore merci", mentionIds=mention_ids)
        # then the posts within the limit go out, the next is refused with a wait, and nothing
        # of it is stored
        alone = await create(author, body="Sans mention")
    assert accepted == ["CreatePostSuccess"] * posts_allowed
    assert refused["__typename"] == "RateLimitedError" and refused["code"] == "rate_limited"
    assert not await Post.filter(author_id=seller.id, body="Encore merci").exists()
    assert await Notification.filter(user_id=colleagues[0].id).count() == posts_allowed
    assert alone["__typename"] == "CreatePostSuccess"  # posting without mentions still works
