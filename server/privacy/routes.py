"""`GET /privacy/exports/<key>`: the zip of a data export, to the person who asked, signed in.

Anyone else (or after it expired) gets the same 404 as for a key that never existed."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from server.accounts.services import authenticate
from server.privacy.export import downloadable


def _token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return request.cookies.get("elan_session") or None


def _not_found() -> Response:
    return PlainTextResponse("Not found", status_code=404, headers={"Cache-Control": "no-store"})


async def download_export(request: Request) -> Response:
    user = await authenticate(_token(request))
    if user is None:
        return _not_found()
    export = await downloadable(user, request.path_params["key"])
    if export is None or export.content is None:
        return _not_found()
    slug = re.sub(r"[^a-z0-9]+", "-", export.person.display_name.lower()).strip("-") or "personne"
    name = f"elan-donnees-{slug}-{export.created_at:%Y%m%d}.zip"
    return Response(
        bytes(export.content),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "private, no-store"},
    )


ROUTES = [Route("/privacy/exports/{key}", download_export, methods=["GET"])]
