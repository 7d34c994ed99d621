"""Test lanes and the real server every API test talks to.

Default lane: SQLite file + in-memory bus. With TEST_DATABASE_URL and TEST_REDIS_URL set:
PostgreSQL + Redis. The server is a real uvicorn on a free port, run in the test's event
loop so tests can also read the database directly.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import tempfile
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("TEST_DATABASE_URL")
REDIS_URL = os.environ.get("TEST_REDIS_URL")
POSTGRES_LANE = bool(PG_URL and REDIS_URL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    ws_url: str
    database_url: str
    redis_url: str | None
    data_dir: Path


async def _reset_postgres(url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


async def _reset_redis(url: str) -> None:
    import redis.asyncio as redis

    client = redis.Redis.from_url(url)
    try:
        await client.flushdb()
    finally:
        await client.aclose()


def pytest_unconfigure(config: pytest.Config) -> None:
    """Last resort at exit: an SQLite connection some test left open (its event loop gone before
    it was closed) keeps aiosqlite's worker thread, which is not a daemon, and the interpreter
    would wait for it forever after the summary. Those threads are told to stop, as closing the
    connection would have told them."""
    import threading

    from aiosqlite import core

    for thread in threading.enumerate():
        if getattr(thread, "_target", None) is core._connection_worker_thread:
            thread._args[0].put_nowait((None, lambda: core._STOP_RUNNING_SENTINEL))  # type: ignore[attr-defined]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each lane runs what it can run: the browser lane is the default one, the
    multi-process tests need PostgreSQL and Redis. Deselected, never skipped."""
    keep, drop = [], []
    for item in items:
        if item.get_closest_marker("postgres_redis") and not POSTGRES_LANE:
            drop.append(item)
        elif item.get_closest_marker("e2e") and POSTGRES_LANE:
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
async def mailbox() -> AsyncIterator[object]:
    """The SMTP server every mail of the live server goes to (tests/mailbox.py)."""
    from tests.mailbox import Mailbox

    box = Mailbox()
    await box.start()
    try:
        yield box
    finally:
        await box.stop()


@pytest.fixture(scope="session")
async def live_server(mailbox: object) -> AsyncIterator[LiveServer]:
    from server.db import migrate_db
    from server.settings import reset_settings

    data_dir = Path(tempfile.mkdtemp(prefix="elan-test-"))
    database_url = PG_URL if POSTGRES_LANE else f"sqlite://{data_dir / 'test.sqlite3'}"
    assert database_url is not None
    if POSTGRES_LANE:
        await _reset_postgres(database_url)
        await _reset_redis(REDIS_URL or "")
    port = free_port()
    os.environ.update(
        {
            "ELAN_DATA_DIR": str(data_dir),
            "DATABASE_URL": database_url,
            "ELAN_DEMO": "0",
            "PORT": str(port),
            "LOGIN_IP_LIMIT": "50",
            "REDIS_PREFIX": f"elan-test-{uuid.uuid4().hex[:8]}",
            # mails go over SMTP to the tests' own server; a failed one is tried again soon
            "SMTP_URL": f"smtp://127.0.0.1:{mailbox.port}",  # type: ignore[attr-defined]
            "MAIL_RETRY_BASE_SECONDS": "0.2",
            "MAIL_RETRY_MAX_SECONDS": "1",
        }
    )
    if POSTGRES_LANE:
        os.environ["REDIS_URL"] = REDIS_URL or ""
    else:
        os.environ.pop("REDIS_URL", None)
    # the transport settings' defaults, as `python -m server serve` has them: no trusted proxy,
    # PUBLIC_URL http://127.0.0.1:<port>, 64 KiB WebSocket messages
    for name in ("FORWARDED_ALLOW_IPS", "PUBLIC_URL", "ALLOWED_ORIGINS", "WS_MAX_MESSAGE_BYTES", "HOST"):
        os.environ.pop(name, None)
    reset_settings()
    await migrate_db(database_url)

    from server.serving import uvicorn_options
    from server.settings import get_settings

    config = uvicorn.Config(
        "server.app:create_app",
        factory=True,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="on",
        **uvicorn_options(get_settings()),
    )
    server = uvicorn.Server(config)
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        if task.done():
            task.result()
        await asyncio.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield LiveServer(
            url=f"http://127.0.0.1:{port}",
            ws_url=f"ws://127.0.0.1:{port}/graphql",
            database_url=database_url,
            redis_url=REDIS_URL if POSTGRES_LANE else None,
            data_dir=data_dir,
        )
    finally:
        server.should_exit = True
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, timeout=10)
        # the server's shutdown closes the database; when it did not finish in time, close it
        # here: an SQLite connection left open keeps aiosqlite's worker thread (not a daemon)
        # and the test process would wait for it forever at exit, its tests all passed
        from server.db import close_db

        with contextlib.suppress(Exception):
            await close_db()


@pytest.fixture
async def client(live_server: LiveServer) -> AsyncIterator[object]:
    from tests.graphql_client import GraphQLClient

    async with GraphQLClient(live_server.url) as gql:
        yield gql


@pytest.fixture
def planned_streams(monkeypatch: pytest.MonkeyPatch) -> object:
    """A live document answered by its plan, then by strawberry (tests/planned_streams.py)."""
    from tests.planned_streams import PlannedStreams

    return PlannedStreams(monkeypatch)
