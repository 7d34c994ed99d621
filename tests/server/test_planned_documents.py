"""Planned execution (schema.plan) answers exactly what strawberry's execution does, for every
document the PWA sends that a plan covers, with its filters, orders and pages, for a member,
a manager and an admin, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import contextlib
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from graphql import OperationType
from PIL import Image

import schema.http
from schema import schema as elan_schema
from schema.documents import parse_document
from schema.plan import Unplannable, compile_plan, plan_for
from server.accounts.models import Role
from server.challenges.lifecycle import ChallengeDraft, create_challenge
from server.challenges.models import Metric, ParticipantKind
from server.challenges.results import ResultInput, record_result
from server.feed import comments, recommendations, services
from server.feed.errors import PostNotFound
from server.feed.models import Post, PostAudience
from server.feed.system_posts import create_system_post
from server.media.services import store_image
from server.network.scope import scope_of_user
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from tests.factories import deferred_work_done, make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.pwa_documents import PwaDocument, pwa_documents


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def _planned(document: PwaDocument) -> bool:
    """A query a plan covers (the planned subscriptions have their own tests, over WebSocket)."""
    parsed = parse_document(document.query)
    if any(getattr(d, "operation", None) == OperationType.SUBSCRIPTION for d in parsed.document.definitions):
        return False
    try:
        compile_plan(elan_schema, parsed.document, document.name)
    except (Unplannable, KeyError):
        return False
    return True


def _feed_variables(ids: dict[str, str]) -> list[dict[str, Any]]:
    first = [{"first": 20}, {"first": 5}, {"first": 50}]
    filters: list[dict[str, Any]] = [
        {"kind": "WIN"},
        {"kind": "BEST_PRACTICE"},
        {"within": "UNIT"},
        {"within": "REGION"},
        {"within": "NETWORK"},
        {"unitId": ids["nord"]},
        {"unitId": ids["lille"], "within": "REGION"},
        {"unitId": ids["bordeaux"], "within": "UNIT"},
        {"tag": "#Relance"},
        {"tag": "x" * 60},
        {"authorId": ids["author"]},
        {"recommendedForMe": True},
        {"kind": "WIN", "within": "REGION", "tag": "tag1"},
    ]
    return [
        *first,
        *({"first": 4, "filter": f} for f in filters),
        {"first": 4, "order": "TOP_OF_WEEK"},
        {"first": 3, "order": "TOP_OF_WEEK", "filter": {"kind": "BEST_PRACTICE"}},
        {"first": 4, "order": "NEWEST", "filter": None},
    ]


# the variables each planned document is run with (every page after the first is followed too)
def _variables(name: str, ids: dict[str, str]) -> list[dict[str, Any]]:
    if name == "Feed":
        return _feed_variables(ids)
    if name == "Notifications":
        return [{"first": 20}, {"first": 3}]
    if name in ("Challenge", "ChallengeRules"):
        return [{"id": ids["challenge"]}, {"id": ids["elsewhere"]}]
    return [{}]


async def _world() -> tuple[dict[Role, str], dict[str, str]]:
    network = await make_network()
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    manager = await make_user(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    authors = [await make_user(u, name=f"Auteur {n}") for n, u in enumerate(network.points_of_sale.values())]
    member, member_token = await signed_in(lille, Role.MEMBER)
    viewer = (await make_user(lille, name="Lina Petit"))
    head, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    admin, admin_token = await signed_in(network.root, Role.ADMIN)
    for person in (member, head, admin):
        for n in range(7):
            kind = [NotificationKind.POST_COMMENTED, NotificationKind.BADGE_RECEIVED, NotificationKind.MENTIONED][n % 3]
            await notify(person.id, kind, params={"name": f"Collègue {n}", "badge": "Top vendeur"},
                         actor=authors[n % len(authors)], link=f"/posts/{n}", push=False)
    for n in range(30):
        author = authors[n % len(authors)]
        images = [(await store_image(author, _jpeg())).id] if n % 5 == 0 else []
        kind = services.PostKind.BEST_PRACTICE if n % 3 == 0 else services.PostKind.WIN
        audience = [PostAudience.NETWORK, PostAudience.REGION, PostAudience.UNIT][n % 3]
        post = await services.create_post(
            await scope_of_user(author),
            services.NewPost(
                kind=kind,
                content=services.PostContent(
                    body=f"Publication {n} #tag{n % 2} #relance", figure="3 contrats", context="c", product="Flotte"
                ),
                audience=audience,
                image_ids=images,
            ),
        )
        if n % 2:
            with contextlib.suppress(PostNotFound):  # (a unit's post, elsewhere)
                await services.like_post(await scope_of_user(viewer), post.id)
            await comments.add_comment(await scope_of_user(author), post.id, "Bravo")
        if n % 7 == 0:
            await Post.filter(id=post.id).update(like_count=n)  # a varied week's top
        if kind == services.PostKind.BEST_PRACTICE and n > 10:
            await recommendations.recommend_post(await scope_of_user(manager), post.id, [lille.id], 5)
    # system posts: their body is written in the reader's language, names from the per-request loader
    for author in authors[:2]:
        await create_system_post(author, "BADGE_AWARDED", {"userId": author.id, "badge": "Première vente", "emoji": "🏅"})
    # a live challenge over Nord with results (cards, my standing, the rows around me), and one
    # over Sud-Ouest that the member and Nord's manager do not see
    metric = await Metric.create(organization_id=network.organization_id, name="Véhicules neufs vendus", unit_label="véh.")
    live = []
    for region in ("Nord", "Sud-Ouest"):
        live.append(await create_challenge(await scope_of_user(admin), ChallengeDraft(
            name=f"Challenge {region}", starts_at=datetime.now(UTC) - timedelta(days=1),
            ends_at=datetime.now(UTC) + timedelta(days=10), metrics=[(metric.id, 1.0)],
            scope_unit_id=network.regions[region].id,
        )))
    for n, seller in enumerate([member, viewer, *authors]):
        await record_result(await scope_of_user(admin), ResultInput(
            metric.id, ParticipantKind.USER, seller.id, float(n % 3 + 1), datetime.now(UTC), f"planned-{seller.id}", None))
    await deferred_work_done()
    tokens = {Role.MEMBER: member_token, Role.MANAGER: manager_token, Role.ADMIN: admin_token}
    ids = {
        "nord": str(network.regions["Nord"].id),
        "lille": str(lille.id),
        "arras": str(arras.id),
        "bordeaux": str(network.points_of_sale["Bordeaux"].id),
        "author": str(authors[0].id),
        "challenge": str(live[0].id),
        "elsewhere": str(live[1].id),
    }
    return tokens, ids


def test_the_pwa_documents_a_plan_covers_include_the_feed():
    planned = {d.name for d in pwa_documents() if _planned(d)}
    assert {"Feed", "Me", "Notifications", "Challenges", "Challenge"} <= planned, planned


async def _ask(client: GraphQLClient, document: PwaDocument, variables: dict[str, Any]) -> Any:
    payload = {"query": document.query, "variables": variables, "operationName": document.name}
    return (await client.http.post("/graphql", json=payload, headers=client.headers)).json()


async def _both_ways(client: GraphQLClient, document: PwaDocument, variables: dict[str, Any], monkeypatch) -> dict:  # type: ignore[type-arg]
    answered: list[bool] = []
    run = schema.http.run_plan

    async def counted(*args: Any) -> Any:
        body = await run(*args)
        answered.append(body is not None)
        return body

    with monkeypatch.context() as patch:
        patch.setattr(schema.http, "run_plan", counted)
        planned = await _ask(client, document, variables)
    assert answered == [True], f"{document.name} {variables}: the plan did not answer"
    with monkeypatch.context() as patch:
        patch.setattr(schema.http, "plan_for", lambda *args: None)
        executed = await _ask(client, document, variables)
    assert "errors" not in executed, executed
    assert planned == executed, f"{document.name} {variables}"
    return executed  # type: ignore[no-any-return]


async def test_every_planned_pwa_document_answers_as_strawberry_does(live_server, monkeypatch):
    # given a network with wins and best practices of every audience, photos, tags, likes,
    # comments and recommendations, and three viewers
    tokens, ids = await _world()
    documents = [d for d in pwa_documents() if _planned(d)]
    for role, token in tokens.items():
        async with GraphQLClient(live_server.url, token=token) as client:
            for document in documents:
                for variables in _variables(document.name, ids):
                    # when each is run both ways, then the answers are the same, page after page
                    data = await _both_ways(client, document, variables, monkeypatch)
                    pages = 0
                    root = next(iter(data["data"].values()))
                    while isinstance(root, dict) and root.get("pageInfo", {}).get("hasNextPage") and pages < 3:
                        after = root["pageInfo"]["endCursor"]
                        data = await _both_ways(client, document, {**variables, "after": after}, monkeypatch)
                        root = next(iter(data["data"].values()))
                        pages += 1
            assert role  # every role ran


DIRECTIVES = """
query Cards($n: Int = 3, $withPhotos: Boolean!, $lean: Boolean = false, $filter: FeedFilter) {
  page: feed(first: $n, filter: $filter) {
    __typename
    pinned @skip(if: $lean) { ...Card }
    edges { cursor node { ...Card ... on Post { kind images @include(if: $withPhotos) { feedUrl width } } } }
    pageInfo { endCursor hasNextPage }
  }
  me { id initials role unit { name kind } }
  root: __typename
}
fragment Card on Post { __typename key: id body likedByMe author { initials unit { city } } }
"""


@pytest.mark.parametrize(
    "variables",
    [
        {"withPhotos": True},
        {"withPhotos": False, "lean": True, "n": 7},
        {"withPhotos": True, "filter": {"within": "REGION", "kind": "WIN"}},
    ],
)
async def test_aliases_fragments_and_directives_are_planned_too(live_server, monkeypatch, variables):
    tokens, _ = await _world()
    document = PwaDocument("Cards", DIRECTIVES, "tests")
    async with GraphQLClient(live_server.url, token=tokens[Role.MEMBER]) as client:
        await _both_ways(client, document, variables, monkeypatch)


def test_what_needs_execution_is_left_to_strawberry():
    unplanned = [
        "query { feed(first: 2) { edges { node { id comments { edges { node { id } } } } } } }",
        "mutation { logout }",
        "query { feed(first: 2) { nope } }",
    ]
    for query in unplanned:
        assert plan_for(elan_schema, query, None) is None, query
    many_aliases = "query { feed(first: 2) { edges { node { " + " ".join(f"a{n}: id" for n in range(40)) + " } } } }"
    assert plan_for(elan_schema, many_aliases, None) is None  # refused by the schema's limits
