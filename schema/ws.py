"""GraphQL over WebSocket, `graphql-transport-ws` protocol only.

Written here rather than taken from strawberry so that authentication closes with 4401 as
the API promises, `connection_init` has a short deadline, and subscriptions whose payload is
the same for everyone (the leaderboard) share one execution among the subscribers of the
same document, and the feed's events and a person's notifications are executed once per event
and per distinct answer, each subscriber's own rule still deciding what it receives
(schema.fanout); a subscription whose plan covers it (schema.plan.PLANNED_SUBSCRIPTIONS) has its
events projected by that plan rather than executed field by field. A socket is registered with its session
(server.accounts.sockets): when the session ends, on any instance, the socket stops running
operations at once and closes with 4401.

Messages are capped by the protocol (WS_MAX_MESSAGE_BYTES, server.serving), and every
document is parsed with the token limit (schema.documents) before anything else looks at it:
one that cannot run gets an `error` message for its operation id, and the socket stays open.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from graphql import FieldNode, GraphQLError, OperationType
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.types.execution import ExecutionResult, PreExecutionError

from schema import schema
from schema.documents import Prepared, prepare
from schema.fanout import CHANNEL_HUB, HUB, audience_field, shared_field
from schema.metrics import subscription_running, timed
from schema.plan import plan_for
from schema.plan_stream import stream_plan
from schema.request_context import context_for, scope_of_session, session_token
from schema.wire import dumps_text
from server.accounts.models import User
from server.accounts.sessions import current_session
from server.accounts.sockets import OPEN_SOCKETS
from server.challenges.kiosk import kiosk_access
from server.i18n import pick_language
from server.metrics import WEBSOCKETS_LIVE
from server.network.scope import Scope
from server.privacy.pseudonym import localized, names_erased
from server.settings import get_settings

PROTOCOL = "graphql-transport-ws"
INIT_TIMEOUT_SECONDS = 3.0
MAX_OPERATIONS = 50
SESSION_ENDED_CLOSE = (4401, "Session ended")
KIOSK_FIELD = "kioskLeaderboard"
log = logging.getLogger("elan.ws")


def _kiosk_token(payload: Any) -> str | None:
    """A showroom screen's kiosk token (server.challenges.kiosk), sent instead of a session."""
    token = payload.get("kiosk") if isinstance(payload, dict) else None
    return token if isinstance(token, str) and token else None


def _kiosk_only(operation: Prepared) -> bool:
    """A kiosk socket runs nothing but the kiosk board subscription."""
    selections = operation.operation.selection_set.selections
    return operation.kind == OperationType.SUBSCRIPTION and all(
        isinstance(s, FieldNode) and s.name.value == KIOSK_FIELD for s in selections)


def _payload_token(payload: Any) -> str | None:
    if not isinstance(payload, dict):
        return None
    token = payload.get("token")
    if isinstance(token, str) and token:
        return token
    header = payload.get("Authorization") or payload.get("authorization")
    if isinstance(header, str) and header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return None


