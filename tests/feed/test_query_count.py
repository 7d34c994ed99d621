"""The feed costs the same number of SQL statements whatever the page size."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from server.accounts.models import Role
from server.feed import comments, recommendations, services
from server.media.services import store_image
from server.network.scope import scope_of_user
from tests.factories import make_network, make_user, signed_in
from tests.feed.documents import FEED as CARD_FEED
from tests.graphql_client import GraphQLClient
from tests.query_count import counting_queries as count_queries

# the cards plus the authors' badges (through the badges domain's per-request loader)
FEED = CARD_FEED.replace(
    "author { id displayName unit { name } }",
    "author { id displayName unit { name } awards { badge { name } } }",
)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(out, "JPEG")
    return out.getvalue()


async def test_the_feed_runs_a_constant_number_of_queries(live_server, monkeypatch):
    # given 60 posts by several people, with photos, tags, likes, comments, recommendations
    network = await make_network()
    viewer, token = await signed_in(network.points_of_sale["Lille"])
    manager = await make_user(network.regions["Nord"], Role.MANAGER)
    authors = [await make_user(unit) for unit in network.points_of_sale.values()]
    for n in range(60):
        author = authors[n % len(authors)]
        images = [(await store_image(author, _jpeg())).id] if n % 3 == 0 else []
        kind = services.PostKind.BEST_PRACTICE if n % 5 == 0 else services.PostKind.WIN
        new = services.NewPost(
            kind=kind, content=services.PostContent(body=f"Réussite {n} #financement #n{n}"), image_ids=images
        )
        post = await services.create_post(await scope_of_user(author), new)
        if n % 2 == 0:
            await services.like_post(await scope_of_user(viewer), post.id)
        if n % 4 == 0:
            await comments.add_comment(await scope_of_user(viewer), post.id, "Bravo")
        if kind == services.PostKind.BEST_PRACTICE and n < 20:
            await recommendations.recommend_post(await scope_of_user(manager), post.id, [network.points_of_sale["Lille"].id], 7)
    # (the authors' badges come from a loader: strawberry executes this document, not a plan)
    counts = {}
    async with GraphQLClient(live_server.url, token=token) as client:
        await client.execute(FEED, {"first": 5})  # warm-up (parser and validation caches)
        for size in (5, 20, 50):
            with count_queries() as statements:
                feed = (await client.execute(FEED, {"first": size}))["feed"]
            assert len(feed["edges"]) == size
            counts[size] = len(statements)
    # then
    assert counts[5] == counts[20] == counts[50], counts
    # the session, the page, the pinned posts, the authors' badges
    assert counts[5] == 4, counts


@pytest.mark.parametrize("size", [5, 50])
async def test_the_comment_page_is_one_query(live_server, size):
    network = await make_network()
    viewer, token = await signed_in(network.points_of_sale["Lille"])
    post = await services.create_post(await scope_of_user(viewer), services.PostKind.WIN, "Vente")
    for n in range(size):
        await comments.add_comment(await scope_of_user(viewer), post.id, f"Commentaire {n}")
    query = "query($id: ID!, $n: Int!) { post(id: $id) { comments(first: $n) { edges { node { id body author { displayName unit { name } } } } } } }"
    async with GraphQLClient(live_server.url, token=token) as client:
        await client.execute(query, {"id": str(post.id), "n": size})
        with count_queries() as statements:
            data = await client.execute(query, {"id": str(post.id), "n": size})
    assert len(data["post"]["comments"]["edges"]) == size
    assert 1 <= len(statements) <= 8, statements
