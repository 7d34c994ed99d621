"""Compressed responses when Élan runs without a proxy (`make run`), and behind one alike.

- The PWA's files (JS, CSS, HTML, SVG, the manifest) are gzipped once per process at the
  highest level and kept in memory (server.static), so a first load costs no compression.
- Everything else over 1 KB that is not already compressed (the API's JSON, credentials) goes
  through Starlette's GZipMiddleware at a middling level: cheap enough per request.
- WebSockets are left alone (the middleware only sees HTTP), and so would be a
  `text/event-stream` (excluded by Starlette), images and anything with a Content-Encoding.
Behind Caddy, `encode` sees a Content-Encoding already set and passes the body through.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from starlette.middleware.gzip import GZipMiddleware, GZipResponder, IdentityResponder
from starlette.types import ASGIApp, Receive, Scope, Send

COMPRESSIBLE = frozenset({".js", ".mjs", ".css", ".html", ".svg", ".webmanifest", ".json", ".txt", ".map", ".ico"})


class Compression(GZipMiddleware):
    """Starlette's GZipMiddleware, whose rules it keeps, with the per-request work it repeats
    done once: the excluded media types are normalised here, not again in each request's
    responder, and `Accept-Encoding` is read from the raw headers, not through a `Headers`."""

    def __init__(self, app: ASGIApp) -> None:
        super().__init__(app, minimum_size=1024, compresslevel=6)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        responder: IdentityResponder
        if b"gzip" in _accept_encoding(scope):
            responder = GZipResponder(
                self.app, self.minimum_size, compresslevel=self.compresslevel,
                thread_minimum_size=self.thread_minimum_size, exclude_content_types=(),
            )
        else:
            responder = IdentityResponder(self.app, self.minimum_size, exclude_content_types=())
        responder.exclude_content_types = self.exclude_content_types
        await responder(scope, receive, send)


def _accept_encoding(scope: Scope) -> bytes:
    """The first Accept-Encoding header (as Starlette's `Headers.get` reads it), or b""."""
    for name, value in scope["headers"]:
        if name == b"accept-encoding":
            return value
    return b""


def accepts_gzip(accept_encoding: str) -> bool:
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


@lru_cache(maxsize=256)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


def gzipped_file(path: Path) -> bytes | None:
    """The file gzipped (cached while it is unchanged), or None when it does not compress."""
    if path.suffix not in COMPRESSIBLE:
        return None
    stat = path.stat()
    if stat.st_size < 256:
        return None
    return _gzipped(str(path), stat.st_mtime_ns, stat.st_size)
