"""Shared subscriptions: one execution per (document, variables, event), one serialised payload.

A plain subscription runs its resolver and serialises its result once per subscriber and per
event (about 0.4 ms each): 2,000 phones on one leaderboard would cost 0.8 s per change. For
fields whose payload is the same for every viewer (SHARED_FIELDS), subscribers of the same
document and variables join one `SharedStream`: its single execution yields each event once,
the result is serialised once, and each subscriber gets it behind its own operation id.

Each joiner still runs the document once with its own context for its snapshot, which is also
where its right to see the data is checked. Events arriving meanwhile are buffered for it and
sent after the snapshot; the client drops versions it already has, so nothing is lost or doubled.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

from graphql import FieldNode, OperationType
from strawberry.types.execution import PreExecutionError

from schema.documents import Prepared

log = logging.getLogger("elan.fanout")
SHARED_FIELDS = frozenset({"leaderboard"})


class Sink(Protocol):
    async def send_text(self, text: str) -> None: ...


def shared_field(operation: Prepared) -> bool:
    """Whether the operation (already parsed by the transport) is a subscription to exactly
    one shared field."""
    if operation.kind != OperationType.SUBSCRIPTION:
        return False
    selections = operation.operation.selection_set.selections
    return len(selections) == 1 and isinstance(selections[0], FieldNode) and selections[0].name.value in SHARED_FIELDS


def _body(result: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"data": result.data}
    if result.errors:
        body["errors"] = [e.formatted for e in result.errors]
    return body


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


async def _execute(payload: dict[str, Any], context: Any) -> Any:
    from schema import schema

    variables = payload.get("variables")
    name = payload.get("operationName")
    return await schema.stream(
        payload["query"],
        variable_values=variables if isinstance(variables, dict) else None,
        context_value=context,
        operation_name=name if isinstance(name, str) else None,
    )


@dataclass(eq=False)
class Subscriber:
    sink: Sink
    prefix: str  # '{"type":"next","id":"…","payload":'
    buffer: list[str] | None = field(default_factory=list)  # until its snapshot is sent


class SharedStream:
    def __init__(self, payload: dict[str, Any], context: Any) -> None:
        self.subscribers: set[Subscriber] = set()
        self.ready = asyncio.Event()
        self.finished = asyncio.Event()
        self.failed = False
        self.task = asyncio.create_task(self._run(payload, context), name="shared-subscription")

    async def _run(self, payload: dict[str, Any], context: Any) -> None:
        try:
            results = await _execute(payload, context)
            first = True
            async for result in results:
                if isinstance(result, PreExecutionError) or (first and result.errors):
                    self.failed = True
                    return
                if first:  # this execution's own snapshot: each joiner takes its own
                    first = False
                    self.ready.set()
                    continue
                await self.broadcast(_dumps(_body(result)))
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("shared subscription failed")
            self.failed = True
        finally:
            self.ready.set()
            self.finished.set()

    async def broadcast(self, body: str) -> None:
        for subscriber in list(self.subscribers):
            text = subscriber.prefix + body + "}"
            if subscriber.buffer is not None:
                subscriber.buffer.append(text)
                continue
            try:
                await subscriber.sink.send_text(text)
            except Exception:
                self.subscribers.discard(subscriber)


class Hub:
    def __init__(self) -> None:
        self.streams: dict[tuple[str, str, str], SharedStream] = {}

    async def _stream(self, key: tuple[str, str, str], payload: dict[str, Any], context: Any) -> SharedStream:
        stream: SharedStream | None = None
        for _ in range(3):
            stream = self.streams.get(key)
            if stream is None or stream.finished.is_set():
                stream = self.streams[key] = SharedStream(payload, context)
            await stream.ready.wait()
            if not stream.failed and not stream.finished.is_set():
                return stream
            if self.streams.get(key) is stream:
                del self.streams[key]
        assert stream is not None
        return stream

    async def join(self, sink: Sink, operation_id: str, payload: dict[str, Any], context: Any) -> None:
        """Serves one subscriber until it completes, disconnects or the stream ends."""
        variables = payload.get("variables") if isinstance(payload.get("variables"), dict) else {}
        key = (payload["query"], _dumps(sorted((variables or {}).items())), str(payload.get("operationName")))
        stream = await self._stream(key, payload, context)
        subscriber = Subscriber(sink, '{"type":"next","id":' + _dumps(operation_id) + ',"payload":')
        stream.subscribers.add(subscriber)
        try:
            results = await _execute(payload, context)
            if isinstance(results, PreExecutionError):
                await sink.send_text(_dumps({"type": "error", "id": operation_id,
                                             "payload": [e.formatted for e in results.errors or []]}))
                return
            try:
                snapshot = await results.__anext__()
            finally:
                with contextlib.suppress(Exception):
                    await results.aclose()
            if isinstance(snapshot, PreExecutionError):
                await sink.send_text(_dumps({"type": "error", "id": operation_id,
                                             "payload": [e.formatted for e in snapshot.errors or []]}))
                return
            await sink.send_text(subscriber.prefix + _dumps(_body(snapshot)) + "}")
            if snapshot.errors or stream.failed:
                await sink.send_text(_dumps({"type": "complete", "id": operation_id}))
                return
            while subscriber.buffer:
                pending, subscriber.buffer = subscriber.buffer, []
                for text in pending:
                    await sink.send_text(text)
            subscriber.buffer = None
            await stream.finished.wait()
            await sink.send_text(_dumps({"type": "complete", "id": operation_id}))
        finally:
            stream.subscribers.discard(subscriber)
            if not stream.subscribers and not stream.finished.is_set():
                stream.task.cancel()
                if self.streams.get(key) is stream:
                    del self.streams[key]


HUB = Hub()
