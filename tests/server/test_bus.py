"""The event bus keeps order and versions; the Redis bus survives a reconnect."""

from __future__ import annotations

import asyncio
import os

import pytest

from server.bus import MemoryBus, RedisBus
from tests.conftest import POSTGRES_LANE, REDIS_URL


async def test_memory_bus_numbers_each_channel_separately():
    bus = MemoryBus()
    seen: list[dict] = []
    stop = bus.listen("feed:1", seen.append)
    await bus.publish("feed:1", {"n": 1})
    await bus.publish("feed:2", {"n": 99})
    await bus.publish("feed:1", {"n": 2})
    stop()
    await bus.publish("feed:1", {"n": 3})
    assert seen == [{"n": 1, "version": 1}, {"n": 2, "version": 2}]


@pytest.mark.postgres_redis
async def test_redis_bus_delivers_across_instances_and_reconnects():
    assert POSTGRES_LANE and REDIS_URL
    prefix = os.environ.get("REDIS_PREFIX", "elan-test")
    sender, receiver = RedisBus(REDIS_URL, prefix), RedisBus(REDIS_URL, prefix)
    await sender.start()
    await receiver.start()
    got: asyncio.Queue[dict] = asyncio.Queue()
    stop = receiver.listen("feed:test-reconnect", got.put_nowait)
    try:
        await asyncio.sleep(0.2)
        await sender.publish("feed:test-reconnect", {"n": 1})
        first = await asyncio.wait_for(got.get(), 5)
        # when Redis drops every client connection (as on a restart)
        import redis.asyncio as redis

        admin = redis.Redis.from_url(REDIS_URL)
        await admin.execute_command("CLIENT", "KILL", "TYPE", "pubsub")
        await admin.aclose()
        # then the receiver subscribes again and the next message arrives
        for _ in range(50):
            await asyncio.sleep(0.2)
            await sender.publish("feed:test-reconnect", {"n": 2})
            try:
                second = await asyncio.wait_for(got.get(), 0.5)
                break
            except TimeoutError:
                continue
        else:
            raise AssertionError("no message after reconnect")
        assert first["n"] == 1 and second["n"] == 2
        assert second["version"] > first["version"]
        assert await receiver.healthy()
    finally:
        stop()
        await sender.close()
        await receiver.close()
