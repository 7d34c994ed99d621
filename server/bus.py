"""The event bus: in memory for one process, Redis pub/sub across instances.

Every published message carries a `version`: a per-channel sequence (a process counter in
memory, `INCR` in Redis) so that a subscriber can tell it missed a message and ask again.
Publishing happens only after the writing transaction committed (see `server.db.atomic`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from typing import Any, Protocol

from server.metrics import BUS_LAG

log = logging.getLogger("elan.bus")
SENT_AT = "_sentAt"

Listener = Callable[[dict[str, Any]], None]


class EventBus(Protocol):
    async def start(self) -> None: ...
    async def close(self) -> None: ...
    async def publish(self, channel: str, payload: dict[str, Any]) -> int: ...
    async def publish_many(self, messages: list[tuple[str, dict[str, Any]]]) -> None: ...
    def listen(self, channel: str, listener: Listener) -> Callable[[], None]: ...
    async def healthy(self) -> bool: ...


class _Listeners:
    """Synchronous fan-out to the listeners of each channel in this process."""

    def __init__(self) -> None:
        self._by_channel: dict[str, set[Listener]] = defaultdict(set)

    def add(self, channel: str, listener: Listener) -> Callable[[], None]:
        self._by_channel[channel].add(listener)

        def remove() -> None:
            listeners = self._by_channel.get(channel)
            if listeners is not None:
                listeners.discard(listener)
                if not listeners:
                    self._by_channel.pop(channel, None)

        return remove

    def channels(self) -> list[str]:
        return list(self._by_channel)

    def deliver(self, channel: str, message: dict[str, Any]) -> None:
        for listener in list(self._by_channel.get(channel, ())):
            try:
                listener(message)
            except Exception:  # a broken listener must not starve the others
                log.exception("listener failed on %s", channel)


class MemoryBus:
    def __init__(self) -> None:
        self._listeners = _Listeners()
        self._versions: dict[str, int] = defaultdict(int)

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None

    async def publish(self, channel: str, payload: dict[str, Any]) -> int:
        self._versions[channel] += 1
        version = self._versions[channel]
        self._listeners.deliver(channel, {**payload, "version": version})
        return version

    async def publish_many(self, messages: list[tuple[str, dict[str, Any]]]) -> None:
        for channel, payload in messages:
            await self.publish(channel, payload)

    def listen(self, channel: str, listener: Listener) -> Callable[[], None]:
        return self._listeners.add(channel, listener)

    async def healthy(self) -> bool:
        return True


# the version and the message in one round trip: the payload's JSON gets "version" spliced in
_PUBLISH = """
local version = redis.call('INCR', KEYS[1])
local body = ARGV[1]
if body == '{}' then
  body = '{"version":' .. version .. '}'
else
  body = '{"version":' .. version .. ',' .. string.sub(body, 2)
