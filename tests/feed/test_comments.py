"""Comments: counts, notifications, edits, idempotency and the live thread."""

from __future__ import annotations

import asyncio
import uuid

from server.feed.models import Comment
from tests.factories import make_network, signed_in
from tests.feed.documents import (
    ADD_COMMENT,
    EDIT_COMMENT,
    FEED_EVENTS,
    NOTIFICATIONS,
    POST,
    create,
)
from tests.graphql_client import GraphQLClient, Subscription


async def test_comments_are_counted_paged_and_notify_the_author(live_server):
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"])
    _, julie_token = await signed_in(network.points_of_sale["Arras"], name="Julie Moreau")
    _, hugo_token = await signed_in(network.points_of_sale["Arras"], name="Hugo Petit")
    async with GraphQLClient(live_server.url, token=author_token) as author:
        post = (await create(author, "BEST_PRACTICE", "Relance à J+2"))["post"]
        for token, text in ((julie_token, "Je teste demain"), (hugo_token, "Top"), (julie_token, "Ça marche !")):
            async with GraphQLClient(live_server.url, token=token) as commenter:
                await commenter.execute(ADD_COMMENT, {"input": {"postId": post["id"], "body": text}})
        first = (await author.execute(POST, {"id": post["id"], "first": 2}))["post"]
        rest = (
            await author.execute(
                POST, {"id": post["id"], "first": 2, "after": first["comments"]["pageInfo"]["endCursor"]}
            )
        )["post"]["comments"]
        notes = (await author.execute(NOTIFICATIONS))["notifications"]["edges"]
    assert first["commentCount"] == 3
    assert [e["node"]["body"] for e in first["comments"]["edges"]] == ["Je teste demain", "Top"]
    assert [e["node"]["body"] for e in rest["edges"]] == ["Ça marche !"]
    assert first["comments"]["pageInfo"]["hasNextPage"] and not rest["pageInfo"]["hasNextPage"]
    # comments on one post fold into one line, like likes do
    assert len(notes) == 1 and notes[0]["node"]["kind"] == "POST_COMMENTED"
    assert notes[0]["node"]["text"].startswith("Julie Moreau")


async def test_the_same_comment_key_twice_adds_one_comment(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    key = uuid.uuid4().hex
    async with GraphQLClient(live_server.url, token=token) as seller:
        post = (await create(seller, body="Vente"))["post"]
        variables = {"input": {"postId": post["id"], "body": "Envoyé hors ligne", "idempotencyKey": key}}
        results = await asyncio.gather(*(seller.execute(ADD_COMMENT, variables) for _ in range(3)))
        again = await seller.execute(POST, {"id": post["id"]})
    ids = {r["addComment"]["comment"]["id"] for r in results}
    assert len(ids) == 1
    assert again["post"]["commentCount"] == 1
    assert await Comment.filter(post_id=int(post["id"])).count() == 1


async def test_authors_edit_their_comments_and_the_post_page_sees_it_live(live_server):
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"])
    _, other_token = await signed_in(network.points_of_sale["Lille"], name="Inès Garnier")
    async with GraphQLClient(live_server.url, token=author_token) as author:
        post = (await create(author, body="Nouvelle vitrine"))["post"]
        unrelated = (await create(author, body="Autre chose"))["post"]
    async with Subscription(live_server.ws_url, token=author_token) as page:
        await page.connect()
        await page.subscribe(FEED_EVENTS, {"postId": post["id"]})
        await asyncio.sleep(0.2)
        async with GraphQLClient(live_server.url, token=other_token) as other:
            await other.execute(ADD_COMMENT, {"input": {"postId": unrelated["id"], "body": "Ailleurs"}})
            added = (await other.execute(ADD_COMMENT, {"input": {"postId": post["id"], "body": "Superbe"}}))["addComment"]
            edited = await other.execute(EDIT_COMMENT, {"id": added["comment"]["id"], "body": "Superbe vitrine"})
            async with GraphQLClient(live_server.url, token=author_token) as author:
                refused = await author.execute(EDIT_COMMENT, {"id": added["comment"]["id"], "body": "x"})
        live = [(await page.next())["payload"]["data"]["feedEvents"] for _ in range(2)]
    assert edited["editComment"]["comment"]["body"] == "Superbe vitrine"
    assert refused["editComment"]["code"] == "not_allowed"
    assert [(e["type"], e["comment"]["body"]) for e in live] == [
        ("COMMENT_ADDED", "Superbe"),
        ("COMMENT_EDITED", "Superbe vitrine"),
    ]
    assert live[0]["comment"]["author"]["displayName"] == "Inès Garnier"
