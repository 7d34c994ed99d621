"""Shared subscriptions: one execution per (document, variables, event), one serialised payload.

A plain subscription runs its resolver and serialises its result once per subscriber and per
event (about 0.4 ms each): 2,000 phones on one leaderboard would cost 0.8 s per change. For
fields whose payload is the same for every viewer of an audience (SHARED_FIELDS; a board's
audience is whose names it shows, server.privacy.boards), subscribers of the same document,
variables and audience join one `SharedStream`: its single execution yields each event once,
the result is serialised once, and each subscriber gets it behind its own operation id.

Snapshots are shared too (a reconnect storm: an instance restarts and its 10,000 phones come
back at once). Each joiner's right to see is checked on its own (`ACCESS`, the rule the resolver
applies, with the rows it needs read once per stream for a few seconds); then it takes the
stream's current snapshot: the stream's own first result, or one computed for the joiners
arriving together (single flight), valid while no event has been broadcast since it was read.
A joiner registers before it takes a snapshot, so events arriving meanwhile are buffered for it
and sent after the snapshot; the client drops versions it already has, so nothing is lost or
doubled. A joiner without such a rule, or refused by it, runs the document itself as before
(where a refusal becomes the resolver's own error).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from graphql import FieldNode, GraphQLError, OperationType
from strawberry.types.execution import PreExecutionError

from schema.documents import Prepared
from schema.wire import dumps_text

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
    return dumps_text(value)


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


ACCESS_SECONDS = 5.0  # how long a stream keeps the rows its access rule read


async def _leaderboard_access(stream: SharedStream, context: Any, arguments: dict[str, Any]) -> bool:
    """`leaderboard(challengeId)`: the resolver's rule (server.challenges.standings.visible_challenge),
    with the challenge and its scope unit read once per stream; a duel is checked per person."""
    from server.challenges.models import Challenge, ChallengeFormat
    from server.challenges.standings import sees_challenge
    from server.network.models import Unit

    scope = getattr(context, "scope", None)
    if scope is None:
        return False
    async def read() -> tuple[Any, Any]:
        challenge = await Challenge.get_or_none(id=int(str(arguments["challengeId"])))
        unit = await Unit.get_or_none(id=challenge.scope_unit_id) if challenge is not None else None
        return challenge, unit

    challenge, unit = await stream.access_rows_of(("challenge", str(arguments.get("challengeId"))), read)
    if challenge is None or unit is None or challenge.organization_id != scope.organization_id:
        return False
    if challenge.format == ChallengeFormat.DUEL:
        return False  # a duel's few people run it themselves (a per-person rule)
    return bool(sees_challenge(scope, challenge, unit))


ACCESS = {"leaderboard": _leaderboard_access}


def _arguments(payload: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The shared field's name and its arguments, as the resolver gets them."""
    from graphql.execution.values import get_argument_values, get_variable_values

    from schema import schema
    from schema.documents import prepare

    try:
        operation = prepare(payload["query"], payload.get("operationName") if isinstance(payload.get("operationName"), str) else None)
        node = operation.operation.selection_set.selections[0]
        assert isinstance(node, FieldNode) and not node.directives
        root = schema._schema.subscription_type
        assert root is not None
        definition = root.fields[node.name.value]
        variables = payload.get("variables")
        found = get_variable_values(schema._schema, operation.operation.variable_definitions or (),
                                    variables if isinstance(variables, dict) else {})
        if isinstance(found, list):
            return None
        return node.name.value, get_argument_values(definition, node, found)
    except Exception:
        return None


