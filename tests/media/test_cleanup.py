"""Photos nobody will see are deleted with their files: never attached once the grace period
has passed (a composer abandoned), and those of a deleted post at once."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from server.media.cleanup import delete_orphan_media
from server.media.models import Media
from tests.conftest import ROOT
from tests.factories import make_network, signed_in
from tests.feed.documents import DELETE_POST, create
from tests.graphql_client import GraphQLClient
from tests.media.test_upload import jpeg_with_gps, stored_files, upload

GRACE = timedelta(hours=24)


def files_of(key: str) -> list[str]:
    return [f"{key}-feed.webp", f"{key}-full.webp"]


async def uploaded(live_server, token: str, hours_ago: float = 0) -> Media:  # type: ignore[no-untyped-def]
    body = (await upload(live_server, token, jpeg_with_gps((640, 480)))).json()
    if hours_ago:
        await Media.filter(id=int(body["id"])).update(
            created_at=datetime.now(UTC) - timedelta(hours=hours_ago)
        )
    return await Media.get(id=int(body["id"]))


async def test_abandoned_photos_go_after_the_grace_period_with_their_files(live_server):
    # given photos uploaded a day and a half ago, one published, one abandoned,
    # and one abandoned an hour ago (its composer may still be open)
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    published = await uploaded(live_server, token, hours_ago=36)
    abandoned = await uploaded(live_server, token, hours_ago=36)
    recent = await uploaded(live_server, token, hours_ago=1)
    async with GraphQLClient(live_server.url, token=token) as seller:
        assert (await create(seller, body="Avec photo", imageIds=[str(published.id)]))["__typename"] == "CreatePostSuccess"
    assert set(files_of(abandoned.key)) <= set(stored_files(live_server))

    # when the sweep runs
    deleted = await delete_orphan_media(GRACE)

    # then only the old abandoned photo is gone, row and files
    assert deleted >= 1
    assert not await Media.filter(id=abandoned.id).exists()
    files = set(stored_files(live_server))
    assert not set(files_of(abandoned.key)) & files
    for kept in (published, recent):
        assert await Media.filter(id=kept.id).exists()
        assert set(files_of(kept.key)) <= files
    # and the published photo still shows
    async with GraphQLClient(live_server.url, token=token) as seller:
        again = await create(seller, body="Trop tard", imageIds=[str(abandoned.id)])
    assert again["code"] == "post_image_unknown"


async def test_deleting_a_post_deletes_its_photos(live_server):
    # given a post with two photos
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    first = await uploaded(live_server, token)
    second = await uploaded(live_server, token)
    async with GraphQLClient(live_server.url, token=token) as seller:
        post = (await create(seller, body="Deux photos", imageIds=[str(first.id), str(second.id)]))["post"]

        # when its author deletes it
        result = await seller.execute(DELETE_POST, {"id": post["id"]})

    # then the photos' rows and files are gone, and their addresses answer 404
    assert result["deletePost"]["__typename"] == "DeletePostSuccess"
    assert not await Media.filter(id__in=[first.id, second.id]).exists()
    files = set(stored_files(live_server))
    assert not (set(files_of(first.key)) | set(files_of(second.key))) & files


async def test_the_maintenance_command_sweeps_once(live_server):
    # given an abandoned photo two days old
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    abandoned = await uploaded(live_server, token, hours_ago=48)

    # when `python -m server clean-media` runs against the same database and storage
    env = {**os.environ, "MEDIA_ORPHAN_GRACE_SECONDS": str(24 * 3600)}
    done = subprocess.run(
        [sys.executable, "-m", "server", "clean-media"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    # then it says how many went, and the photo is gone with its files
    assert done.returncode == 0, done.stderr
    assert "orphan photos deleted" in done.stdout
    assert not await Media.filter(id=abandoned.id).exists()
    assert not set(files_of(abandoned.key)) & set(stored_files(live_server))
