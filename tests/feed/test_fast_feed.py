"""The feed's hot path (schema.feed.fast) answers exactly what the normal execution does."""

from __future__ import annotations

import pytest

from schema.feed import fast
from server.accounts.models import Role, User
from server.feed import comments, recommendations, services
from server.feed.models import PostAudience
from server.feed.system_posts import create_system_post
from server.media.services import store_image
from server.network.scope import scope_of_user
from tests.factories import make_network, make_user, signed_in
from tests.feed.documents import FEED as FULL_FEED
from tests.feed.test_query_count import _jpeg
from tests.graphql_client import GraphQLClient

ALIASED = """
query Aliased($n: Int = 3) {
  page: feed(first: $n) {
    __typename
    pinned { ...Card }
    edges { cursor node { ...Card ... on Post { kind } } }
    pageInfo { endCursor hasNextPage }
  }
}
fragment Card on Post { __typename key: id body author { initials unit { city } } images { feedUrl } }
"""
WITH_COMMENTS = "query { feed(first: 2) { edges { node { id comments { edges { node { id } } } } } } }"


def test_only_plain_feed_documents_take_the_hot_path():
    assert fast.compiled_for(FULL_FEED, None) is not None
    assert fast.compiled_for(ALIASED, None) is not None
    assert fast.compiled_for(WITH_COMMENTS, None) is None
    assert fast.compiled_for("query { feed(first: 2, order: TOP_OF_WEEK) { edges { cursor } } }", None) is None
    assert fast.compiled_for("query { feed(first: 2) { edges { cursor @include(if: true) } } }", None) is None
    assert fast.compiled_for("query { feed(first: 2) { nope } }", None) is None


async def _data_of(client: GraphQLClient, query: str, variables: dict, slow: bool, monkeypatch) -> dict:  # type: ignore[type-arg]
    projected = []
    if slow:
        monkeypatch.setattr(fast, "compiled_for", lambda *a: None)
    else:
        original = fast.project
        monkeypatch.setattr(fast, "project", lambda *a: projected.append(1) or original(*a))
    try:
        data = (await client.raw(query, variables)).json()
    finally:
        monkeypatch.undo()
    assert bool(projected) is not slow  # the hot path really answered (or really didn't)
    return data


@pytest.mark.postgres_redis
@pytest.mark.parametrize("role", [Role.MEMBER, Role.MANAGER])
async def test_the_hot_path_and_strawberry_agree(live_server, monkeypatch, role):
    # given a network with every kind of content
    network = await make_network()
    unit = network.points_of_sale["Lille"] if role == Role.MEMBER else network.regions["Nord"]
    viewer, token = await signed_in(unit, role)
    manager = await make_user(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    authors = [await make_user(u) for u in network.points_of_sale.values()]
    for n in range(12):
        author = authors[n % 3]
        images = [(await store_image(author, _jpeg())).id] if n % 4 == 0 else []
        kind = services.PostKind.BEST_PRACTICE if n % 3 == 0 else services.PostKind.WIN
        audience = [PostAudience.NETWORK, PostAudience.REGION, PostAudience.UNIT][n % 3]
        post = await services.create_post(
            await scope_of_user(author),
            services.NewPost(
                kind=kind,
                content=services.PostContent(body=f"Publication {n} #tag{n % 2}", figure="3", context="c"),
                audience=audience,
                image_ids=images,
            ),
        )
        if n % 2:
            await services.like_post(await scope_of_user(viewer), post.id) if n % 3 != 2 else None
            await comments.add_comment(await scope_of_user(author), post.id, "Bravo")
        if kind == services.PostKind.BEST_PRACTICE and n > 3:
            await recommendations.recommend_post(await scope_of_user(manager), post.id, [network.points_of_sale["Lille"].id], 5)
    # and automatic posts naming people (one of them since renamed), a badge and a challenge
    await create_system_post(authors[0], "BADGE_AWARDED", {"userId": authors[0].id, "badge": "Closer", "byId": manager.id})
    await create_system_post(manager, "CHALLENGE_PODIUM", {"challengeId": 0, "challenge": "Printemps", "podium": [
        {"rank": 1, "userId": authors[1].id}, {"rank": 2, "hidden": True}, {"rank": 3, "name": "Lyon Est"}]})
    await User.filter(id=authors[1].id).update(display_name="Nom Changé")
    async with GraphQLClient(live_server.url, token=token, **{"Accept-Language": "en"}) as client:
        for query, variables in ((FULL_FEED, {"first": 5}), (ALIASED, {}), (FULL_FEED, {"first": 50})):
            slow = await _data_of(client, query, variables, True, monkeypatch)
            quick = await _data_of(client, query, variables, False, monkeypatch)
            assert "errors" not in slow
            assert quick == slow
            # and on the next page
            page = slow["data"].get("feed") or slow["data"]["page"]
            if page["pageInfo"]["hasNextPage"]:
                more = {**variables, "after": page["pageInfo"]["endCursor"]}
                if query is FULL_FEED:
                    assert await _data_of(client, query, more, False, monkeypatch) == await _data_of(
                        client, query, more, True, monkeypatch
                    )


def test_the_pwas_feed_document_is_the_benchmarked_one_and_takes_the_hot_path():
    import re
    from pathlib import Path

    from graphql import parse, print_ast

    from bench.feed import FEED as BENCH_FEED

    # the document the PWA sends, as GraphQL Code Generator wrote it (the build only strips its whitespace)
    generated = (Path(__file__).resolve().parents[2] / "pwa/src/graphql/feed.generated.ts").read_text()
    found = re.search(r"export const FeedDocument = new TypedDocumentString\(`(.*?)`", generated, re.S)
    assert found
    pwa_document = found.group(1)

    def squash(text: str) -> str:
        return " ".join(text.split())

    assert print_ast(parse(pwa_document)) == print_ast(parse(BENCH_FEED))
    assert fast.compiled_for(pwa_document, "Feed") is not None
    assert fast.compiled_for(squash(pwa_document), "Feed") is not None


def test_oversized_documents_are_left_to_the_normal_limits():
    many_fields = "query { feed(first: 2) { edges { node { " + "id " * 5000 + "} } } }"
    many_aliases = "query { feed(first: 2) { edges { node { " + " ".join(f"a{n}: id" for n in range(40)) + " } } } }"
    assert fast.compiled_for(many_fields, None) is None
    assert fast.compiled_for(many_aliases, None) is None