class SharedStream:
    def __init__(self, payload: dict[str, Any], context: Any) -> None:
        self.subscribers: set[Subscriber] = set()
        self.ready = asyncio.Event()
        self.finished = asyncio.Event()
        self.failed = False
        self.generation = 0  # events broadcast so far
        self.snapshot: tuple[int, str] | None = None  # (generation it was read at, its body)
        self.computing: tuple[int, asyncio.Future[str | None]] | None = None
        self.access_rows: dict[Any, tuple[float, asyncio.Future[Any]]] = {}
        self.task = asyncio.create_task(self._run(payload, context), name="shared-subscription")

    async def access_rows_of(self, key: Any, read: Callable[[], Awaitable[Any]]) -> Any:
        """The rows an access rule needs, read once for every joiner asking within
        ACCESS_SECONDS (single flight: joiners arriving together wait for the same read)."""
        loop = asyncio.get_running_loop()
        cached = self.access_rows.get(key)
        if cached is None or cached[0] < loop.time() or (cached[1].done() and cached[1].exception() is not None):
            cached = self.access_rows[key] = (loop.time() + ACCESS_SECONDS, asyncio.ensure_future(read()))
        return await asyncio.shield(cached[1])

    async def shared_snapshot(self, payload: dict[str, Any], context: Any) -> str | None:
        """The body of a snapshot no older than the last broadcast event, read once for every
        joiner asking meanwhile; None when it can't be shared (the joiner runs its own)."""
        generation = self.generation
        if self.snapshot is not None and self.snapshot[0] == generation:
            return self.snapshot[1]
        if self.computing is not None and self.computing[0] == generation:
            return await asyncio.shield(self.computing[1])
        future: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        self.computing = (generation, future)
        try:
            results = await _execute(payload, context)
            body: str | None = None
            if not isinstance(results, PreExecutionError):
                try:
                    first = await results.__anext__()
                finally:
                    with contextlib.suppress(Exception):
                        await results.aclose()
                if not isinstance(first, PreExecutionError) and not first.errors:
                    body = _dumps(_body(first))
        except Exception:
            body = None
        if body is not None:
            self.snapshot = (generation, body)
        if self.computing is not None and self.computing[1] is future:
            self.computing = None
        future.set_result(body)
        return body

    async def _run(self, payload: dict[str, Any], context: Any) -> None:
        try:
            results = await _execute(payload, context)
            first = True
            async for result in results:
                if isinstance(result, PreExecutionError) or (first and result.errors):
                    self.failed = True
                    return
                if first:  # this execution's own snapshot: the first one joiners share
                    first = False
                    self.snapshot = (self.generation, _dumps(_body(result)))
                    self.ready.set()
                    continue
                self.generation += 1
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


async def _audience(context: Any) -> str:
    """Which payload of a shared field the viewer reads: a board names only the people the
    viewer may see named (server.privacy.boards), so viewers of different audiences don't
    share a stream."""
    from server.privacy.boards import audience_of

    user = getattr(context, "user", None)
    return (await audience_of(user.organization_id, user)).key if user is not None else "nobody"


class Hub:
    def __init__(self) -> None:
        self.streams: dict[tuple[str, str, str, str], SharedStream] = {}

    async def _stream(self, key: tuple[str, str, str, str], payload: dict[str, Any], context: Any) -> SharedStream:
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
        key = (payload["query"], _dumps(sorted((variables or {}).items())), str(payload.get("operationName")),
               await _audience(context))
        stream = await self._stream(key, payload, context)
        subscriber = Subscriber(sink, '{"type":"next","id":' + _dumps(operation_id) + ',"payload":')
        stream.subscribers.add(subscriber)
        try:
            shared = await self._shared_snapshot(stream, payload, context)
            if shared is not None:
                await sink.send_text(subscriber.prefix + shared + "}")
                await self._follow(sink, operation_id, subscriber, stream)
                return
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
            await self._follow(sink, operation_id, subscriber, stream)
        finally:
            stream.subscribers.discard(subscriber)
            if not stream.subscribers and not stream.finished.is_set():
                stream.task.cancel()
                if self.streams.get(key) is stream:
                    del self.streams[key]


    async def _shared_snapshot(self, stream: SharedStream, payload: dict[str, Any], context: Any) -> str | None:
        if stream.failed:
            return None
        found = _arguments(payload)
        if found is None or found[0] not in ACCESS:
            return None
        name, arguments = found
        try:
            allowed = await ACCESS[name](stream, context, arguments)
        except Exception:
            log.exception("access rule of %s failed", name)
            allowed = False
        if not allowed:
            return None  # the joiner runs the document: its own answer, or its own error
        return await stream.shared_snapshot(payload, context)

    async def _follow(self, sink: Sink, operation_id: str, subscriber: Subscriber, stream: SharedStream) -> None:
        """After its snapshot: what arrived meanwhile, then every event, until the stream ends."""
        while subscriber.buffer:
            pending, subscriber.buffer = subscriber.buffer, []
            for text in pending:
                await sink.send_text(text)
        subscriber.buffer = None
        await stream.finished.wait()
        await sink.send_text(_dumps({"type": "complete", "id": operation_id}))


HUB = Hub()


