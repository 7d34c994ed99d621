"""A small GraphQL client over httpx and a graphql-transport-ws client over `websockets`,
speaking to the real server exactly as the PWA does."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import httpx
import websockets


def loopback_address() -> str:
    """A client address of its own (Linux routes all of 127.0.0.0/8 to this machine): the
    server sees it as the client, as it would a phone's, for limits kept per address."""
    number = uuid.uuid4().int
    return f"127.{number % 250 + 1}.{number // 250 % 250 + 1}.{number // 62500 % 250 + 2}"


class GraphQLClient:
    def __init__(
        self, base_url: str, token: str | None = None, address: str | None = None, verify: Any = True, **headers: str
    ) -> None:
        self.base_url = base_url
        self.headers = dict(headers)
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        transport = httpx.AsyncHTTPTransport(local_address=address, verify=verify) if address else None
        self.http = httpx.AsyncClient(base_url=base_url, timeout=30, transport=transport, verify=verify)

    async def __aenter__(self) -> GraphQLClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.http.aclose()

    async def raw(self, query: str, variables: dict[str, Any] | None = None) -> httpx.Response:
        return await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=self.headers
        )

    async def execute(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = await self.raw(query, variables)
        assert response.headers.get("content-type", "").startswith("application/json"), (
            f"{response.status_code} {response.headers.get('content-type')}: {response.text[:500]!r}"
        )
        body = response.json()
        assert "errors" not in body, body["errors"]
        return body["data"]

    async def errors(self, query: str, variables: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        response = await self.raw(query, variables)
        return response.json().get("errors") or []


class Subscription:
    """One graphql-transport-ws connection with one subscription on it."""

    def __init__(self, ws_url: str, token: str | None = None, cookie: str | None = None, ssl: Any = None) -> None:
        self.ws_url = ws_url
        self.token = token
        self.cookie = cookie
        self.ssl = ssl  # an SSLContext for wss:// through the proxy
        self.socket: Any = None

    async def connect(self, init_payload: dict[str, Any] | None = None) -> dict[str, Any]:
        headers = {"Cookie": self.cookie} if self.cookie else None
        extra = {"ssl": self.ssl} if self.ssl is not None else {}
        self.socket = await websockets.connect(
            self.ws_url, subprotocols=["graphql-transport-ws"], additional_headers=headers, **extra
        )
        payload = init_payload if init_payload is not None else (
            {"token": self.token} if self.token else {}
        )
        await self.socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        return json.loads(await asyncio.wait_for(self.socket.recv(), 5))

    async def subscribe(self, query: str, variables: dict[str, Any] | None = None, op_id: str = "1") -> None:
        await self.socket.send(
            json.dumps(
                {"id": op_id, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}}
            )
        )

    async def next(self, timeout: float = 5) -> dict[str, Any]:
        while True:
            message = json.loads(await asyncio.wait_for(self.socket.recv(), timeout))
            if message["type"] == "ping":
                await self.socket.send(json.dumps({"type": "pong"}))
                continue
            return message

    async def nothing_within(self, seconds: float) -> bool:
        try:
            message = await self.next(timeout=seconds)
        except TimeoutError:
            return True
        raise AssertionError(f"unexpected message: {message}")

    async def closed_by_server(self, timeout: float = 5) -> tuple[int, str, list[dict[str, Any]]]:
        """Waits until the server closes the socket: (close code, reason, messages received
        meanwhile)."""
        received: list[dict[str, Any]] = []
        try:
            async with asyncio.timeout(timeout):
                async for text in self.socket:
                    received.append(json.loads(text))
        except websockets.ConnectionClosed:
            pass
        except TimeoutError:
            raise AssertionError(f"the server did not close the socket within {timeout}s") from None
        close = self.socket.protocol.close_rcvd
        assert close is not None, "the connection ended without a close frame"
        return close.code, close.reason, received

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def __aenter__(self) -> Subscription:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
