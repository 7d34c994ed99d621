"""Serving the built PWA on the same origin: hashed assets cached for a year, the service
worker and HTML never cached, and app routes falling back to index.html. Every file carries
the app's Content-Security-Policy: the page's, and the service worker's too (a worker obeys
the policy its script was served with). The other security headers come from server.headers."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response

from server.compression import accepts_gzip, gzipped_file
from server.settings import get_settings
from server.training.video import FRAME_ORIGINS

CSP = (
    "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
    "connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'; "
    # a training section's video plays in its host's frame, from these players only
    f"frame-src {' '.join(FRAME_ORIGINS)}"
)
NO_CACHE = {"sw.js", "index.html", "manifest.webmanifest", "offline.html", "registerSW.js"}


def _headers(name: str) -> dict[str, str]:
    headers = {"Content-Security-Policy": CSP}
    if name in NO_CACHE:
        headers["Cache-Control"] = "no-cache"
    else:
        headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return headers


def _resolve(root: Path, relative: str) -> Path | None:
    candidate = (root / relative).resolve()
    if root not in candidate.parents and candidate != root:
        return None
    return candidate if candidate.is_file() else None


async def pwa(request: Request) -> Response:
    root = get_settings().static_dir
    relative = request.path_params.get("path", "")
    found = _resolve(root, relative) if relative else None
    if found is not None:
        headers = _headers(found.name)
        if found.parent.name != "assets" and found.name not in NO_CACHE:
            headers["Cache-Control"] = "public, max-age=3600"
        return _file(request, found, headers)
    if "." in relative.rsplit("/", 1)[-1]:
        return PlainTextResponse("Not found", status_code=404)
    index = root / "index.html"
    if not index.is_file():
        return PlainTextResponse(
            "The PWA is not built: run `make run` (or `npm run build` in pwa/).", status_code=503
        )
    return _file(request, index, _headers("index.html"))


def _file(request: Request, path: Path, headers: dict[str, str]) -> Response:
    """The file, gzipped from memory when the browser takes gzip (server.compression)."""
    headers["Vary"] = "Accept-Encoding"
    if accepts_gzip(request.headers.get("accept-encoding", "")):
        body = gzipped_file(path)
        if body is not None:
            media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return Response(body, media_type=media_type, headers={**headers, "Content-Encoding": "gzip"})
    return FileResponse(path, headers=headers)
