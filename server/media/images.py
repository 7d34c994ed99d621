"""Turning an upload into two clean WebP renditions, or refusing it.

Only what Pillow really decodes as JPEG, PNG, WebP or HEIC is accepted, whatever the
file is called; the pixel count is checked from the header before anything is decoded
(decompression bombs); the output is re-encoded from pixels, so no metadata (EXIF, GPS,
XMP, ICC comments) survives.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from server.media.errors import ImageInvalid, ImageTooLarge

try:  # HEIC from iPhones, when the wheel is available for this platform
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIC = True
except ImportError:  # pragma: no cover - depends on the platform
    HEIC = False

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # 40 Mpx: any phone photo, far below a bomb's billions
FORMATS = {"JPEG", "PNG", "WEBP", "HEIF", "MPO"}
FEED_EDGE = 720
FULL_EDGE = 1600
QUALITY = 80

Image.MAX_IMAGE_PIXELS = MAX_PIXELS


@dataclass(slots=True)
class Renditions:
    width: int
    height: int
    feed: bytes
    feed_width: int
    feed_height: int
    full: bytes


def _encode(image: Image.Image, edge: int) -> tuple[bytes, int, int]:
    copy = image.copy()
    copy.thumbnail((edge, edge), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, "WEBP", quality=QUALITY, method=4)  # no exif= given: none written
    return out.getvalue(), copy.width, copy.height


def _decoded(content: bytes) -> Image.Image:
    """The upload's pixels, upright, in RGB(A); raises ImageInvalid or ImageTooLarge."""
    if len(content) > MAX_BYTES:
        raise ImageTooLarge("file", max_mb=MAX_BYTES // (1024 * 1024))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(content))
            if probe.format not in FORMATS:
                raise ImageInvalid("file")
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageTooLarge("file", max_mb=MAX_BYTES // (1024 * 1024))
            probe.verify()
            image = Image.open(io.BytesIO(content))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageTooLarge("file", max_mb=MAX_BYTES // (1024 * 1024)) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageInvalid("file") from error
    upright: Image.Image = ImageOps.exif_transpose(image) or image
    return upright.convert("RGBA" if upright.mode in {"RGBA", "LA", "P"} else "RGB")


def renditions(content: bytes) -> Renditions:
    """Raises ImageInvalid or ImageTooLarge; never writes anything."""
    image_rgb = _decoded(content)
    feed, feed_width, feed_height = _encode(image_rgb, FEED_EDGE)
    full, _, _ = _encode(image_rgb, FULL_EDGE)
    return Renditions(
        width=image_rgb.width,
        height=image_rgb.height,
        feed=feed,
        feed_width=feed_width,
        feed_height=feed_height,
        full=full,
    )


PHOTO_EDGE = 512
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"}


def photo_rendition(content: bytes) -> bytes:
    """A profile photo: JPEG, PNG or WebP only, centre-cropped to a square (the PWA sends it
    cropped already; this keeps any other client honest) and re-encoded at 512 px without
    metadata. Raises ImageInvalid or ImageTooLarge."""
    try:
        declared = Image.open(io.BytesIO(content)).format
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        if isinstance(error, Image.DecompressionBombError):
            raise ImageTooLarge("file", max_mb=MAX_BYTES // (1024 * 1024)) from error
        raise ImageInvalid("file") from error
    if declared not in PHOTO_FORMATS:
        raise ImageInvalid("file")
    image = _decoded(content).convert("RGB")
    square = ImageOps.fit(image, (PHOTO_EDGE, PHOTO_EDGE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    square.save(out, "WEBP", quality=QUALITY, method=4)
    return out.getvalue()
