"""Security headers on every response, whatever route or error produced it.

A route that serves HTML sets the Content-Security-Policy its page needs (the PWA in
server.static, the verification page in server.badges.routes, GraphiQL in schema.http);
everything else (JSON, images, credentials, errors) gets DEFAULT_CSP, which allows nothing:
such a response is never a page, so if one is ever opened as one, nothing in it runs.
HSTS is sent only on HTTPS, which uvicorn knows from the connection itself or from a proxy in
FORWARDED_ALLOW_IPS, never from a header any client may send.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
HSTS = "max-age=31536000"
COMMON: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", DEFAULT_CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"permissions-policy", PERMISSIONS_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = COMMON + (((b"strict-transport-security", HSTS.encode()),) if scope.get("scheme") == "https" else ())

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
