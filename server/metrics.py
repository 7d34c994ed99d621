"""Prometheus metrics (prometheus-client), served on a listener of their own.

`/metrics` is never on the public port: each process (app instances and push workers) serves
it on METRICS_ADDRESS (host:port, e.g. `0.0.0.0:9100` on the compose `internal` network), a
port the proxy does not forward; unset, no metrics are served. The figures:

- `elan_graphql_request_seconds{operation,kind,transport}`: time to answer each GraphQL
  operation, by its name (names outside `[A-Za-z_][A-Za-z0-9_]{0,63}` or past the first 300
  distinct are counted as `other`, so a client cannot blow up the series);
- `elan_http_requests_total{status}`; `elan_websockets_live`; `elan_subscriptions_live{field}`;
- `elan_bus_lag_seconds`: publish to delivery, through Redis;
- `elan_outbox_depth{outbox}` and `elan_outbox_oldest_seconds{outbox}` for `deferred`
  (deferred work), `push` and `mail`: read from the database at each scrape, the same on every
  instance (use max() across them);
- `elan_push_sent_total`, `elan_push_failures_total{status}` (HTTP status of the push
  service, or `refused`, `error`), `elan_mail_sent_total`, `elan_mail_failures_total{status}`:
  counted by the process that sent, so sum() across workers.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from collections.abc import Callable, Coroutine, Iterator
from datetime import UTC, datetime
from typing import Any

from prometheus_client import Counter, Gauge, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import REGISTRY, Collector

log = logging.getLogger("elan.metrics")

GRAPHQL_SECONDS = Histogram(
    "elan_graphql_request_seconds",
    "Time to answer a GraphQL operation, by operation name",
    ["operation", "kind", "transport"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
HTTP_REQUESTS = Counter("elan_http_requests_total", "HTTP responses by status", ["status"])
WEBSOCKETS_LIVE = Gauge("elan_websockets_live", "WebSocket connections open on this instance")
SUBSCRIPTIONS_LIVE = Gauge("elan_subscriptions_live", "Subscriptions running on this instance", ["field"])
BUS_LAG = Histogram(
    "elan_bus_lag_seconds",
    "Time from publishing a live event to its delivery on this instance (Redis bus)",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0),
)
PUSH_SENT = Counter("elan_push_sent_total", "Pushes accepted by a push service")
PUSH_FAILURES = Counter("elan_push_failures_total", "Pushes refused or failed, by status", ["status"])
MAIL_SENT = Counter("elan_mail_sent_total", "Mails accepted by the SMTP server")
MAIL_FAILURES = Counter("elan_mail_failures_total", "Mails refused or failed, by status", ["status"])

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_MAX_OPERATIONS = 300
_known_operations: set[str] = set()


def operation_label(name: str | None) -> str:
    """The label an operation is counted under: its name, bounded in form and number."""
    if not name:
        return "anonymous"
    if name in _known_operations:
        return name
    if not _NAME.fullmatch(name) or len(_known_operations) >= _MAX_OPERATIONS:
        return "other"
    _known_operations.add(name)
    return name


def failure_status(reason: str | None) -> str:
    """`HTTP 429: …` -> `429`; anything else names its kind."""
    text = reason or ""
    match = re.match(r"HTTP (\d{3})", text)
    if match:
        return match.group(1)
    return "refused" if text.startswith("endpoint refused") else "error"


def mail_failure_status(reason: str | None) -> str:
    """`SMTP 550: …` -> `550`; a connection or other error -> `error`."""
    match = re.search(r"\b([45]\d\d)\b", reason or "")
    return match.group(1) if match else "error"


# --- outbox depth and age, read from the database at scrape time ------------------------

OutboxReader = Callable[[], Coroutine[Any, Any, tuple[int, datetime | None]]]
_outboxes: dict[str, OutboxReader] = {}


def register_outbox(name: str, reader: OutboxReader) -> None:
    """`reader` returns (rows waiting, when the oldest became due)."""
    _outboxes[name] = reader


class _OutboxCollector(Collector):
    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None

    def collect(self) -> Iterator[Any]:
        depth = GaugeMetricFamily("elan_outbox_depth", "Rows waiting in an outbox", labels=["outbox"])
        oldest = GaugeMetricFamily(
            "elan_outbox_oldest_seconds", "Age of the oldest row due in an outbox", labels=["outbox"]
        )
        loop = self.loop
        if loop is not None and not loop.is_closed():
            now = datetime.now(UTC)
            for name, reader in list(_outboxes.items()):
                try:
                    state = asyncio.run_coroutine_threadsafe(reader(), loop).result(timeout=5)
                except Exception as error:  # a scrape must not fail because one store is away
                    log.warning("metrics: could not read the %s outbox (%s)", name, error)
                    continue
                count, since = state
                depth.add_metric([name], count)
                oldest.add_metric([name], max(0.0, (now - since).total_seconds()) if since else 0.0)
        yield depth
        yield oldest


_collector = _OutboxCollector()
REGISTRY.register(_collector)


class MetricsServer:
    def __init__(self, server: Any, thread: threading.Thread) -> None:
        self._server, self._thread = server, thread

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def serve_metrics(address: tuple[str, int] | None) -> MetricsServer | None:
    """Starts the /metrics listener for this process (reading outboxes on the running loop)."""
    _register_outboxes()
    _collector.loop = asyncio.get_running_loop()
    if address is None:
        return None
    server, thread = start_http_server(address[1], addr=address[0])
    log.info("metrics on http://%s:%s/metrics", *address)
    return MetricsServer(server, thread)


def _register_outboxes() -> None:
    from server.deferred.services import outbox_state as deferred_state
    from server.mail.worker import outbox_state as mail_state
    from server.push.outbox import outbox_state as push_state

    register_outbox("deferred", deferred_state)
    register_outbox("push", push_state)
    register_outbox("mail", mail_state)
