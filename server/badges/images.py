"""Badge images: validated and re-encoded here until the media service (server/media) lands;
`store_badge_image` is the one function to switch over to it then.

An image is decoded with Pillow (never trusted by its extension or declared type), limited in
bytes and pixels, flattened to a 256 px square PNG without metadata, and stored under
data/badges/ by the hash of its content.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from server.errors import ValidationFailed
from server.settings import get_settings

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4096 * 4096
SIZE = 256
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}


def images_dir() -> Path:
    return get_settings().data_dir / "badges"


def _invalid() -> ValidationFailed:
    return ValidationFailed("badge_image_invalid", "image", max_mb=MAX_BYTES // (1024 * 1024))


def store_badge_image(data: bytes) -> str:
    """Validates and stores an uploaded image; returns the stored file's name."""
    from PIL import Image, UnidentifiedImageError

    if not data or len(data) > MAX_BYTES:
        raise _invalid()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise _invalid()
            width, height = probe.size
            if width * height > MAX_PIXELS or width < 16 or height < 16:
                raise _invalid()
            probe.load()
            image = probe.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise _invalid() from error
    side = min(image.size)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    image = image.crop((left, top, left + side, top + side)).resize((SIZE, SIZE))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    png = out.getvalue()
    name = hashlib.sha256(png).hexdigest()[:32] + ".png"
    folder = images_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if not path.exists():
        path.write_bytes(png)
    return name


def image_path(name: str) -> Path | None:
    """The stored file for a name handed out by `store_badge_image`, or None."""
    if len(name) != 36 or not name.endswith(".png") or not name[:32].isalnum():
        return None
    path = images_dir() / name
    return path if path.is_file() else None