class Connection:
    def __init__(self, websocket: WebSocket) -> None:
        self.websocket = websocket
        self.user: User | None = None
        self.token: str | None = None
        self.scope: Scope | None = None
        self.acknowledged = False
        self.kiosk = False  # a showroom screen with a kiosk link: no session, one read-only field
        self.operations: dict[str, asyncio.Task[None]] = {}
        self._send_lock = asyncio.Lock()
        self.ended = False  # its session ended: nothing more runs on this socket
        self._forget_session: Any = None
        self._closing: asyncio.Future[None] | None = None

    async def send(self, message: dict[str, Any]) -> None:
        await self.send_text(dumps_text(message))

    async def send_text(self, text: str) -> None:
        # an erased person's name is stored without a language: written here in the reader's
        # (a shared board's one serialised payload goes through here per subscriber)
        if names_erased(text):
            text = localized(text, self.language)
        async with self._send_lock:
            await self.websocket.send_text(text)

    @property
    def language(self) -> str:
        return pick_language(self.websocket.headers.get("accept-language"), self.user.language if self.user else None)

    async def close(self, code: int, reason: str) -> None:
        if self.websocket.application_state != WebSocketState.DISCONNECTED:
            with contextlib.suppress(Exception):
                await self.websocket.close(code=code, reason=reason)

    async def run(self) -> None:
        try:
            first = await asyncio.wait_for(
                self.websocket.receive_text(), timeout=INIT_TIMEOUT_SECONDS
            )
        except TimeoutError:
            await self.close(4408, "Connection initialisation timeout")
            return
        except (WebSocketDisconnect, KeyError, RuntimeError):
            return
        try:
            await self.handle(first)
            while self.websocket.application_state == WebSocketState.CONNECTED:
                await self.handle(await self.websocket.receive_text())
        except (WebSocketDisconnect, KeyError, RuntimeError):
            pass
        finally:
            if self._forget_session is not None:
                self._forget_session()
            for task in self.operations.values():
                task.cancel()
            if self.operations:
                await asyncio.gather(*self.operations.values(), return_exceptions=True)

    def session_ended(self) -> None:
        """Its session ended (logout, sign out everywhere, deactivation), maybe on another
        instance: cancel every operation now, refuse new ones, close with 4401."""
        if self.ended:
            return
        self.ended = True
        self.acknowledged = False
        for task in self.operations.values():
            task.cancel()
        self._closing = asyncio.ensure_future(self.close(*SESSION_ENDED_CLOSE))

    async def handle(self, text: str) -> None:
        if self.ended:
            return
        if len(text) > get_settings().ws_max_message_bytes:  # the protocol's cap, if ever bypassed
            await self.close(1009, "Message too big")
            return
        try:
            message = json.loads(text)
        except ValueError:
            await self.close(4400, "Invalid message received")
            return
        kind = message.get("type") if isinstance(message, dict) else None
        if kind == "connection_init":
            await self.on_init(message.get("payload"))
        elif kind == "ping":
            await self.send({"type": "pong"})
        elif kind == "pong":
            return
        elif kind == "subscribe":
            await self.on_subscribe(message)
        elif kind == "complete":
            task = self.operations.pop(str(message.get("id")), None)
            if task is not None:
                task.cancel()
        else:
            await self.close(4400, "Invalid message received")

    async def on_init(self, payload: Any) -> None:
        if self.acknowledged:
            await self.close(4429, "Too many initialisation requests")
            return
        kiosk = _kiosk_token(payload)
        if kiosk is not None:
            # the link is checked here and again by the field, which also ends when it is revoked
            if await kiosk_access(kiosk) is None:
                await self.close(4401, "Unauthorized")
                return
            self.kiosk, self.acknowledged = True, True
            await self.send({"type": "connection_ack"})
            return
        token = _payload_token(payload) or session_token(self.websocket)
        session = await current_session(token, batched=True)
        if session is None:
            await self.close(4401, "Unauthorized")
            return
        self._forget_session = OPEN_SOCKETS.add(session.id, self)
        user = session.user
        scope = await scope_of_session(session)
        if self.ended:
            return
        self.scope, self.user, self.token, self.acknowledged = scope, user, token, True
        await self.send({"type": "connection_ack"})

    async def on_subscribe(self, message: dict[str, Any]) -> None:
        if not self.acknowledged:
            await self.close(4401, "Unauthorized")
            return
        operation_id = message.get("id")
        payload = message.get("payload")
        if (
            not isinstance(operation_id, str)
            or not operation_id
            or not isinstance(payload, dict)
            or not isinstance(payload.get("query"), str)
        ):
            await self.close(4400, "Invalid subscribe message")
            return
        if operation_id in self.operations:
            await self.close(4409, f"Subscriber for {operation_id} already exists")
            return
        if len(self.operations) >= MAX_OPERATIONS:
            await self.send(
                {"type": "error", "id": operation_id, "payload": [{"message": "Too many operations"}]}
            )
            return
        operation_name = payload.get("operationName")
        try:
            operation = prepare(payload["query"], operation_name if isinstance(operation_name, str) else None)
        except GraphQLError as refused:
            await self.send({"type": "error", "id": operation_id, "payload": [refused.formatted]})
            return
        if self.kiosk and not _kiosk_only(operation):
            await self.send({"type": "error", "id": operation_id, "payload": [{"message": "Not allowed on a kiosk link"}]})
            return
        task = asyncio.create_task(self.execute(operation_id, payload, operation))
        self.operations[operation_id] = task

    async def execute(self, operation_id: str, payload: dict[str, Any], operation: Prepared) -> None:
        context = context_for(self.websocket, self.user, self.token, self.scope)
        if operation.kind == OperationType.SUBSCRIPTION:
            watch = subscription_running(operation)
        else:
            watch = timed(operation, "websocket")
        with watch:
            await self._execute(operation_id, payload, operation, context)

    async def _execute(self, operation_id: str, payload: dict[str, Any], operation: Prepared, context: Any) -> None:
        variables = payload.get("variables")
        operation_name = payload.get("operationName")
        try:
            if shared_field(operation):
                await HUB.join(self, operation_id, payload, context)
                return
            if audience_field(operation) and await CHANNEL_HUB.join(self, operation_id, payload, operation, context):
                return
            if await self._planned(operation_id, payload, operation, context):
                return
            results = await schema.stream(
                payload["query"],
                variable_values=variables if isinstance(variables, dict) else None,
                context_value=context,
                operation_name=operation_name if isinstance(operation_name, str) else None,
            )
            async for result in results:
                if isinstance(result, PreExecutionError) or not isinstance(result, ExecutionResult):
                    errors = [e.formatted for e in getattr(result, "errors", None) or []]
                    await self.send({"type": "error", "id": operation_id, "payload": errors})
                    return
                body: dict[str, Any] = {"data": result.data}
                if result.errors:
                    body["errors"] = [e.formatted for e in result.errors]
                await self.send({"type": "next", "id": operation_id, "payload": body})
            await self.send({"type": "complete", "id": operation_id})
        except asyncio.CancelledError:
            raise
        except (WebSocketDisconnect, RuntimeError):
            return
        except Exception:
            log.exception("subscription %s failed", operation_id)
            with contextlib.suppress(Exception):
                await self.send(
                    {"type": "error", "id": operation_id, "payload": [{"message": "Internal error"}]}
                )
        finally:
            if self.operations.get(operation_id) is asyncio.current_task():
                del self.operations[operation_id]


    async def _planned(self, operation_id: str, payload: dict[str, Any], operation: Prepared, context: Any) -> bool:
        """A subscription whose events the planned execution projects (schema.plan_stream): sent here,
        True; False to let strawberry run it."""
        if operation.kind != OperationType.SUBSCRIPTION:
            return False
        operation_name = payload.get("operationName")
        plan = plan_for(schema, payload["query"], operation_name if isinstance(operation_name, str) else None)
        if plan is None:
            return False
        variables = payload.get("variables")
        events = await stream_plan(schema, plan, context, variables if isinstance(variables, dict) else None)
        if events is None:
            return False
        async with contextlib.aclosing(events):
            async for body in events:
                await self.send({"type": "next", "id": operation_id, "payload": body})
        await self.send({"type": "complete", "id": operation_id})
        return True


async def graphql_ws(websocket: WebSocket) -> None:
    if PROTOCOL not in websocket.scope.get("subprotocols", []):
        await websocket.close(code=4406, reason="Subprotocol not acceptable")
        return
    OPEN_SOCKETS.watch()  # before authenticating: a session ended meanwhile is heard
    await websocket.accept(subprotocol=PROTOCOL)
    WEBSOCKETS_LIVE.inc()
    try:
        await Connection(websocket).run()
    finally:
        WEBSOCKETS_LIVE.dec()
