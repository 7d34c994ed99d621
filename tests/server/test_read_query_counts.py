"""Every read the PWA makes costs a constant number of SQL statements, whatever the page size,
the page or the number of rows: the feed with each of its filters, orders and pages, the
challenges list, a challenge with my standing, a leaderboard page, the notifications page and
my dashboard. The documents are the PWA's own (tests/pwa_documents.py)."""

from __future__ import annotations

from typing import Any

from server.feed import comments, services
from server.feed.models import PostAudience
from server.network.scope import scope_of_user
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from tests.challenges.given import arena, live_challenge, sell
from tests.dashboards.given import full_dashboard
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.pwa_documents import pwa_documents
from tests.query_count import counting_queries

DOCUMENTS = {d.name: d.query for d in pwa_documents()}


async def _count(client: GraphQLClient, name: str, query: str, variables: dict[str, Any]) -> tuple[int, Any]:
    await client.execute(query, variables)  # warm: parsed, validated and planned once
    with counting_queries() as seen:
        payload = {"query": query, "variables": variables, "operationName": name}
        body = (await client.http.post("/graphql", json=payload, headers=client.headers)).json()
    assert "errors" not in body, body
    return len(seen), body["data"]


FEED_VARIANTS: list[dict[str, Any]] = [
    {},
    {"filter": {"kind": "WIN"}},
    {"filter": {"kind": "BEST_PRACTICE"}},
    {"filter": {"within": "UNIT"}},
    {"filter": {"within": "REGION"}},
    {"filter": {"tag": "relance"}},
    {"filter": {"recommendedForMe": True}},
    {"order": "TOP_OF_WEEK"},
]


async def test_every_feed_variant_costs_the_same_for_any_page(live_server):
    # given 40 posts of every kind and audience, with likes and comments
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    authors = [await make_user(u) for u in (network.points_of_sale["Lille"], network.regions["Nord"])]
    for n in range(40):
        author = authors[n % 2]
        post = await services.create_post(
            await scope_of_user(author),
            services.NewPost(
                kind=services.PostKind.BEST_PRACTICE if n % 3 == 0 else services.PostKind.WIN,
                content=services.PostContent(body=f"Réussite {n} #relance"),
                audience=[PostAudience.NETWORK, PostAudience.REGION, PostAudience.UNIT][n % 3],
            ),
        )
        if n % 4 == 0:
            await comments.add_comment(await scope_of_user(author), post.id, "Bravo")
    feed = DOCUMENTS["Feed"]
    async with GraphQLClient(live_server.url, token=token) as client:
        for variant in FEED_VARIANTS:
            counts = []
            for first in (3, 5):
                count, data = await _count(client, "Feed", feed, {"first": first, **variant})
                counts.append(count)
                after = data["feed"]["pageInfo"]["endCursor"]
                if data["feed"]["pageInfo"]["hasNextPage"]:
                    count, _ = await _count(client, "Feed", feed, {"first": first, "after": after, **variant})
                    counts.append(count)
            # then the session and the page; the unfiltered first page adds its pinned posts
            assert max(counts) <= 3, (variant, counts)
            assert len(set(counts)) <= 2 and counts[0] == counts[2 if len(counts) > 3 else 1], (variant, counts)


async def test_the_challenges_list_and_a_challenge_cost_the_same_for_more_rows(live_server):
    seen = {}
    for size in (2, 6):
        found = await arena(sellers=size * 2)
        for index in range(size):
            challenge = await live_challenge(found, name=f"Challenge {index + 1}")
        for seller, sold in zip(found.sellers, range(len(found.sellers), 0, -1), strict=True):
            await sell(found, seller, sold)
        async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[1].id]) as client:
            listed, data = await _count(client, "Challenges", DOCUMENTS["Challenges"], {})
            assert len(data["challenges"]) == size
            one, data = await _count(client, "Challenge", DOCUMENTS["Challenge"], {"id": str(challenge.id)})
            assert data["challenge"]["myStanding"]["rank"] == 2
        seen[size] = (listed, one)
    assert seen[2] == seen[6], seen
    # the session (with the board default), the list, the viewer's duels (the pending ones among
    # them), metrics, opponents, the boards (sizes, leaders, the viewer's participations); a
    # challenge: the session, the challenge with its unit, its boards (leagues, size, my
    # participation, the next score up and the rows around me), metrics
    assert seen[6][0] <= 6 and seen[6][1] <= 4, seen


