"""Hiding posts, reporting them, and who may do what."""

from __future__ import annotations

from server.accounts.models import Role
from server.feed.models import PostReport
from tests.factories import make_network, signed_in
from tests.feed.documents import (
    ADD_COMMENT,
    DELETE_COMMENT,
    FEED,
    HIDE_POST,
    POST,
    REPORT_POST,
    REPORTS,
    bodies,
    create,
)
from tests.graphql_client import GraphQLClient


async def test_only_managers_of_the_posts_scope_hide_it(live_server):
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"])
    _, colleague_token = await signed_in(network.points_of_sale["Lille"])
    _, sud_manager_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    _, nord_manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=author_token) as author:
        post = (await create(author, body="Promo non validée par la marque"))["post"]
        assert post["viewerCanModerate"] is False

        async def hide(token: str) -> dict:  # type: ignore[type-arg]
            async with GraphQLClient(live_server.url, token=token) as client:
                return (await client.execute(HIDE_POST, {"id": post["id"], "reason": "Offre non conforme"}))["hidePost"]

        assert (await hide(colleague_token))["code"] == "not_allowed"
        assert (await hide(sud_manager_token))["code"] == "not_allowed"
        async with GraphQLClient(live_server.url, token=nord_manager_token) as manager:
            assert (await manager.execute(POST, {"id": post["id"]}))["post"]["viewerCanModerate"] is True
            assert (await manager.execute(HIDE_POST, {"id": post["id"], "reason": " "}))["hidePost"]["code"] == "reason_required"
        hidden = await hide(nord_manager_token)
        assert hidden["post"]["hiddenReason"] == "Offre non conforme"
        # the author still sees it, with the reason; colleagues no longer do
        mine = (await author.execute(POST, {"id": post["id"]}))["post"]
        assert mine["hiddenReason"] == "Offre non conforme"
        assert bodies((await author.execute(FEED, {"first": 5}))["feed"]) == []
    async with GraphQLClient(live_server.url, token=colleague_token) as colleague:
        assert (await colleague.execute(POST, {"id": post["id"]}))["post"] is None
        assert bodies((await colleague.execute(FEED, {"first": 5}))["feed"]) == []
        refused = await colleague.execute(ADD_COMMENT, {"input": {"postId": post["id"], "body": "?"}})
        assert refused["addComment"]["code"] == "post_not_found"


async def test_a_report_reaches_the_managers_in_scope_until_the_post_is_hidden(live_server):
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"])
    _, reader_token = await signed_in(network.points_of_sale["Bordeaux"], name="Léa Roux")
    _, nord_manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, sud_manager_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=author_token) as author:
        post = (await create(author, body="Photo d'un client sans son accord"))["post"]
    async with GraphQLClient(live_server.url, token=reader_token) as reader:
        first = await reader.execute(REPORT_POST, {"id": post["id"], "reason": "Image d'un client"})
        again = await reader.execute(REPORT_POST, {"id": post["id"], "reason": "Image d'un client"})
        member_reports = await reader.errors(REPORTS)
    assert first["reportPost"] == {"__typename": "ReportPostSuccess", "postId": post["id"]}
    assert again["reportPost"]["__typename"] == "ReportPostSuccess"
    assert await PostReport.filter(post_id=int(post["id"])).count() == 1
    assert member_reports[0]["extensions"]["code"] == "FORBIDDEN"
    async with GraphQLClient(live_server.url, token=sud_manager_token) as sud:
        assert (await sud.execute(REPORTS))["postReports"] == []
    async with GraphQLClient(live_server.url, token=nord_manager_token) as nord:
        reports = (await nord.execute(REPORTS))["postReports"]
        assert [(r["reason"], r["reporterName"], r["post"]["id"]) for r in reports] == [
            ("Image d'un client", "Léa Roux", post["id"])
        ]
        await nord.execute(HIDE_POST, {"id": post["id"], "reason": "Droit à l'image"})
        assert (await nord.execute(REPORTS))["postReports"] == []


async def test_managers_remove_comments_members_remove_only_theirs(live_server):
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"])
    _, other_token = await signed_in(network.points_of_sale["Arras"])
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=author_token) as author, GraphQLClient(
        live_server.url, token=other_token
    ) as other:
        post = (await create(author, body="Belle journée"))["post"]
        rude = (await other.execute(ADD_COMMENT, {"input": {"postId": post["id"], "body": "Déplacé"}}))["addComment"]
        refused = await author.execute(DELETE_COMMENT, {"id": rude["comment"]["id"]})
        async with GraphQLClient(live_server.url, token=manager_token) as manager:
            removed = await manager.execute(DELETE_COMMENT, {"id": rude["comment"]["id"]})
    assert refused["deleteComment"]["code"] == "not_allowed"
    assert removed["deleteComment"]["post"]["commentCount"] == 0


async def test_open_feeds_hear_of_edits_hides_and_deletions(live_server):
    import asyncio

    from tests.feed.documents import DELETE_POST, EDIT_POST, FEED_EVENTS
    from tests.graphql_client import Subscription

    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Lille"])
    _, reader_token = await signed_in(network.points_of_sale["Bordeaux"])
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=author_token) as author:
        kept = (await create(author, body="Première version"))["post"]
        hidden = (await create(author, body="À masquer"))["post"]
        deleted = (await create(author, body="À supprimer"))["post"]
        async with Subscription(live_server.ws_url, token=reader_token) as reader:
            await reader.connect()
            await reader.subscribe(FEED_EVENTS)
            await asyncio.sleep(0.2)
            await author.execute(EDIT_POST, {"input": {"postId": kept["id"], "body": "Version corrigée"}})
            async with GraphQLClient(live_server.url, token=manager_token) as manager:
                await manager.execute(HIDE_POST, {"id": hidden["id"], "reason": "Hors sujet"})
            await author.execute(DELETE_POST, {"id": deleted["id"]})
            events = [(await reader.next())["payload"]["data"]["feedEvents"] for _ in range(3)]
    assert [(e["type"], e["postId"]) for e in events] == [
        ("POST_EDITED", kept["id"]),
        ("POST_HIDDEN", hidden["id"]),
        ("POST_DELETED", deleted["id"]),
    ]
    assert events[0]["post"]["body"] == "Version corrigée" and events[1]["post"] is None
