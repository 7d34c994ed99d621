"""Argon2 password hashing, off the event loop and capped.

A hash costs tens of milliseconds of one core. Hashes run on a pool of
`PASSWORD_HASH_CONCURRENCY` threads of their own (by default half the cores), so a flood of
logins or sign-ups can never take every core: requests, sockets and the push worker keep the
rest. Up to `PASSWORD_HASH_QUEUE` more hashes wait their turn; beyond that a hash is refused at
once with `HashingBusy` (a RateLimitedError for the client), rather than queueing without end.
The login and sign-up rate limits (server.accounts.services) are counted before any of this,
so one account or one address never gets that far more often than its limit.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from server.errors import RateLimited

T = TypeVar("T")

_hasher = PasswordHasher()
# verified against when the account doesn't exist, so timing doesn't tell who has one
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class HashingBusy(RateLimited):
    code = "hashing_busy"

    def __init__(self) -> None:
        super().__init__(retry_after=2)


class HashingPool:
    """At most `concurrency` hashes at once on threads of their own, `queue` more waiting."""

    def __init__(self, concurrency: int, queue: int) -> None:
        self.concurrency = max(1, concurrency)
        self.queue = max(0, queue)
        self._executor = ThreadPoolExecutor(self.concurrency, thread_name_prefix="argon2")
        self._lock = threading.Lock()
        self.in_flight = 0  # submitted, not finished (running or waiting)
        self.running = 0
        self.peak_running = 0
        self.completed = 0  # hashes computed (a hashed login attempt counts one)
        self.refused = 0

    async def run(self, work: Callable[[], T]) -> T:
        if self.in_flight >= self.concurrency + self.queue:
            self.refused += 1
            raise HashingBusy()
        self.in_flight += 1
        loop = asyncio.get_running_loop()
        future: Future[T] = self._executor.submit(self._timed, work)
        # counted down when the thread is done (or the waiting hash was cancelled), not when
        # the caller stops waiting: a cancelled request must not free a core still hashing
        future.add_done_callback(lambda _: _call_soon(loop, self._finished))
        return await asyncio.wrap_future(future, loop=loop)

    def _timed(self, work: Callable[[], T]) -> T:
        with self._lock:
            self.running += 1
            self.peak_running = max(self.peak_running, self.running)
        try:
            return work()
        finally:
            with self._lock:
                self.running -= 1
                self.completed += 1

    def _finished(self) -> None:
        self.in_flight -= 1

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def _call_soon(loop: asyncio.AbstractEventLoop, callback: Callable[[], None]) -> None:
    try:
        loop.call_soon_threadsafe(callback)
    except RuntimeError:  # the loop is closed: nobody is counting any more
        pass


_pool: HashingPool | None = None


def hashing_pool() -> HashingPool:
    """This process's pool, sized from the settings on first use."""
    global _pool
    if _pool is None:
        from server.settings import get_settings

        settings = get_settings()
        _pool = HashingPool(settings.password_hash_concurrency, settings.password_hash_queue)
    return _pool


async def hash_password(password: str) -> str:
    return await hashing_pool().run(lambda: _hasher.hash(password))


async def verify_password(password_hash: str | None, password: str) -> bool:
    def verify() -> bool:
        try:
            return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
        except (VerificationError, InvalidHashError):
            return False

    return await hashing_pool().run(verify)