# --- subscriptions shared by channel: the feed, notifications --------------------------------
#
# `feedEvents` differs per viewer: which events it gets (its audience, its post, its filter),
# the version it numbers them with, and on a post whether the viewer wrote it or moderates it.
# The rule is the subscription's own (schema.feed.subscriptions.FeedFollower), run per
# subscriber and per event; it is cheap (a path comparison). What is expensive, executing the
# document's selection and serialising it, is done once per event for each distinct answer:
# subscribers of the same document and variables are grouped by what their answer depends on
# (language, role, author, moderator); the version is spliced into each one's copy.
# `notifications` (schema.notifications.subscriptions.NotificationsFollower) is one person's
# channel: its sockets (phone, laptop) share one listener and one execution per event, and each
# gets its own SNAPSHOT first. Neither keeps a generator, a queue or a task per subscriber.

AUDIENCE_FIELDS = frozenset({"feedEvents", "notifications"})
VERSION_MARK = 2_147_480_001  # an Int no event reaches: where each subscriber's version goes
OUTBOX_LIMIT = 256  # messages waiting for a slow socket before it loses some (a version gap)


def audience_field(operation: Prepared) -> bool:
    if operation.kind != OperationType.SUBSCRIPTION:
        return False
    selections = operation.operation.selection_set.selections
    return (len(selections) == 1 and isinstance(selections[0], FieldNode)
            and selections[0].name.value in AUDIENCE_FIELDS and not selections[0].directives)


