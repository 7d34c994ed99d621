"""Fixed-window counters for rate limits: in memory for one process, Redis across many."""

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

    def _forget_expired(self) -> None:
        now = time.monotonic()
        for key in [k for k, (_, ends) in self._counters.items() if ends <= now]:
            del self._counters[key]


class RedisLimiter:
    def __init__(self, url: str, prefix: str = "elan") -> None:
        import redis.asyncio as redis

        self._redis = redis.Redis.from_url(url, decode_responses=True)
        self._prefix = prefix

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


async def ensure_below(key: str, limit: int) -> None:
    """Refuse when `key` already reached `limit` in its current window."""
    count, left = await get_limiter().peek(key)
    if count >= limit:
        raise RateLimited(max(1, left))


async def consume(key: str, limit: int, window: int) -> None:
    """Count one action and refuse it when it goes over `limit` in the window."""
    count, left = await get_limiter().hit(key, window)
    if count > limit:
        raise RateLimited(left)
