"""Deleting photos nobody will ever see: uploaded but attached neither to a post (a composer
abandoned), nor to a training section (an image removed from a module), nor to a person (a
profile photo replaced or deleted) once a grace period has passed, and the photos of a
deleted post.

Rows go first, inside a transaction that locks them and checks again that no post holds
them (a post being published at that moment wins); the files go once that has committed.
Several server instances may sweep at once: each deletes only the rows it locked."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from server.accounts.models import User
from server.feed.models import PostImage
from server.media.models import Media
from server.media.storage import file_name, get_storage
from server.training.models import ModuleSection

log = logging.getLogger("elan.media")

BATCH = 200
SIZES = ("feed", "full", "photo")


async def delete_files(keys: list[str]) -> None:
    """Both renditions of each key; a file already gone is fine."""
    storage = get_storage()
    for key in keys:
        for size in SIZES:
            try:
                await storage.delete(file_name(key, size))
            except OSError:
                log.exception("could not delete media file %s", file_name(key, size))


async def _delete_unattached(ids: list[int]) -> list[str]:
    """Deletes those of `ids` that are still unattached; returns their keys."""
    async with in_transaction():  # nothing to announce: no event bus needed
        locked = await Media.filter(id__in=ids).select_for_update()
        held = [media.id for media in locked]
        attached = set(await PostImage.filter(media_id__in=held).values_list("media_id", flat=True))
        attached |= set(
            await ModuleSection.filter(image_media_id__in=held).values_list("image_media_id", flat=True)
        )
        attached |= set(await User.filter(photo_media_id__in=held).values_list("photo_media_id", flat=True))
        doomed = [media for media in locked if media.id not in attached]
        if doomed:
            await Media.filter(id__in=[media.id for media in doomed]).delete()
    return [media.key for media in doomed]


async def delete_orphan_media(grace: timedelta, now: datetime | None = None) -> int:
    """Photos uploaded before `now - grace` that no post nor section holds; returns how many went."""
    cutoff = (now or datetime.now(UTC)) - grace
    deleted = 0
    while True:
        ids = await (
            Media.filter(
                created_at__lt=cutoff, post_images__id=None, training_sections__id=None, photo_of__id=None
            )
            .order_by("id")
            .limit(BATCH)
            .values_list("id", flat=True)
        )
        if not ids:
            return deleted
        keys = await _delete_unattached([int(i) for i in ids])  # type: ignore[call-overload]
        await delete_files(keys)
        deleted += len(keys)
        if len(ids) < BATCH:
            return deleted


async def run_media_cleanup_forever(interval_seconds: float, grace_seconds: float) -> None:
    """Started from the server's lifespan; a failed round is logged and retried next time."""
    while True:
        try:
            count = await delete_orphan_media(timedelta(seconds=grace_seconds))
            if count:
                log.info("deleted %d photos never attached to a post", count)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("orphan photo clean-up failed")
        await asyncio.sleep(interval_seconds)
