"""Counting the SQL queries a request makes, to pin the cost of hot screens."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

from tortoise import connections

# background work in the same process (the in-server push and mail workers poll their outboxes) is not
# part of any request: its tables are left out of the count
BACKGROUND_TABLES = ("push_message", "push_subscription", "push_settings", "mail_message")
# nor is the deferred work (rank alerts after a result) done by the server's runner task, nor the
# server's periodic jobs (the retention pass runs once at start-up, then daily)
BACKGROUND_TASKS = ("deferred-runner", "privacy-retention", "challenge-clock", "label-reminders", "media-cleanup")


def _in_background() -> bool:
    task = asyncio.current_task()
    return task is not None and task.get_name() in BACKGROUND_TASKS


@contextlib.contextmanager
def counting_queries() -> Iterator[list[str]]:
    """Every SQL statement run while the block is open, except background work."""
    client = type(connections.get("default"))
    seen: list[str] = []
    originals = {name: getattr(client, name) for name in ("execute_query", "execute_query_dict")}

    def wrap(name: str):  # type: ignore[no-untyped-def]
        original = originals[name]

        async def counted(self, query, *args, **kwargs):  # type: ignore[no-untyped-def]
            text = str(query)
            if not any(table in text for table in BACKGROUND_TABLES) and not _in_background():
                seen.append(text)
            return await original(self, query, *args, **kwargs)

        return counted

    for name in originals:
        setattr(client, name, wrap(name))
    try:
        yield seen
    finally:
        for name, original in originals.items():
            setattr(client, name, original)
