"""`GET /media/<name>`: a photo reaches only those who may see its post, or its uploader
before it is attached; everyone else gets the same 404 as for a name that never existed."""

from __future__ import annotations

import httpx

from server.accounts.models import Role
from tests.factories import make_network, signed_in
from tests.feed.documents import HIDE_POST, create
from tests.graphql_client import GraphQLClient
from tests.media.test_upload import jpeg_with_gps, upload


async def fetch(live_server, url: str, token: str | None = None, cookie: str | None = None) -> httpx.Response:  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    cookies = {"elan_session": cookie} if cookie else {}
    async with httpx.AsyncClient(base_url=live_server.url, cookies=cookies) as http:
        return await http.get(url, headers=headers)


async def test_a_photo_is_served_privately_to_colleagues_who_see_its_post(live_server):
    # given a seller of Lille who posts a photo to the whole network
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    _, colleague = await signed_in(network.points_of_sale["Bordeaux"])
    photo = (await upload(live_server, token, jpeg_with_gps())).json()
    async with GraphQLClient(live_server.url, token=token) as seller:
        assert (await create(seller, body="Vitrine", imageIds=[photo["id"]]))["__typename"] == "CreatePostSuccess"

    # when a colleague of another region opens it, by token or by the session cookie
    by_token = await fetch(live_server, photo["feedUrl"], token=colleague)
    by_cookie = await fetch(live_server, photo["fullUrl"], cookie=colleague)

    # then both get the image, cached by their own browser only
    for response in (by_token, by_cookie):
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/webp"
        assert response.headers["cache-control"] == "private, max-age=31536000, immutable"


async def test_an_unattached_photo_is_only_for_its_uploader(live_server):
    # given a photo uploaded from a composer, not published yet
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    _, teammate = await signed_in(network.points_of_sale["Lille"])
    _, manager = await signed_in(network.regions["Nord"], Role.MANAGER)
    photo = (await upload(live_server, token, jpeg_with_gps())).json()

    # then its uploader sees it, and nobody else, not even a manager above
    assert (await fetch(live_server, photo["feedUrl"], token=token)).status_code == 200
    assert (await fetch(live_server, photo["feedUrl"], token=teammate)).status_code == 404
    assert (await fetch(live_server, photo["feedUrl"], token=manager)).status_code == 404


async def test_anonymous_people_other_organisations_and_other_regions_get_a_404(live_server):
    # given a photo posted for the Nord region only
    network = await make_network()
    other = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    _, arras = await signed_in(network.points_of_sale["Arras"])
    _, bordeaux = await signed_in(network.points_of_sale["Bordeaux"])
    _, outsider = await signed_in(other.points_of_sale["Lille"])
    _, outsider_admin = await signed_in(other.root, Role.ADMIN)
    photo = (await upload(live_server, token, jpeg_with_gps())).json()
    async with GraphQLClient(live_server.url, token=token) as seller:
        created = await create(seller, body="Pour le Nord", audience="REGION", imageIds=[photo["id"]])
    assert created["__typename"] == "CreatePostSuccess"
    never_existed = "/media/" + "0" * 32 + "-feed.webp"

    # when each of them asks for it
    answers = {
        "same region": await fetch(live_server, photo["feedUrl"], token=arras),
        "other region": await fetch(live_server, photo["feedUrl"], token=bordeaux),
        "other organisation": await fetch(live_server, photo["feedUrl"], token=outsider),
        "other organisation's admin": await fetch(live_server, photo["fullUrl"], token=outsider_admin),
        "anonymous": await fetch(live_server, photo["feedUrl"]),
        "revoked or made-up token": await fetch(live_server, photo["feedUrl"], token="not-a-session"),
        "a name that never existed": await fetch(live_server, never_existed, token=arras),
        "a name of another shape": await fetch(live_server, "/media/secret_key.webp", token=arras),
    }

    # then only the colleague of the same region gets it; the others cannot tell it exists
    assert answers.pop("same region").status_code == 200
    for who, response in answers.items():
        assert response.status_code == 404, who
        assert response.text == answers["a name that never existed"].text, who
        assert "image" not in response.headers.get("content-type", ""), who


async def test_a_hidden_post_s_photo_stays_for_its_author_and_moderators(live_server):
    # given a post with a photo, hidden by the region's manager
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, colleague = await signed_in(network.points_of_sale["Arras"])
    photo = (await upload(live_server, token, jpeg_with_gps())).json()
    async with GraphQLClient(live_server.url, token=token) as seller:
        post = (await create(seller, body="Limite", imageIds=[photo["id"]]))["post"]
    async with GraphQLClient(live_server.url, token=manager_token) as boss:
        hidden = await boss.execute(HIDE_POST, {"id": post["id"], "reason": "Hors sujet"})
    assert hidden["hidePost"]["__typename"] == "HidePostSuccess"

    # then its author and the manager still see the photo, the colleague no longer does
    assert (await fetch(live_server, photo["feedUrl"], token=token)).status_code == 200
    assert (await fetch(live_server, photo["feedUrl"], token=manager_token)).status_code == 200
    assert (await fetch(live_server, photo["feedUrl"], token=colleague)).status_code == 404