end
redis.call('PUBLISH', KEYS[2], body)
return version
"""


class RedisBus:
    """Redis pub/sub with one connection for publishing and one reader task.

    The reader re-subscribes to every channel in use after Redis comes back, with a
    capped back-off; while Redis is away, publish raises and the caller's change is
    still committed (events are notifications, the database is the truth).
    """

    def __init__(self, url: str, prefix: str = "elan") -> None:

        self._redis = redis_client(url, health_check_interval=10)
        # pub/sub channels are global to a Redis server (not per database): the prefix keeps
        # two deployments (or two test runs) sharing one Redis apart
        self._prefix = prefix + ":"
        self._listeners = _Listeners()
        self._reader: asyncio.Task[None] | None = None
        self._pubsub: Any = None
        self._connected = asyncio.Event()
        self._closing = False
        self._publish = self._redis.register_script(_PUBLISH)

    async def start(self) -> None:
        self._reader = asyncio.create_task(self._read_forever(), name="redis-bus-reader")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._connected.wait(), timeout=5)

    async def close(self) -> None:
        self._closing = True
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        if self._pubsub is not None:
            with contextlib.suppress(Exception):
                await self._pubsub.aclose()
        await self._redis.aclose()

    def _publish_args(self, channel: str, payload: dict[str, Any]) -> dict[str, Any]:
        keys = [f"{self._prefix}seq:{channel}", f"{self._prefix}{channel}"]
        body = {k: v for k, v in payload.items() if k != "version"}
        body[SENT_AT] = time.time()  # taken off on delivery: the bus lag (server.metrics)
        return {"keys": keys, "args": [json.dumps(body)]}

    async def publish(self, channel: str, payload: dict[str, Any]) -> int:
        return int(await self._publish(**self._publish_args(channel, payload)))

    async def publish_many(self, messages: list[tuple[str, dict[str, Any]]]) -> None:
        """All the events of one commit in one round trip, in order."""
        if len(messages) == 1:
            await self.publish(*messages[0])
            return
        pipe = self._redis.pipeline(transaction=False)
        for channel, payload in messages:
            await self._publish(client=pipe, **self._publish_args(channel, payload))
        await pipe.execute()

    def listen(self, channel: str, listener: Listener) -> Callable[[], None]:
        first = channel not in self._listeners.channels()
        remove = self._listeners.add(channel, listener)
        if first and self._pubsub is not None:
            task = asyncio.ensure_future(self._subscribe(channel))
            task.add_done_callback(_ignore_result)

        def stop() -> None:
            remove()
            if channel not in self._listeners.channels() and self._pubsub is not None:
                task = asyncio.ensure_future(self._unsubscribe(channel))
                task.add_done_callback(_ignore_result)

        return stop

    async def healthy(self) -> bool:
        try:
            return bool(await asyncio.wait_for(self._redis.ping(), timeout=2))
        except Exception:
            return False

    async def _subscribe(self, channel: str) -> None:
        with contextlib.suppress(Exception):
            await self._pubsub.subscribe(f"{self._prefix}{channel}")

    async def _unsubscribe(self, channel: str) -> None:
        with contextlib.suppress(Exception):
            await self._pubsub.unsubscribe(f"{self._prefix}{channel}")

    async def _read_forever(self) -> None:
        delay = 0.1
        while not self._closing:
            try:
                async for channel, message in self._messages():
                    delay = 0.1
                    self._listeners.deliver(channel, message)
            except asyncio.CancelledError:
                raise
            except Exception as error:
                self._connected.clear()
                log.warning("redis bus disconnected (%s); retrying in %.1fs", error, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def _messages(self) -> AsyncIterator[tuple[str, dict[str, Any]]]:
        if self._pubsub is not None:
            with contextlib.suppress(Exception):
                await self._pubsub.aclose()
        self._pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
        # a placeholder channel keeps the connection subscribed while nobody listens
        await self._pubsub.subscribe(f"{self._prefix}__bus__", *[f"{self._prefix}{c}" for c in self._listeners.channels()])
        self._connected.set()
        while True:
            message = await self._pubsub.get_message(timeout=1.0)
            if message is None:
                continue
            channel = str(message["channel"]).removeprefix(self._prefix)
            body = json.loads(message["data"])
            sent_at = body.pop(SENT_AT, None)
            if isinstance(sent_at, int | float):
                BUS_LAG.observe(max(0.0, time.time() - sent_at))
            yield channel, body


def redis_client(url: str, **options: Any) -> Any:
    """A Redis client that outlives a Redis restart: a command on a connection the restart cut
    is retried on a fresh one (with back-off) instead of failing the request that sent it."""
    import redis.asyncio as redis
    from redis.asyncio.retry import Retry
    from redis.backoff import ExponentialBackoff
    from redis.exceptions import ConnectionError, TimeoutError

    return redis.Redis.from_url(
        url,
        decode_responses=True,
        retry=Retry(ExponentialBackoff(cap=1.0, base=0.05), retries=5),
        retry_on_error=[ConnectionError, TimeoutError, ConnectionResetError],
        **options,
    )


def _ignore_result(task: asyncio.Future[Any]) -> None:
    with contextlib.suppress(BaseException):
        task.result()


def make_bus(redis_url: str | None, prefix: str = "elan") -> EventBus:
    return RedisBus(redis_url, prefix) if redis_url else MemoryBus()


_bus: EventBus | None = None


def set_bus(bus: EventBus | None) -> None:
    global _bus
    _bus = bus


def get_bus() -> EventBus:
    if _bus is None:
        raise RuntimeError("the event bus is not started")
    return _bus


def listen_queue(
    channel: str, limit: int, wanted: Callable[[dict[str, Any]], bool] | None = None
) -> tuple[asyncio.Queue[dict[str, Any]], Callable[[], None]]:
    """A bounded queue fed by `channel` (optionally filtered) and the function that stops it.

    A slow subscriber loses messages rather than memory; the version numbers let it notice.
    """
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(limit)

    def receive(message: dict[str, Any]) -> None:
        if (wanted is None or wanted(message)) and not queue.full():
            queue.put_nowait(message)

    return queue, get_bus().listen(channel, receive)
