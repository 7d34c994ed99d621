"""Every kind of post, tags, mentions, editing and deleting, through the API."""

from __future__ import annotations

from server.accounts.models import Role
from server.feed.models import Post, PostTag
from server.feed.system_posts import create_system_post
from tests.factories import make_network, signed_in
from tests.feed.documents import (
    DELETE_POST,
    EDIT_POST,
    FEED,
    NOTIFICATIONS,
    POST,
    bodies,
    create,
)
from tests.graphql_client import GraphQLClient


async def test_a_win_carries_its_figure_and_product_and_its_tags(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as seller:
        result = await create(
            seller,
            "WIN",
            "Trois leasings signés ce matin #financement #Leasing",
            figure="3 contrats",
            product="e-City 2",
        )
    post = result["post"]
    assert (post["figure"], post["product"]) == ("3 contrats", "e-City 2")
    assert post["tags"] == ["financement", "leasing"]
    assert post["viewerIsAuthor"] is True


async def test_a_best_practice_is_structured_so_others_can_copy_it(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Arras"])
    async with GraphQLClient(live_server.url, token=token) as seller:
        result = await create(
            seller,
            "BEST_PRACTICE",
            "Le café d'accueil du samedi",
            context="Peu de reprises le samedi matin",
            action="Un café offert et un essai proposé dès l'arrivée #accueil",
            result="+30 % d'essais en un mois",
            figure="ignored for a best practice",
        )
    post = result["post"]
    assert post["kind"] == "BEST_PRACTICE"
    assert (post["context"], post["result"]) == (
        "Peu de reprises le samedi matin",
        "+30 % d'essais en un mois",
    )
    assert post["figure"] is None and post["tags"] == ["accueil"]


async def test_announcements_are_for_managers_and_system_posts_for_other_domains(live_server):
    network = await make_network()
    seller, seller_token = await signed_in(network.points_of_sale["Lille"])
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=seller_token) as member:
        refused = await create(member, "ANNOUNCEMENT", "Réunion lundi")
        await create_system_post(seller, "BADGE_AWARDED", {"userId": seller.id, "badge": "Première vente", "emoji": "🏅"})
        async with GraphQLClient(live_server.url, token=manager_token) as manager:
            announced = await create(manager, "ANNOUNCEMENT", "Challenge de printemps lancé lundi !")
        feed = (await member.execute(FEED, {"first": 10}))["feed"]
    assert refused["code"] == "post_kind_not_allowed"
    assert announced["post"]["kind"] == "ANNOUNCEMENT"
    kinds = [(e["node"]["kind"], e["node"]["body"]) for e in feed["edges"]]
    assert kinds == [
        ("ANNOUNCEMENT", "Challenge de printemps lancé lundi !"),
        ("SYSTEM", f"🏅 {seller.display_name} reçoit le badge « Première vente »."),
    ]


async def test_a_mentioned_colleague_is_notified(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"], name="Nadia Benali")
    colleague, colleague_token = await signed_in(network.points_of_sale["Arras"], name="Hugo Lefèvre")
    async with GraphQLClient(live_server.url, token=token) as author:
        suggestions = await author.execute(
            "query($s: String!) { mentionSuggestions(search: $s) { id displayName } }", {"s": "hugo"}
        )
        assert suggestions["mentionSuggestions"] == [{"id": str(colleague.id), "displayName": "Hugo Lefèvre"}]
        post = (await create(author, body="Merci @Hugo pour le coup de main", mentionIds=[str(colleague.id)]))["post"]
    async with GraphQLClient(live_server.url, token=colleague_token) as mentioned:
        notes = (await mentioned.execute(NOTIFICATIONS))["notifications"]["edges"]
    assert [n["node"] for n in notes] == [
        {"kind": "MENTIONED", "text": "Nadia Benali vous a mentionné", "link": f"/posts/{post['id']}"}
    ]


async def test_the_author_edits_and_deletes_and_nobody_else_does(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    _, other_token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as author, GraphQLClient(
        live_server.url, token=other_token
    ) as other:
        post = (await create(author, body="Premier jet #brouillon"))["post"]
        stolen = await other.execute(EDIT_POST, {"input": {"postId": post["id"], "body": "Piraté"}})
        edited = await author.execute(
            EDIT_POST, {"input": {"postId": post["id"], "body": "Version finale #financement"}}
        )
        not_deleted = await other.execute(DELETE_POST, {"id": post["id"]})
        deleted = await author.execute(DELETE_POST, {"id": post["id"]})
        after = await author.execute(POST, {"id": post["id"]})
        feed = (await author.execute(FEED, {"first": 5}))["feed"]
    assert stolen["editPost"]["code"] == "not_allowed"
    edited_post = edited["editPost"]["post"]
    assert edited_post["body"] == "Version finale #financement"
    assert edited_post["tags"] == ["financement"] and edited_post["editedAt"]
    assert not_deleted["deletePost"]["code"] == "not_allowed"
    assert deleted["deletePost"] == {"__typename": "DeletePostSuccess", "postId": post["id"]}
    assert after["post"] is None and bodies(feed) == []
    assert not await Post.filter(id=int(post["id"])).exists()
    assert not await PostTag.filter(post_id=int(post["id"])).exists()


async def test_the_feed_filters_by_kind_unit_tag_and_author(live_server):
    network = await make_network()
    lille, lille_token = await signed_in(network.points_of_sale["Lille"])
    _, bordeaux_token = await signed_in(network.points_of_sale["Bordeaux"])
    async with GraphQLClient(live_server.url, token=lille_token) as a, GraphQLClient(
        live_server.url, token=bordeaux_token
    ) as b:
        await create(a, "WIN", "Lille gagne #financement")
        await create(a, "BEST_PRACTICE", "Lille partage #accueil")
        await create(b, "WIN", "Bordeaux gagne #financement")

        async def read(filter: dict) -> list[str]:  # type: ignore[type-arg]
            return bodies((await a.execute(FEED, {"first": 10, "filter": filter}))["feed"])

        assert await read({"kind": "BEST_PRACTICE"}) == ["Lille partage #accueil"]
        assert await read({"unitId": str(network.regions["Sud-Ouest"].id)}) == ["Bordeaux gagne #financement"]
        assert await read({"tag": "#Financement"}) == ["Bordeaux gagne #financement", "Lille gagne #financement"]
        assert await read({"authorId": str(lille.id), "kind": "WIN"}) == ["Lille gagne #financement"]
        tags = await a.execute("query { tagSuggestions(prefix: \"f\") }")
    assert tags["tagSuggestions"] == ["financement"]


async def test_top_of_the_week_ranks_by_likes_and_comments(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as seller:
        quiet = (await create(seller, body="Calme"))["post"]
        loved = (await create(seller, body="Adorée"))["post"]
        await create(seller, body="Récente sans réaction")
        await Post.filter(id=int(loved["id"])).update(like_count=12, comment_count=3)
        await Post.filter(id=int(quiet["id"])).update(like_count=1)
        first = (await seller.execute(FEED, {"first": 2, "order": "TOP_OF_WEEK"}))["feed"]
        rest = (
            await seller.execute(
                FEED, {"first": 2, "order": "TOP_OF_WEEK", "after": first["pageInfo"]["endCursor"]}
            )
        )["feed"]
    assert bodies(first) == ["Adorée", "Calme"]
    assert bodies(rest) == ["Récente sans réaction"] and not rest["pageInfo"]["hasNextPage"]