LEADERBOARD = """query Leaderboard($id: ID!, $first: Int!, $after: String) {
  challenge(id: $id) {
    leaderboard(first: $first, after: $after) {
      edges { cursor node { participantId rank displayName unitName score thresholdsReached isMe } }
      pageInfo { hasNextPage endCursor }
    }
  }
}"""
STANDING = """query Standing($id: ID!) { challenge(id: $id) { myStanding { rank score gapToNextRank
  breakdown { kind label value target percent points } } } }"""


async def test_a_leaderboard_page_and_my_standing_cost_the_same_for_any_page(live_server):
    found = await arena(sellers=40)
    challenge = await live_challenge(found)
    for seller, sold in zip(found.sellers[:30], range(30, 0, -1), strict=True):
        await sell(found, seller, sold)
    counts = []
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[5].id]) as client:
        for first in (5, 25):
            count, data = await _count(client, "Leaderboard", LEADERBOARD, {"id": str(challenge.id), "first": first})
            assert len(data["challenge"]["leaderboard"]["edges"]) == first
            after = data["challenge"]["leaderboard"]["pageInfo"]["endCursor"]
            more, _ = await _count(client, "Leaderboard", LEADERBOARD, {"id": str(challenge.id), "first": first, "after": after})
            counts += [count, more]
        standing, data = await _count(client, "Standing", STANDING, {"id": str(challenge.id)})
        assert data["challenge"]["myStanding"]["rank"] == 6
    assert len(set(counts)) == 1, counts
    assert standing <= counts[0] + 2


async def test_the_notifications_page_costs_the_same_for_any_page(live_server):
    network = await make_network()
    viewer, token = await signed_in(network.points_of_sale["Lille"])
    colleagues = [await make_user(network.points_of_sale["Lille"], name=f"Collègue {n}") for n in range(3)]
    for n in range(30):
        await notify(viewer.id, NotificationKind.POST_COMMENTED, params={"name": f"Collègue {n}"},
                     actor=colleagues[n % 3], link=f"/posts/{n}", push=False)
    counts = []
    async with GraphQLClient(live_server.url, token=token) as client:
        for first in (5, 20):
            count, data = await _count(client, "Notifications", DOCUMENTS["Notifications"], {"first": first})
            assert len(data["notifications"]["edges"]) == first
            after = data["notifications"]["pageInfo"]["endCursor"]
            more, _ = await _count(client, "Notifications", DOCUMENTS["Notifications"], {"first": first, "after": after})
            counts += [count, more]
    assert len(set(counts)) == 1, counts
    assert counts[0] <= 3, counts  # the session, the page with the unread count, the names


_LIVE = DOCUMENTS["MyDashboardLive"]
MY_DASHBOARD = "query MyDashboard { myDashboard { ...MyDashboardFields } }\n" + _LIVE[_LIVE.index("fragment MyDashboardFields"):]


async def test_my_dashboard_costs_the_same_with_more_challenges(live_server):
    seen = []
    for size in (1, 4):
        # given a seller with modules, quizzes, an assessment, surveys, a badge, results and `size` live challenges
        found = await full_dashboard(challenges=size)
        async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[0].id]) as client:
            count, data = await _count(client, "MyDashboard", MY_DASHBOARD, {})
        assert len(data["myDashboard"]["standings"]) == size
        assert len(data["myDashboard"]["skills"]) == 5 and len(data["myDashboard"]["badges"]) == 1
        seen.append(count)
    assert seen[0] == seen[1], seen
    # the session; training and quizzes; skills, satisfaction and badges; results; standings
    assert seen[0] <= 5, seen