def _converted_arguments(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """Arguments as the resolver receives them (strawberry's input types)."""
    from strawberry.schema.schema_converter import GraphQLCoreConverter
    from strawberry.types.arguments import convert_arguments

    from schema import schema

    root = schema._schema.subscription_type
    assert root is not None
    field_definition = root.fields[name].extensions[GraphQLCoreConverter.DEFINITION_BACKREF]
    return convert_arguments(arguments, field_definition.arguments,
                             scalar_registry=schema.schema_converter.scalar_registry, config=schema.config)


def _masked(errors: list[Any]) -> list[dict[str, Any]]:
    out = []
    for error in errors:
        if error.original_error is not None and not isinstance(error.original_error, GraphQLError):
            log.error("feed event field failed", exc_info=error.original_error)
            error = GraphQLError("Unexpected error.", nodes=error.nodes, source=error.source,
                                 positions=error.positions, path=error.path)
        out.append(error.formatted)
    return out


@dataclass(eq=False)
class Follower:
    """One socket's subscription in a shared feed stream."""

    sink: Sink
    prefix: str
    rule: Any  # schema.feed.subscriptions.FeedFollower
    context: Any
    key: tuple[Any, ...]  # what its answers depend on besides the event
    outbox: list[str] = field(default_factory=list)
    sending: asyncio.Task[None] | None = None
    gone: bool = False
    held: bool = False  # until its snapshot is sent: what arrives meanwhile waits in the outbox

    def push(self, text: str) -> None:
        if len(self.outbox) >= OUTBOX_LIMIT:
            return  # a slow client loses events rather than memory; its next version shows a gap
        self.outbox.append(text)
        if self.sending is None and not self.held:
            self.sending = asyncio.create_task(self._drain())

    def release(self) -> None:
        self.held = False
        if self.outbox and self.sending is None:
            self.sending = asyncio.create_task(self._drain())

    async def _drain(self) -> None:
        try:
            while self.outbox and not self.gone:
                pending, self.outbox = self.outbox, []
                for text in pending:
                    await self.sink.send_text(text)
        except Exception:
            self.gone = True
        finally:
            self.sending = None


class ChannelStream:
    """The subscribers of one document and variables in one organisation, fed by one bus
    listener; each event executed once per distinct answer."""

    def __init__(self, channel: str, payload: dict[str, Any], operation: Prepared) -> None:
        self.followers: set[Follower] = set()
        self.payload = payload
        self.operation = operation
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(4096)
        self.executions = 0  # selections executed (for tests and benchmarks)
        self.stop = get_bus_listen(channel, self._receive)
        self.task = asyncio.create_task(self._run(), name="shared-feed")

    def _receive(self, message: dict[str, Any]) -> None:
        if not self.queue.full():  # else every follower sees the bus's gap on the next one
            self.queue.put_nowait(message)

    async def _run(self) -> None:
        while True:
            message = await self.queue.get()
            try:
                await self._deliver(message)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("shared feed event failed")

    async def _deliver(self, message: dict[str, Any]) -> None:
        groups: dict[tuple[Any, ...], list[tuple[Follower, int]]] = {}
        for follower in list(self.followers):
            version = follower.rule.accept(message)
            if version is None:
                continue
            groups.setdefault((*follower.key, *follower.rule.variant(message)), []).append((follower, version))
        for members in groups.values():
            try:
                parts = await self._execute(members[0][0], message)
            except Exception:  # this answer's subscribers lose the event (a version gap), not the others
                log.exception("shared %s event failed", self.operation.operation.name or "subscription")
                continue
            for follower, version in members:
                if not follower.gone:
                    follower.push(follower.prefix + str(version).join(parts) + "}")

    async def _execute(self, follower: Follower, message: dict[str, Any]) -> list[str]:
        """The event's `next` payload for this answer, split where the version goes."""
        self.executions += 1
        return await self.execute(follower, follower.rule.event(message, VERSION_MARK))

    async def execute(self, follower: Follower, root: Any) -> list[str]:
        from graphql import ExecutionResult, execute

        from schema import schema

        variables = self.payload.get("variables")
        result = execute(schema._schema, self.operation.document,
                         root_value=root,
                         context_value=follower.context,
                         variable_values=variables if isinstance(variables, dict) else None,
                         operation_name=self.operation.operation.name.value if self.operation.operation.name else None,
                         executor_class=schema.execution_context_class)
        if not isinstance(result, ExecutionResult):
            result = await result
        data = result.data
        marks = 0
        if isinstance(data, dict) and len(data) == 1:
            key, value = next(iter(data.items()))
            if isinstance(value, dict):
                # the version fields first: the mark's first occurrences in the text are theirs
                versions = {k: v for k, v in value.items() if v == VERSION_MARK}
                marks = len(versions)
                data = {key: {**versions, **{k: v for k, v in value.items() if k not in versions}}}
        body: dict[str, Any] = {"data": data}
        if result.errors:
            body["errors"] = _masked(list(result.errors))
        return _dumps(body).split(str(VERSION_MARK), marks)


def get_bus_listen(channel: str, listener: Any) -> Any:
    from server.bus import get_bus

    return get_bus().listen(channel, listener)


class ChannelHub:
    def __init__(self) -> None:
        self.streams: dict[tuple[str, ...], ChannelStream] = {}

    async def join(self, sink: Sink, operation_id: str, payload: dict[str, Any], operation: Prepared,
                   context: Any) -> bool:
        """Serves one subscriber until it completes or disconnects; False when the document
        can't be shared (the caller runs it on its own, with the resolver's own errors)."""
        from schema import schema
        from schema.cost import cost_errors
        from schema.documents import validation_errors
        from schema.feed.subscriptions import FeedFollower
        from schema.notifications.subscriptions import NotificationsFollower
        from server.errors import DomainError

        scope = getattr(context, "scope", None)
        if scope is None or context.user is None or scope.agency_id is not None:
            return False  # a kiosk, or a partner agency's person (audited reads): run on its own
        # only a document that would run: anything refused gets the schema's own answer
        variables = payload.get("variables") if isinstance(payload.get("variables"), dict) else None
        if validation_errors(operation.parsed) or cost_errors(schema._schema, operation.document, operation.operation,
                                                             variables, context.language):
            return False
        found = _arguments(payload)
        if found is None or found[0] not in AUDIENCE_FIELDS:
            return False
        rule: Any
        try:
            arguments = _converted_arguments(*found)
            if found[0] == "notifications":
                rule = NotificationsFollower(context.user)
            else:
                rule = await FeedFollower.create(context.language, scope, arguments.get("post_id"),
                                                 arguments.get("filter"))
        except Exception as refused:
            if not isinstance(refused, DomainError | GraphQLError):
                log.exception("shared feed subscription refused")
            return False
        variables = payload.get("variables") if isinstance(payload.get("variables"), dict) else {}
        key = (rule.channel, payload["query"], _dumps(sorted((variables or {}).items())),
               str(payload.get("operationName")))
        stream = self.streams.get(key)
        if stream is None:
            stream = self.streams[key] = ChannelStream(rule.channel, payload, operation)
        follower = Follower(sink, '{"type":"next","id":' + _dumps(operation_id) + ',"payload":', rule, context,
                            (context.language, scope.role), held=hasattr(rule, "snapshot"))
        stream.followers.add(follower)
        try:
            if follower.held:  # listening first: what happens meanwhile follows the snapshot
                parts = await stream.execute(follower, await rule.snapshot())
                await sink.send_text(follower.prefix + "0".join(parts) + "}")
                follower.release()
            await asyncio.Event().wait()  # until cancelled: the socket completes or closes
        finally:
            follower.gone = True
            stream.followers.discard(follower)
            if follower.sending is not None:
                follower.sending.cancel()
            if not stream.followers and self.streams.get(key) is stream:
                del self.streams[key]
                stream.stop()
                stream.task.cancel()
        return True

CHANNEL_HUB = ChannelHub()
