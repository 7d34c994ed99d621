"""Where media files live, behind a small interface so an S3-compatible store can replace
the local filesystem without touching the rest of the code."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Protocol

from server.settings import get_settings

KEY_PATTERN = re.compile(r"^[a-f0-9]{32}-(feed|full|photo)\.webp$")


class MediaStorage(Protocol):
    async def put(self, name: str, content: bytes) -> None: ...

    async def get(self, name: str) -> bytes | None: ...

    async def delete(self, name: str) -> None: ...


class LocalStorage:
    """Files under `data/media/` (ELAN_DATA_DIR), written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, name: str) -> Path:
        if not KEY_PATTERN.match(name):
            raise ValueError(f"bad media name {name!r}")
        return self.root / name[:2] / name

    def _write(self, name: str, content: bytes) -> None:
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(content)
        partial.replace(path)

    async def put(self, name: str, content: bytes) -> None:
        await asyncio.to_thread(self._write, name, content)

    async def get(self, name: str) -> bytes | None:
        try:
            path = self._path(name)
        except ValueError:
            return None
        if not path.is_file():
            return None
        return await asyncio.to_thread(path.read_bytes)

    async def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)


_storage: MediaStorage | None = None


def get_storage() -> MediaStorage:
    global _storage
    root = get_settings().data_dir / "media"
    if _storage is None or (isinstance(_storage, LocalStorage) and _storage.root != root):
        _storage = LocalStorage(root)
    return _storage


def set_storage(storage: MediaStorage | None) -> None:
    global _storage
    _storage = storage


def file_name(key: str, size: str) -> str:
    return f"{key}-{size}.webp"


def media_url(key: str, size: str) -> str:
    return f"/media/{file_name(key, size)}"
