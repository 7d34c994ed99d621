"""What the test server logged as a fault of its own: errors and tracebacks.

The server runs in the tests' process (tests/conftest.py), so its log records can be read
here; uvicorn's loggers do not propagate to the root logger, so they are listened to as well."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

LOGGERS = ("", "uvicorn", "uvicorn.error")


class _Faults(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            self.records.append(record)


def describe(records: list[logging.LogRecord]) -> list[str]:
    return [f"{r.name}: {r.getMessage()[:200]}" + (" (traceback)" if r.exc_info else "") for r in records]


@contextmanager
def server_faults() -> Iterator[list[logging.LogRecord]]:
    """Collects what is logged at ERROR or above, or with a traceback, while the block runs."""
    handler = _Faults()
    for name in LOGGERS:
        logging.getLogger(name).addHandler(handler)
    try:
        yield handler.records
    finally:
        for name in LOGGERS:
            logging.getLogger(name).removeHandler(handler)
