"""Posts Élan writes (a podium, a badge: kind SYSTEM) say what happened: nobody rewrites them,
and only the managers who moderate them take them down."""

from __future__ import annotations

from server.accounts.models import Role
from server.feed.models import Post
from server.feed.system_posts import create_system_post
from tests.factories import make_network, signed_in
from tests.feed.documents import DELETE_POST, EDIT_POST, POST
from tests.graphql_client import GraphQLClient


async def test_a_system_post_is_never_edited_and_only_its_moderators_delete_it(live_server):
    # given a seller of Lille whose badge Élan announced in the feed
    network = await make_network()
    seller, seller_token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    _, south_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    _, north_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    announced = await create_system_post(
        seller, "BADGE_AWARDED", {"userId": seller.id, "badge": "Roi du financement", "emoji": "🏅"}
    )

    # when she tries to rewrite it, then to delete it, and another region's manager deletes it
    async with GraphQLClient(live_server.url, token=seller_token) as author:
        edited = (await author.execute(EDIT_POST, {"input": {"postId": str(announced.id), "body": "Je suis la meilleure"}}))["editPost"]
        deleted_by_author = (await author.execute(DELETE_POST, {"id": str(announced.id)}))["deletePost"]
    async with GraphQLClient(live_server.url, token=south_token) as south:
        deleted_by_south = (await south.execute(DELETE_POST, {"id": str(announced.id)}))["deletePost"]

    # then each is refused with a readable reason, and the post says what Élan wrote
    assert (edited["__typename"], edited["code"]) == ("NotAllowedError", "system_post_not_editable")
    assert edited["message"] == "Une publication écrite par Élan ne se modifie pas."
    assert deleted_by_author["__typename"] == "NotAllowedError"
    assert deleted_by_south["__typename"] in ("NotAllowedError", "NotFoundError")
    kept = await Post.get(id=announced.id)
    assert (kept.system_kind, kept.body) == ("BADGE_AWARDED", "")

    # when the manager of her region, who moderates it, deletes it
    async with GraphQLClient(live_server.url, token=north_token) as north:
        deleted = (await north.execute(DELETE_POST, {"id": str(announced.id)}))["deletePost"]
        gone = (await north.execute(POST, {"id": str(announced.id)}))["post"]

    # then it is gone
    assert deleted == {"__typename": "DeletePostSuccess", "postId": str(announced.id)}
    assert gone is None


async def test_a_person_still_edits_and_deletes_her_own_posts(live_server):
    # given a seller's own win
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as seller:
        created = (await seller.execute(
            "mutation { createPost(input: {kind: WIN, body: \"Trois contrats\"}) { ... on CreatePostSuccess { post { id } } } }"
        ))["createPost"]["post"]
        # when she edits then deletes it
        edited = (await seller.execute(EDIT_POST, {"input": {"postId": created["id"], "body": "Quatre contrats"}}))["editPost"]
        deleted = (await seller.execute(DELETE_POST, {"id": created["id"]}))["deletePost"]
    # then both work
    assert edited["__typename"] == "EditPostSuccess" and edited["post"]["body"] == "Quatre contrats"
    assert deleted["__typename"] == "DeletePostSuccess"
