"""Fixed-window counters for rate limits: in memory for one process, Redis across many.

An attempt is counted (one atomic increment) before the work it guards, and refused when the
count goes over the limit: checking a count first and adding to it after the work lets every
concurrent attempt through the check before any of them is counted.
"""

from __future__ import annotations

import time
from typing import Protocol

from server.errors import RateLimited


class Limiter(Protocol):
    async def hit(self, key: str, window: int) -> tuple[int, int]:
        """Count one more event for `key`; returns (count in window, seconds left)."""
        ...

    async def peek(self, key: str) -> tuple[int, int]: ...
    async def reset(self, key: str) -> None: ...

    async def release(self, key: str) -> None:
        """Take back one counted event (it turned out not to count, e.g. a right password)."""
        ...


class MemoryLimiter:
    def __init__(self) -> None:
        self._counters: dict[str, tuple[int, float]] = {}

    def _current(self, key: str) -> tuple[int, float]:
        count, ends = self._counters.get(key, (0, 0.0))
        if ends <= time.monotonic():
            return 0, 0.0
        return count, ends

    async def hit(self, key: str, window: int) -> tuple[int, int]:
        count, ends = self._current(key)
        if count == 0:
            ends = time.monotonic() + window
        self._counters[key] = (count + 1, ends)
        if len(self._counters) > 100_000:
            self._forget_expired()
        return count + 1, max(1, int(ends - time.monotonic()))

    async def peek(self, key: str) -> tuple[int, int]:
        count, ends = self._current(key)
        return count, max(0, int(ends - time.monotonic()))

    async def reset(self, key: str) -> None:
        self._counters.pop(key, None)

    async def release(self, key: str) -> None:
        count, ends = self._current(key)
        if count > 0:
            self._counters[key] = (count - 1, ends)

    def _forget_expired(self) -> None:
        now = time.monotonic()
        for key in [k for k, (_, ends) in self._counters.items() if ends <= now]:
            del self._counters[key]


# decrement, never below zero nor on a window that has ended (the key is gone)
_RELEASE = """
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0
"""


class RedisLimiter:
    def __init__(self, url: str, prefix: str = "elan") -> None:
        from server.bus import redis_client

        self._redis = redis_client(url)
        self._prefix = prefix
        self._release = self._redis.register_script(_RELEASE)

    async def hit(self, key: str, window: int) -> tuple[int, int]:
        name = f"{self._prefix}:rl:{key}"
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, window, nx=True)
            pipe.ttl(name)
            count, _, ttl = await pipe.execute()
        return int(count), max(1, int(ttl))

    async def peek(self, key: str) -> tuple[int, int]:
        name = f"{self._prefix}:rl:{key}"
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.get(name)
            pipe.ttl(name)
            count, ttl = await pipe.execute()
        return int(count or 0), max(0, int(ttl))

    async def reset(self, key: str) -> None:
        await self._redis.delete(f"{self._prefix}:rl:{key}")

    async def release(self, key: str) -> None:
        await self._release(keys=[f"{self._prefix}:rl:{key}"])

    async def close(self) -> None:
        await self._redis.aclose()


def make_limiter(redis_url: str | None, prefix: str = "elan") -> Limiter:
    return RedisLimiter(redis_url, prefix) if redis_url else MemoryLimiter()


_limiter: Limiter | None = None


def set_limiter(limiter: Limiter | None) -> None:
    global _limiter
    _limiter = limiter


def get_limiter() -> Limiter:
    global _limiter
    if _limiter is None:
        _limiter = MemoryLimiter()
    return _limiter


async def consume(key: str, limit: int, window: int) -> None:
    """Count one action and refuse it when it goes over `limit` in the window (call it before
    doing the action: the count is one atomic increment, so concurrent calls never all pass)."""
    count, left = await get_limiter().hit(key, window)
    if count > limit:
        raise RateLimited(left)
