"""How uvicorn runs the app, in one place for `python -m server serve` and the tests' server.

- WebSocket messages are capped by the protocol itself (WS_MAX_MESSAGE_BYTES): a larger
  message closes the socket with 1009 before more than the cap is buffered.
- Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are believed only from the proxies
  in FORWARDED_ALLOW_IPS; with none listed uvicorn ignores them, so a client can neither pick
  the address its rate limits count against nor pretend it came over HTTPS.
- An idle HTTP connection stays open KEEP_ALIVE_SECONDS (75 s), longer than the proxy keeps
  its idle connections to an instance (30 s in deploy/Caddyfile). With uvicorn's 5 s the
  instance could close a connection at the instant the proxy reused it, and the proxy answers
  that POST with a 502 (it retries only what never reached an instance).
"""

from __future__ import annotations

from typing import Any

from server.settings import Settings


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    return {
        "ws": "websockets-sansio",
        "ws_max_size": settings.ws_max_message_bytes,
        "timeout_keep_alive": settings.keep_alive_seconds,
        "proxy_headers": bool(settings.forwarded_allow_ips),
        # uvicorn's own default (from its environment) would trust loopback: always pass ours
        "forwarded_allow_ips": list(settings.forwarded_allow_ips),
    }
