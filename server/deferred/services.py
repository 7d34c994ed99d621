"""defer() and the runner that carries deferred events out after commit.

A service calls `await defer(events, name, payload)` inside `atomic()`: the row commits
with the change, or not at all, and the request returns without doing the work. After
commit the runner of this process is woken; every runner also polls, so the rows of a
process that died are picked up by another. On PostgreSQL several runners claim rows with
`FOR UPDATE SKIP LOCKED`. Each row's handlers run in a savepoint of the claiming
transaction, which also deletes the row: the work is done exactly once, and its own live
events go out after that commit. A handler that fails leaves its row for a later attempt
(with back-off), and after `MAX_ATTEMPTS` the row is kept as failed, with its error.

Names in use (payloads are plain JSON-able dicts, ids as ints):
  challenges.moved   {organization_id, challenge_id, participant_id, user_id, old_rank, new_rank,
                      overtaken: [[participant id, rank], ...], ...} (see server.challenges.announcements)
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from server.db import Events, atomic
from server.deferred.models import DeferredEvent
from server.hooks import on

log = logging.getLogger("elan.deferred")

Handler = Callable[[dict[str, Any]], Awaitable[None]]
WAKE = "deferred.ready"  # a domain event (server.hooks) that wakes this process's runner
BATCH = 50
POLL_SECONDS = 2.0
MAX_ATTEMPTS = 8
_handlers: dict[str, list[Handler]] = {}


def handles(name: str) -> Callable[[Handler], Handler]:
    """Registers a handler for a deferred event (a decorator, at import time)."""

    def register(handler: Handler) -> Handler:
        found = _handlers.setdefault(name, [])
        if handler not in found:
            found.append(handler)
        return handler

    return register


async def defer(events: Events, name: str, payload: dict[str, Any]) -> None:
    """Keeps `payload` for the handlers of `name`, in the caller's transaction."""
    if name not in _handlers:
        raise LookupError(f"no handler for the deferred event {name}")
    await DeferredEvent.create(name=name, payload=payload, available_at=datetime.now(UTC))
    events.emit(WAKE, {})


def _back_off(attempts: int) -> timedelta:
    return timedelta(seconds=min(300, 2 ** attempts))


async def run_due(limit: int = BATCH) -> int:
    """Runs up to `limit` due rows in one transaction; returns how many were claimed."""
    now = datetime.now(UTC)
    async with atomic():
        rows = await (
            DeferredEvent.filter(failed_at=None, available_at__lte=now)
            .order_by("id")
            .limit(limit)
            .select_for_update(skip_locked=True)
        )
        done: list[int] = []
        for row in rows:
            try:
                async with atomic():
                    for handler in _handlers.get(row.name, []):
                        await handler(row.payload)
            except Exception as error:
                log.exception("deferred %s #%s failed (attempt %s)", row.name, row.id, row.attempts + 1)
                row.attempts += 1
                row.last_error = f"{type(error).__name__}: {error}"[:2000]
                row.available_at = now + _back_off(row.attempts)
                row.failed_at = now if row.attempts >= MAX_ATTEMPTS else None
                await row.save(update_fields=["attempts", "last_error", "available_at", "failed_at"])
            else:
                done.append(row.id)
        if done:
            await DeferredEvent.filter(id__in=done).delete()
    return len(rows)


async def run_all_due() -> int:
    """Runs every due row (tests and the demo seeder call this to see the effects at once)."""
    total = 0
    while count := await run_due():
        total += count
    return total


class DeferredRunner:
    """Runs this process's deferred events as soon as they commit, and polls for the others."""

    def __init__(self, poll_seconds: float = POLL_SECONDS) -> None:
        self._poll = poll_seconds
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="deferred-runner")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            try:
                while await run_due() == BATCH:
                    pass
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("deferred runner: round failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll)


_runner: DeferredRunner | None = None


def start_runner(poll_seconds: float = POLL_SECONDS) -> DeferredRunner:
    global _runner
    _runner = DeferredRunner(poll_seconds)
    _runner.start()
    return _runner


async def stop_runner() -> None:
    global _runner
    if _runner is not None:
        await _runner.stop()
        _runner = None


@on(WAKE)
async def wake_runner(_payload: dict[str, Any]) -> None:
    if _runner is not None:
        _runner.wake()


async def outbox_state() -> tuple[int, datetime | None]:
    """Work waiting (not given up) and when the oldest due piece became due (metrics)."""
    waiting = DeferredEvent.filter(failed_at=None)
    oldest = await waiting.filter(available_at__lte=datetime.now(UTC)).order_by("available_at").first()
    return await waiting.count(), oldest.available_at if oldest else None
