"""`GET /media/<name>` holds the feed's audience rule (server.feed.audience) for a seller of the
region, the manager of a sibling region, the manager of a unit below it and another
organisation: a photo of a post for the Nord region; the same post once hidden; a photo not
attached yet."""

from __future__ import annotations

import httpx
import pytest

from server.feed.models import PostAudience, PostKind
from server.feed.moderation import hide_post
from server.feed.services import NewPost, PostContent, create_post
from server.media.services import store_image
from server.network.scope import scope_of_user
from tests.media.test_upload import jpeg_with_gps
from tests.scope_world import World, enforce, make_world, rule


async def _attached(world: World, hidden: bool = False) -> None:
    author = world.users["author"]
    photo = await store_image(author, jpeg_with_gps())
    post = await create_post(await scope_of_user(author), NewPost(
        kind=PostKind.WIN, audience=PostAudience.REGION, content=PostContent(body="Vitrine"), image_ids=[photo.id],
    ))
    if hidden:
        await hide_post(await scope_of_user(world.users["owner"]), post.id, "Client reconnaissable")
    world.things["url"] = post.images[0].feed_url if post.images else f"/media/{photo.key}-feed.webp"


async def _hidden(world: World) -> None:
    await _attached(world, hidden=True)


async def _unattached(world: World) -> None:
    photo = await store_image(world.users["author"], jpeg_with_gps())
    world.things["url"] = f"/media/{photo.key}-feed.webp"


async def fetches(world: World, actor: str) -> bool:
    async with httpx.AsyncClient(base_url=world.live_server.url) as http:
        response = await http.get(world.things["url"], headers={"Authorization": f"Bearer {world.tokens[actor]}"})
    assert response.status_code in (200, 404)
    return response.status_code == 200


RULES = [
    rule("a photo of a region's post", fetches, {"member", "child", "owner", "author", "admin"}, _attached),
    rule("a photo of a hidden post", fetches, {"author", "owner", "admin"}, _hidden),
    rule("a photo not attached yet", fetches, {"author"}, _unattached, also=["owner", "admin"]),
]


@pytest.mark.parametrize("checked", RULES, ids=repr)
async def test_photos_hold_the_feed_audience_rule(live_server, checked):
    world = await make_world(live_server)
    await enforce(world, checked)
