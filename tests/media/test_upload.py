"""Uploading photos: only real images, re-encoded to WebP without metadata; refusals store nothing."""

from __future__ import annotations

import io
import struct
import zlib

import httpx
from PIL import Image

from server.media.models import Media
from tests.factories import make_network, signed_in
from tests.feed.documents import POST, create
from tests.graphql_client import GraphQLClient

GPS_IFD = 0x8825


def jpeg_with_gps(size: tuple[int, int] = (1200, 900)) -> bytes:
    image = Image.new("RGB", size, (30, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 1  # Orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def png_bomb(width: int = 60_000, height: int = 60_000) -> bytes:
    """A tiny PNG whose header claims 3.6 billion pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    row = b"\x00" + b"\x00" * (width * 3)
    data = zlib.compress(row * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def stored_files(live_server) -> list[str]:  # type: ignore[no-untyped-def]
    root = live_server.data_dir / "media"
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


async def upload(live_server, token: str, content: bytes, name: str = "photo.jpg", mime: str = "image/jpeg") -> httpx.Response:  # type: ignore[no-untyped-def]
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as http:
        return await http.post(
            "/media",
            files={"file": (name, content, mime)},
            headers={"Authorization": f"Bearer {token}"} if token else {},
        )


async def test_a_photo_is_re_encoded_to_webp_at_two_sizes_without_exif(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the GPS is there
    response = await upload(live_server, token, original)
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["width"], body["height"]) == (1200, 900)
    signed = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=live_server.url, headers=signed) as http:
        feed = await http.get(body["feedUrl"])
        full = await http.get(body["fullUrl"])
    assert feed.headers["cache-control"] == "private, max-age=31536000, immutable"
    assert feed.headers["content-type"] == "image/webp"
    for rendition, edge in ((feed, 720), (full, 1200)):
        image = Image.open(io.BytesIO(rendition.content))
        assert image.format == "WEBP" and max(image.size) == edge
        assert not image.getexif() and "exif" not in image.info and "xmp" not in image.info
        assert b"PhoneMaker" not in rendition.content


async def test_a_post_shows_its_photos_with_their_sizes(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    _, other_token = await signed_in(network.points_of_sale["Lille"])
    first = (await upload(live_server, token, jpeg_with_gps((800, 1000)))).json()
    second = (await upload(live_server, token, jpeg_with_gps((400, 300)))).json()
    theirs = (await upload(live_server, other_token, jpeg_with_gps((400, 300)))).json()
    async with GraphQLClient(live_server.url, token=token) as seller:
        stolen = await create(seller, body="Pas à moi", imageIds=[theirs["id"]])
        post = (await create(seller, body="La vitrine", imageIds=[first["id"], second["id"]]))["post"]
        reused = await create(seller, body="Encore", imageIds=[first["id"]])
        five = await create(seller, body="Trop", imageIds=[first["id"]] * 5)
        read = (await seller.execute(POST, {"id": post["id"]}))["post"]
    assert stolen["code"] == "post_image_unknown"
    assert reused["code"] == "post_image_unknown"
    assert five["code"] == "post_images_too_many"
    images = read["images"]
    assert [i["id"] for i in images] == [first["id"], second["id"]]
    assert (images[0]["feedWidth"], images[0]["feedHeight"]) == (576, 720)
    assert images[0]["fullUrl"] == first["fullUrl"]


async def test_what_is_not_an_image_is_refused_and_nothing_is_stored(live_server):
    network = await make_network()
    seller, token = await signed_in(network.points_of_sale["Lille"])
    before = stored_files(live_server)
    renamed = await upload(live_server, token, b"Bonjour, je suis un fichier texte.\n" * 50, "photo.jpg")
    fake_header = await upload(live_server, token, b"\xff\xd8\xff\xe0" + b"\x00" * 4000, "photo.jpg")
    bomb = await upload(live_server, token, png_bomb(), "bomb.png", "image/png")
    oversized = await upload(live_server, token, b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024 + 10))
    anonymous = await upload(live_server, "", jpeg_with_gps())
    french = renamed.json()["error"]["message"]
    assert (renamed.status_code, renamed.json()["error"]["code"]) == (422, "image_invalid")
    assert "n'est pas une image" in french
    assert fake_header.json()["error"]["code"] == "image_invalid"
    assert (bomb.status_code, bomb.json()["error"]["code"]) == (413, "image_too_large")
    assert (oversized.status_code, oversized.json()["error"]["code"]) == (413, "image_too_large")
    assert anonymous.status_code == 401
    assert stored_files(live_server) == before
    assert await Media.filter(owner_id=seller.id).count() == 0


async def test_png_and_heic_are_accepted(live_server):
    import pillow_heif

    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    png = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 200, 0, 128)).save(png, "PNG")
    heic = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (320, 240), (200, 100, 0))).save(heic, quality=60)
    for content, name in ((png.getvalue(), "a.png"), (heic.getvalue(), "b.heic")):
        response = await upload(live_server, token, content, name, "application/octet-stream")
        assert response.status_code == 201, response.text
