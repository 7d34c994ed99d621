"""Profile photos: `POST /media/photo` makes an image the person's photo (JPEG, PNG or WebP,
re-encoded as a 512 px square WebP without metadata), colleagues of the organisation see it
wherever the person is, and `DELETE /media/photo` goes back to initials; a replaced photo is
swept like any orphan upload."""

from __future__ import annotations

import io
from datetime import timedelta

import httpx
from PIL import Image

from server.accounts.models import User
from server.media.cleanup import delete_orphan_media
from server.media.models import Media
from tests.factories import demo_network, make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.media.test_access import fetch
from tests.media.test_upload import GPS_IFD, jpeg_with_gps, stored_files

ME = "query { me { id photoUrl } }"
PERSON = "query($id: ID!) { user(id: $id) { displayName photoUrl avatarUrl } }"


async def send_photo(live_server, token: str, content: bytes, mime: str = "image/jpeg") -> httpx.Response:  # type: ignore[no-untyped-def]
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as http:
        return await http.post(
            "/media/photo", files={"file": ("me.jpg", content, mime)}, headers={"Authorization": f"Bearer {token}"}
        )


async def remove_photo(live_server, token: str) -> httpx.Response:  # type: ignore[no-untyped-def]
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        return await http.delete("/media/photo", headers={"Authorization": f"Bearer {token}"})


def image_bytes(kind: str, size: tuple[int, int] = (300, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 60, 90)).save(out, kind)
    return out.getvalue()


async def test_a_photo_becomes_a_square_webp_without_exif_that_colleagues_see(live_server):
    # given a seller of Lille, a colleague of Bordeaux and someone of another organisation
    network = await make_network()
    seller, token = await signed_in(network.points_of_sale["Lille"], name="Inès Martin")
    _, colleague = await signed_in(network.points_of_sale["Bordeaux"])
    _, outsider = await signed_in((await make_network()).points_of_sale["Lille"])
    original = jpeg_with_gps((1200, 900))
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)

    # when she sends a landscape phone photo carrying GPS coordinates
    response = await send_photo(live_server, token, original)

    # then it is her photo: a 512 px square WebP, with no metadata left
    assert response.status_code == 201, response.text
    url = response.json()["photoUrl"]
    assert url.startswith("/media/") and url.endswith("-photo.webp")
    served = await fetch(live_server, url, token=colleague)
    assert served.status_code == 200 and served.headers["content-type"] == "image/webp"
    image = Image.open(io.BytesIO(served.content))
    assert image.format == "WEBP" and image.size == (512, 512)
    assert not image.getexif() and b"PhoneMaker" not in served.content
    # and the API shows it on her person (photoUrl, and avatarUrl for older clients) and her `me`
    async with GraphQLClient(live_server.url, token=colleague) as client:
        person = (await client.execute(PERSON, {"id": str(seller.id)}))["user"]
    assert person == {"displayName": "Inès Martin", "photoUrl": url, "avatarUrl": url}
    async with GraphQLClient(live_server.url, token=token) as client:
        assert (await client.execute(ME))["me"]["photoUrl"] == url
    # but another organisation is told it does not exist
    assert (await fetch(live_server, url, token=outsider)).status_code == 404
    assert (await fetch(live_server, url)).status_code == 404


async def test_png_and_webp_are_taken_and_anything_else_changes_nothing(live_server):
    network = await make_network()
    seller, token = await signed_in(network.points_of_sale["Lille"])

    # a PNG and a WebP are fine
    for kind, mime in (("PNG", "image/png"), ("WEBP", "image/webp")):
        response = await send_photo(live_server, token, image_bytes(kind), mime)
        assert response.status_code == 201, (kind, response.text)
    current = (await User.get(id=seller.id)).avatar_url

    # a GIF, a text file called .jpg and an oversized file are refused with a message
    refusals = {
        "gif": await send_photo(live_server, token, image_bytes("GIF"), "image/gif"),
        "text": await send_photo(live_server, token, b"not an image at all", "image/jpeg"),
        "huge": await send_photo(live_server, token, b"\xff\xd8" + b"0" * (11 * 1024 * 1024)),
    }
    assert {name: r.status_code for name, r in refusals.items()} == {"gif": 422, "text": 422, "huge": 413}
    assert refusals["gif"].json()["error"]["code"] == "image_invalid"
    assert refusals["gif"].json()["error"]["message"]
    # and the photo did not change
    assert (await User.get(id=seller.id)).avatar_url == current
    # nor may anyone signed out set one
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        anonymous = await http.post("/media/photo", files={"file": ("a.png", image_bytes("PNG"), "image/png")})
    assert anonymous.status_code == 401


async def test_deleting_goes_back_to_initials_and_old_photos_are_swept(live_server):
    # given a seller who set a photo, then replaced it
    network = await make_network()
    seller, token = await signed_in(network.points_of_sale["Lille"])
    first = (await send_photo(live_server, token, image_bytes("PNG"), "image/png")).json()["photoUrl"]
    second = (await send_photo(live_server, token, image_bytes("JPEG"))).json()["photoUrl"]

    # when the orphan sweep runs: the replaced photo goes, the current one stays
    await delete_orphan_media(timedelta(seconds=0))
    names = stored_files(live_server)
    assert first.rsplit("/", 1)[1] not in names and second.rsplit("/", 1)[1] in names
    assert (await fetch(live_server, second, token=token)).status_code == 200

    # when she deletes her photo
    response = await remove_photo(live_server, token)

    # then she is back to initials everywhere, and the photo goes with the next sweep
    assert response.status_code == 200 and response.json() == {"photoUrl": None}
    async with GraphQLClient(live_server.url, token=token) as client:
        assert (await client.execute(ME))["me"]["photoUrl"] is None
    await delete_orphan_media(timedelta(seconds=0))
    assert second.rsplit("/", 1)[1] not in stored_files(live_server)
    assert not await Media.filter(owner_id=seller.id).exists()


async def test_the_demo_network_shows_faces_and_initials_side_by_side(live_server):
    # given the French demo network
    await demo_network()

    # then head office, the demo seller and about a third of the network have a photo
    photos = await User.filter(email__endswith="@elan.example", avatar_url__isnull=False).count()
    assert photos >= 8
    seller = await User.get(email="seller@elan.example")
    assert seller.avatar_url and seller.photo_media_id
    assert (await User.get(email="manager@elan.example")).avatar_url is None
    # and the seller's colleagues are served her picture
    _, token = await signed_in(await seller.unit)
    served = await fetch(live_server, seller.avatar_url, token=token)
    assert served.status_code == 200 and Image.open(io.BytesIO(served.content)).size == (512, 512)
