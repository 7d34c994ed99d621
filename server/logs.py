"""Logging: plain lines in development, one JSON object per line in production (LOG_JSON,
on by default when ELAN_PRODUCTION=1), each carrying the request id of the request it
belongs to; and the access log, one line per HTTP request or WebSocket session.

The request id comes from the proxy (`X-Request-Id`, which the Caddyfile sets to a fresh
UUID on every request, replacing any sent by the client), else is made here; it is sent back
in the response's `X-Request-Id`, so a person's report, Caddy's log and the app's log meet.
"""

from __future__ import annotations

import contextvars
import json
import logging
import random
import re
import sys
import time
import traceback
from datetime import UTC, datetime
from typing import Any

from prometheus_client import Counter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.metrics import HTTP_REQUESTS
from server.settings import Settings

REQUEST = contextvars.ContextVar[dict[str, Any] | None]("elan_request", default=None)
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
access_log = logging.getLogger("elan.access")


def request_info() -> dict[str, Any] | None:
    """What is known of the request being served (its id; the GraphQL operation once read)."""
    return REQUEST.get()


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        info = REQUEST.get()
        if info is not None:
            line["request_id"] = info["request_id"]
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(settings: Settings) -> None:
    # JSON lines on stdout, where a container's logs are collected
    handler = logging.StreamHandler(sys.stdout if settings.log_json else sys.stderr)
    if settings.log_json:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    if settings.log_json:
        # uvicorn's own loggers go through the root's JSON handler; its access log is ours
        for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
            logging.getLogger(name).handlers[:] = []
            logging.getLogger(name).propagate = True
        logging.getLogger("uvicorn.access").disabled = True


def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            if _REQUEST_ID.fullmatch(candidate):
                return candidate
    # 128 random bits as 32 hex digits (a uuid4's shape); an id to find lines by, not a
    # secret, so the process's generator serves (the system's costs a call per request)
    return f"{random.getrandbits(128):032x}"


def _responses(status: int) -> Counter:
    """The counter of one status (prometheus-client's `labels()` looks it up each time)."""
    counter = _BY_STATUS.get(status)
    if counter is None:
        counter = _BY_STATUS[status] = HTTP_REQUESTS.labels(str(status))
    return counter


_BY_STATUS: dict[int, Counter] = {}


class RequestLog:
    """Sets the request id for everything logged while a request runs, sends it back, counts
    responses by status and writes the access line (in JSON mode; uvicorn's otherwise)."""

    def __init__(self, app: ASGIApp, access: bool = False) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        info: dict[str, Any] = {"request_id": _request_id(scope)}
        token = REQUEST.set(info)
        started = time.perf_counter()
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = [*message.get("headers", []), (b"x-request-id", info["request_id"].encode())]
                message = {**message, "headers": headers}
            elif message["type"] == "websocket.accept":
                status = 101
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if scope["type"] == "http":
                _responses(status or 500).inc()
            if self.access:
                self._log(scope, info, status, time.perf_counter() - started)
            REQUEST.reset(token)

    @staticmethod
    def _log(scope: Scope, info: dict[str, Any], status: int, seconds: float) -> None:
        client = scope.get("client")
        fields = {
            "method": scope.get("method", "WEBSOCKET"),
            "path": scope.get("path"),
            "status": status,
            "duration_ms": round(seconds * 1000, 2),
            "client": client[0] if client else None,
            "scheme": scope.get("scheme"),
        }
        if "operation" in info:
            fields["operation"] = info["operation"]
        access_log.info("%s %s %s", fields["method"], fields["path"], status, extra={"fields": fields})
