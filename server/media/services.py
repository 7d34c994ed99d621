"""Storing an uploaded image for its owner, to be attached to a post; a person's profile photo."""

from __future__ import annotations

import asyncio
import secrets

from server.accounts.models import User
from server.db import atomic
from server.media.images import PHOTO_EDGE, photo_rendition, renditions
from server.media.models import Media
from server.media.storage import file_name, get_storage, media_url
from server.ratelimit import consume
from server.settings import get_settings

UPLOAD_RATE_LIMIT = 60


async def store_image(owner: User, content: bytes) -> Media:
    """Validates and re-encodes first (off the event loop); only a good image is stored."""
    settings = get_settings()
    await consume(f"media:{owner.id}", UPLOAD_RATE_LIMIT, settings.rate_window_seconds)
    images = await asyncio.to_thread(renditions, content)
    key = secrets.token_hex(16)
    storage = get_storage()
    await storage.put(file_name(key, "feed"), images.feed)
    await storage.put(file_name(key, "full"), images.full)
    return await Media.create(
        key=key,
        owner_id=owner.id,
        organization_id=owner.organization_id,
        width=images.width,
        height=images.height,
        feed_width=images.feed_width,
        feed_height=images.feed_height,
        size_bytes=len(images.feed) + len(images.full),
    )


PHOTO_RATE_LIMIT = 20


async def set_profile_photo(person: User, content: bytes) -> str:
    """The person's new photo (JPEG, PNG or WebP, re-encoded as a 512 px square without
    metadata); returns its URL. The previous one is no longer anyone's photo, so the orphan
    sweep (server.media.cleanup) deletes it after its grace period."""
    settings = get_settings()
    await consume(f"photo:{person.id}", PHOTO_RATE_LIMIT, settings.rate_window_seconds)
    photo = await asyncio.to_thread(photo_rendition, content)
    key = secrets.token_hex(16)
    await get_storage().put(file_name(key, "photo"), photo)
    url = media_url(key, "photo")
    async with atomic():
        media = await Media.create(
            key=key,
            owner_id=person.id,
            organization_id=person.organization_id,
            width=PHOTO_EDGE,
            height=PHOTO_EDGE,
            feed_width=PHOTO_EDGE,
            feed_height=PHOTO_EDGE,
            size_bytes=len(photo),
        )
        await User.filter(id=person.id).update(photo_media_id=media.id, avatar_url=url)
    person.photo_media_id, person.avatar_url = media.id, url
    return url


async def remove_profile_photo(person: User) -> None:
    """Back to initials; the photo itself goes with the next orphan sweep."""
    await User.filter(id=person.id).update(photo_media_id=None, avatar_url=None)
    person.photo_media_id, person.avatar_url = None, None
