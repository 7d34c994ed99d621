"""Concurrent clients timed the same way by every throughput benchmark."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable

# a client: (token, until, samples or None while warming up) -> runs requests until `until`,
# appending each request's seconds to `samples` when it is given
Client = Callable[[str, float, "list[float] | None"], Awaitable[None]]


async def throughput(tokens: list[str], seconds: float, client: Client) -> tuple[float, float, float]:
    """Every token's client for half a second of warm-up, then for `seconds` measured:
    requests per second, median and p95 in milliseconds."""
    warm = time.perf_counter() + 0.5
    await asyncio.gather(*(client(t, warm, None) for t in tokens))
    samples: list[float] = []
    began = time.perf_counter()
    await asyncio.gather(*(client(t, began + seconds, samples) for t in tokens))
    elapsed = time.perf_counter() - began
    samples.sort()
    return len(samples) / elapsed, statistics.median(samples) * 1000, samples[int(len(samples) * 0.95)] * 1000
