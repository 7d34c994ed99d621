"""Storing an uploaded image for its owner, to be attached to a post."""

from __future__ import annotations

import asyncio
import secrets

from server.accounts.models import User
from server.media.images import renditions
from server.media.models import Media
from server.media.storage import file_name, get_storage
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
