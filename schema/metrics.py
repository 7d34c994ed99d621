"""What the GraphQL layer counts for /metrics (server.metrics): each operation's time by
name and kind, and the subscriptions running by field."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import Histogram

from schema.documents import Prepared
from server.logs import request_info
from server.metrics import GRAPHQL_SECONDS, SUBSCRIPTIONS_LIVE, operation_label


def operation_name(operation: Prepared) -> str:
    name = operation.operation.name
    return operation_label(name.value if name else None)


def subscription_field(operation: Prepared) -> str:
    """The subscription's field (validated against the schema, so a bounded set)."""
    first = operation.operation.selection_set.selections[0]
    return getattr(getattr(first, "name", None), "value", "other")


@contextmanager
def timed(operation: Prepared, transport: str) -> Iterator[None]:
    name = operation_name(operation)
    info = request_info()
    if info is not None:
        info["operation"] = name
    started = time.perf_counter()
    try:
        yield
    finally:
        _histogram(name, operation.kind.value, transport).observe(time.perf_counter() - started)


_HISTOGRAMS: dict[tuple[str, str, str], Histogram] = {}


def _histogram(name: str, kind: str, transport: str) -> Histogram:
    """The histogram of one operation (prometheus-client's `labels()` looks it up each time;
    the names are bounded by `operation_label`)."""
    key = (name, kind, transport)
    found = _HISTOGRAMS.get(key)
    if found is None:
        found = _HISTOGRAMS[key] = GRAPHQL_SECONDS.labels(name, kind, transport)
    return found


@contextmanager
def subscription_running(operation: Prepared) -> Iterator[None]:
    gauge = SUBSCRIPTIONS_LIVE.labels(subscription_field(operation))
    gauge.inc()
    try:
        yield
    finally:
        gauge.dec()
