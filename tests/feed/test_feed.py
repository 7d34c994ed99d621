"""Posting, paging and liking through the API."""

from __future__ import annotations

import asyncio
import uuid

from server.accounts.models import Role
from server.feed.models import Like, Post
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient

CREATE_POST = """
mutation Create($input: CreatePostInput!) {
  createPost(input: $input) {
    __typename
    ... on CreatePostSuccess { post { id kind body likeCount likedByMe author { displayName unit { name } } } }
    ... on UserError { code message }
  }
}
"""
FEED = """
query Feed($first: Int!, $after: String) {
  feed(first: $first, after: $after) {
    edges { cursor node { id body likeCount likedByMe } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
LIKE = """
mutation Like($id: ID!) { likePost(postId: $id) { __typename ... on LikePostSuccess { post { id likeCount likedByMe } } ... on UserError { code message } } }
"""
UNLIKE = """
mutation Unlike($id: ID!) { unlikePost(postId: $id) { __typename ... on LikePostSuccess { post { id likeCount likedByMe } } } }
"""


async def post_as(client: GraphQLClient, body: str, kind: str = "WIN", key: str | None = None) -> dict:
    result = await client.execute(CREATE_POST, {"input": {"kind": kind, "body": body, "idempotencyKey": key}})
    return result["createPost"]


async def test_a_seller_posts_a_win_and_a_best_practice(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"], name="Camille Durand")
    async with GraphQLClient(live_server.url, token=token) as seller:
        win = await post_as(seller, "  Trois e-City livrées aujourd'hui !  ")
        practice = await post_as(seller, "Contexte : …\nCe que nous avons fait : …", kind="BEST_PRACTICE")
    assert win["__typename"] == "CreatePostSuccess"
    assert win["post"]["body"] == "Trois e-City livrées aujourd'hui !"
    assert win["post"]["author"] == {"displayName": "Camille Durand", "unit": {"name": "Lille Centre"}}
    assert practice["post"]["kind"] == "BEST_PRACTICE"


async def test_bad_posts_get_typed_errors_and_store_nothing(live_server):
    network = await make_network()
    seller, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as client:
        empty = await post_as(client, "   ")
        too_long = await post_as(client, "x" * 2001)
        announcement = await post_as(client, "Réunion lundi", kind="ANNOUNCEMENT")
        system = await post_as(client, "Badge", kind="SYSTEM")
    assert (empty["__typename"], empty["code"]) == ("ValidationError", "post_body_required")
    assert too_long["code"] == "post_body_too_long" and "2000" in too_long["message"]
    assert announcement["code"] == "post_kind_not_allowed"
    assert system["code"] == "post_kind_not_allowed"
    assert await Post.filter(author_id=seller.id).count() == 0


async def test_managers_may_announce(live_server):
    network = await make_network()
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=token) as manager:
        result = await post_as(manager, "Challenge de printemps lancé lundi !", kind="ANNOUNCEMENT")
    assert result["post"]["kind"] == "ANNOUNCEMENT"


async def test_the_same_idempotency_key_twice_creates_one_post(live_server):
    network = await make_network()
    seller, token = await signed_in(network.points_of_sale["Arras"])
    key = uuid.uuid4().hex
    async with GraphQLClient(live_server.url, token=token) as client:
        first, second = await asyncio.gather(
            post_as(client, "Vente flotte signée", key=key), post_as(client, "Vente flotte signée", key=key)
        )
        third = await post_as(client, "Vente flotte signée", key=key)
    assert first["post"]["id"] == second["post"]["id"] == third["post"]["id"]
    assert await Post.filter(author_id=seller.id).count() == 1


async def test_feed_pages_are_stable_when_new_posts_arrive(live_server):
    # given 7 posts
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as client:
        for n in range(7):
            await post_as(client, f"Réussite {n}")
        # when reading 3 by 3 while someone posts between pages
        first = (await client.execute(FEED, {"first": 3}))["feed"]
        await post_as(client, "Réussite arrivée entre deux pages")
        second = (await client.execute(FEED, {"first": 3, "after": first["pageInfo"]["endCursor"]}))["feed"]
        third = (await client.execute(FEED, {"first": 3, "after": second["pageInfo"]["endCursor"]}))["feed"]
    # then nothing is repeated or skipped, newest first
    bodies = [e["node"]["body"] for page in (first, second, third) for e in page["edges"]]
    assert bodies == [f"Réussite {n}" for n in range(6, -1, -1)]
    assert first["pageInfo"]["hasNextPage"] and second["pageInfo"]["hasNextPage"]
    assert not third["pageInfo"]["hasNextPage"]


async def test_feed_rejects_bad_paging_and_requires_sign_in(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as client:
        assert (await client.errors(FEED, {"first": 500}))[0]["message"].startswith("La taille de page")
        garbage = (await client.errors(FEED, {"first": 5, "after": "garbage!"}))[0]["extensions"]
        assert garbage == {"code": "BAD_USER_INPUT", "reason": "cursor_invalid"}
    async with GraphQLClient(live_server.url) as anonymous:
        errors = await anonymous.errors(FEED, {"first": 5})
        assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_feed_never_shows_another_organisation(live_server):
    ours, theirs = await make_network(), await make_network()
    _, our_token = await signed_in(ours.points_of_sale["Lille"])
    _, their_token = await signed_in(theirs.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=their_token) as them:
        secret = (await post_as(them, "Notre stratégie prix"))["post"]["id"]
    async with GraphQLClient(live_server.url, token=our_token) as us:
        page = (await us.execute(FEED, {"first": 50}))["feed"]
        assert secret not in [e["node"]["id"] for e in page["edges"]]
        assert (await us.execute("query P($id: ID!) { post(id: $id) { id } }", {"id": secret}))["post"] is None
        liked = (await us.execute(LIKE, {"id": secret}))["likePost"]
        assert liked["__typename"] == "NotFoundError"
    assert await Like.filter(post_id=int(secret)).count() == 0


async def test_like_and_unlike_are_idempotent(live_server):
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"])
    _, fan_token = await signed_in(network.points_of_sale["Arras"])
    async with GraphQLClient(live_server.url, token=author_token) as author:
        post_id = (await post_as(author, "Objectif atteint"))["post"]["id"]
    async with GraphQLClient(live_server.url, token=fan_token) as fan:
        once = (await fan.execute(LIKE, {"id": post_id}))["likePost"]["post"]
        twice = (await fan.execute(LIKE, {"id": post_id}))["likePost"]["post"]
        assert once == twice == {"id": post_id, "likeCount": 1, "likedByMe": True}
        page = (await fan.execute(FEED, {"first": 1}))["feed"]["edges"][0]["node"]
        assert page["likedByMe"] is True
        gone = (await fan.execute(UNLIKE, {"id": post_id}))["unlikePost"]["post"]
        again = (await fan.execute(UNLIKE, {"id": post_id}))["unlikePost"]["post"]
        assert gone == again == {"id": post_id, "likeCount": 0, "likedByMe": False}


async def test_fifty_concurrent_likes_count_exactly_fifty(live_server):
    # given a post and 50 colleagues, each with a session
    network = await make_network()
    author, author_token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=author_token) as client:
        post_id = (await post_as(client, "Record de financements"))["post"]["id"]
    tokens = [
        (await signed_in(network.points_of_sale["Arras"]))[1] for _ in range(50)
    ]
    clients = [GraphQLClient(live_server.url, token=t) for t in tokens]
    try:
        # when all like at once (and each twice, to mix in the idempotent path)
        results = await asyncio.gather(
            *[c.execute(LIKE, {"id": post_id}) for c in clients for _ in range(2)]
        )
    finally:
        await asyncio.gather(*[c.http.aclose() for c in clients])
    # then
    assert all(r["likePost"]["__typename"] == "LikePostSuccess" for r in results)
    post = await Post.get(id=int(post_id))
    assert post.like_count == 50
    assert await Like.filter(post_id=post.id).count() == 50


async def test_requests_over_one_megabyte_are_refused(live_server):
    network = await make_network()
    user = await make_user(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url) as client:
        response = await client.http.post(
            "/graphql",
            content=b'{"query":"{ me { email } }","variables":{"x":"' + b"a" * 1_100_000 + b'"}}',
            headers={"content-type": "application/json"},
        )
        assert response.status_code == 413
        assert user.email  # the server is still serving
        assert (await client.raw("{ me { email } }")).status_code == 200
