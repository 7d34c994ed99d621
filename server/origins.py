"""A browser may act for a person only from Élan's own pages (cross-site request forgery).

The session cookie is SameSite=Lax, which keeps it off cross-site POSTs but not off
same-site ones (a sibling sub-domain) nor off WebSocket handshakes. So, before any route:

- a POST (or any other method that changes things) without a bearer token is refused with
  403 when its `Origin` is not one of ALLOWED_ORIGINS (PUBLIC_URL's origin, plus the local
  ones in development), or, when it has no `Origin`, when `Sec-Fetch-Site` says another site
  sent it. A request with neither header does not come from a browser (curl, an integration
  script), and what it can do it could do without a page to trick;
- a WebSocket handshake that carries cookies is held to the same rule (browsers always send
  `Origin` with one); without cookies the socket authenticates by the token in its
  `connection_init`, which a foreign page does not have;
- a bearer token is never refused: a page on another site cannot send that header without a
  CORS preflight, which Élan does not answer.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from server.settings import get_settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
BROWSER_SAME_SITE = frozenset({"same-origin", "none"})  # Sec-Fetch-Site values of our own pages
MESSAGE = "Cross-site request refused: this server only accepts requests from its own pages."


def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {name: value for name, value in scope.get("headers", [])}


def from_elsewhere(headers: dict[bytes, bytes]) -> bool:
    """Whether a browser sent this request (its headers) from a page that is not one of ours."""
    origin = headers.get(b"origin")
    if origin is not None:
        return origin.decode("latin-1").lower() not in get_settings().allowed_origins
    fetch_site = headers.get(b"sec-fetch-site")
    return fetch_site is not None and fetch_site.decode("latin-1").lower() not in BROWSER_SAME_SITE


def needs_check(scope: Scope, headers: dict[bytes, bytes]) -> bool:
    if scope["type"] == "websocket":
        return b"cookie" in headers
    if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
        return False
    return headers.get(b"authorization", b"")[:7].lower() != b"bearer "


class CrossSiteGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"}:
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)  # read once for both questions
        if not needs_check(scope, headers) or not from_elsewhere(headers):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 4403, "reason": "Forbidden origin"})
            return
        body: dict[str, Any] = (
            {"errors": [{"message": MESSAGE, "extensions": {"code": "FORBIDDEN_ORIGIN"}}]}
            if scope["path"] == "/graphql"
            else {"error": {"code": "forbidden_origin", "message": MESSAGE}}
        )
        payload = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 403,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": payload})
