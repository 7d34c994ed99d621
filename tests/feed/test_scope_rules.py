"""Every feed field that takes an id holds its scope rule, for a seller inside the region, the
manager of a sibling region, the manager of a unit below it, and another organisation.

The thing: a best practice written from the Nord region for the Nord region (audience REGION),
with a comment of its author. It is read by those who belong to Nord and by the managers above
it; it is moderated by the managers of Nord (and head office); only its author edits it."""

from __future__ import annotations

import pytest

from schema.feed.mutations import FeedMutation
from schema.feed.queries import FeedQuery
from schema.feed.subscriptions import FeedSubscription
from server.feed.models import PostAudience, PostKind
from server.feed.services import NewPost, PostContent, create_post
from server.network.scope import scope_of_user
from tests.feed.documents import (
    ADD_COMMENT,
    CREATE_POST,
    DELETE_COMMENT,
    DELETE_POST,
    EDIT_COMMENT,
    EDIT_POST,
    FEED_EVENTS,
    HIDE_POST,
    LIKE,
    POST,
    RECOMMEND,
    REPORT_POST,
)
from tests.graphql_client import Subscription
from tests.scope_world import World, answered, enforce, make_world, rule, succeeded, uncovered

FILTERED = "query($unit: ID!) { feed(first: 50, filter: {unitId: $unit}) { edges { node { id } } } }"
UNLIKE = "mutation($id: ID!) { unlikePost(postId: $id) { __typename } }"


async def _post(world: World) -> None:
    from server.feed.comments import add_comment

    author = await scope_of_user(world.users["author"])
    post = await create_post(author, NewPost(
        kind=PostKind.BEST_PRACTICE, audience=PostAudience.REGION,
        content=PostContent(body="Le rappel à J+2", context="Essais sans suite", action="Rappeler", result="+12 %"),
    ))
    comment, _ = await add_comment(author, post.id, "À essayer")
    world.things.update(post=str(post.id), comment=str(comment.id))


async def attaches_photo(world: World, actor: str) -> bool:
    """createPost(imageIds): a photo is attached only by the person who uploaded it."""
    from server.media.services import store_image
    from tests.media.test_upload import jpeg_with_gps

    photo = await store_image(world.users["author"], jpeg_with_gps())
    body = await world.execute(actor, CREATE_POST, {"input": {"kind": "WIN", "body": "Vitrine", "imageIds": [str(photo.id)]}})
    return succeeded(body, "createPost")


async def reads_post(world: World, actor: str) -> bool:
    return answered(await world.execute(actor, POST, {"id": world.things["post"]}), "post")


async def likes(world: World, actor: str) -> bool:
    return succeeded(await world.execute(actor, LIKE, {"id": world.things["post"]}), "likePost")


async def unlikes(world: World, actor: str) -> bool:
    return succeeded(await world.execute(actor, UNLIKE, {"id": world.things["post"]}), "unlikePost")


async def comments(world: World, actor: str) -> bool:
    body = await world.execute(actor, ADD_COMMENT, {"input": {"postId": world.things["post"], "body": "Merci"}})
    return succeeded(body, "addComment")


async def reports(world: World, actor: str) -> bool:
    body = await world.execute(actor, REPORT_POST, {"id": world.things["post"], "reason": "À vérifier"})
    return succeeded(body, "reportPost")


async def hides(world: World, actor: str) -> bool:
    body = await world.execute(actor, HIDE_POST, {"id": world.things["post"], "reason": "Hors charte"})
    return succeeded(body, "hidePost")


async def recommends(world: World, actor: str) -> bool:
    unit = str(world.network.regions["Nord"].id)
    body = await world.execute(actor, RECOMMEND, {"input": {"postId": world.things["post"], "unitIds": [unit], "days": 7}})
    return succeeded(body, "recommendPost")


async def edits(world: World, actor: str) -> bool:
    body = await world.execute(actor, EDIT_POST, {"input": {"postId": world.things["post"], "body": "Réécrit"}})
    return succeeded(body, "editPost")


async def deletes(world: World, actor: str) -> bool:
    return succeeded(await world.execute(actor, DELETE_POST, {"id": world.things["post"]}), "deletePost")


async def edits_comment(world: World, actor: str) -> bool:
    body = await world.execute(actor, EDIT_COMMENT, {"id": world.things["comment"], "body": "Réécrit"})
    return succeeded(body, "editComment")


async def deletes_comment(world: World, actor: str) -> bool:
    return succeeded(await world.execute(actor, DELETE_COMMENT, {"id": world.things["comment"]}), "deleteComment")


async def filters_by_unit(world: World, actor: str) -> bool:
    body = await world.execute(actor, FILTERED, {"unit": str(world.network.regions["Nord"].id)})
    edges = ((body.get("data") or {}).get("feed") or {}).get("edges") or []
    return world.things["post"] in [e["node"]["id"] for e in edges]


async def follows_post(world: World, actor: str) -> bool:
    async with Subscription(world.live_server.ws_url, token=world.tokens[actor]) as socket:
        await socket.connect()
        await socket.subscribe(FEED_EVENTS, {"postId": world.things["post"]})
        if await _refused(socket):
            return False
    return True


async def _refused(socket: Subscription) -> bool:
    try:
        message = await socket.next(timeout=0.5)
    except TimeoutError:
        return False  # listening: nothing happened yet
    return message["type"] in ("error", "complete") or bool(message.get("payload", {}).get("errors"))


READERS = {"member", "child", "owner", "author", "admin"}
MODERATORS = {"owner", "admin"}
RULES = [
    rule("post(id)", reads_post, READERS),
    rule("createPost(imageIds)", attaches_photo, {"author"}, also=["owner", "admin"]),
    rule("likePost", likes, READERS),
    rule("unlikePost", unlikes, READERS),
    rule("addComment", comments, READERS),
    rule("reportPost", reports, READERS),
    rule("feed(filter: {unitId})", filters_by_unit, READERS),
    rule("feedEvents(postId)", follows_post, READERS),
    rule("hidePost", hides, MODERATORS, also=["author"]),
    rule("recommendPost", recommends, MODERATORS, also=["author"]),
    rule("editPost", edits, {"author"}, also=["owner", "admin"]),
    rule("deletePost", deletes, {"author"}, also=["owner", "admin"]),
    rule("editComment", edits_comment, {"author"}, also=["owner", "admin"]),
    rule("deleteComment", deletes_comment, {"author", "owner", "admin"}),
]


@pytest.mark.parametrize("checked", RULES, ids=repr)
async def test_feed_fields_taking_an_id_hold_their_scope_rule(live_server, checked):
    world = await make_world(live_server)
    await enforce(world, checked, prepare=_post)


def test_every_feed_field_taking_an_id_has_a_rule():
    assert uncovered(RULES, FeedQuery, FeedMutation, FeedSubscription) == set()
