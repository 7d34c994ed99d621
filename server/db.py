"""Tortoise configuration, migrations, and the transaction that publishes after commit."""

from __future__ import annotations

import contextvars
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, cast

from tortoise import Tortoise
from tortoise.fields import DatetimeField
from tortoise.transactions import in_transaction

from server.bus import get_bus

log = logging.getLogger("elan.db")

MODEL_MODULES = [
    "server.network.models",
    "server.network.function_models",
    "server.accounts.models",
    "server.media.models",
    "server.feed.models",
    "server.notifications.models",
    "server.challenges.models",
    "server.training.models",
    "server.evaluation.models",
    "server.plans.models",
    "server.push.models",
    "server.badges.models",
    "server.deferred.models",
    "server.audit.models",
    "server.mail.models",
    "server.agency.models",
    "server.privacy.models",
]


async def _release(connection: Any) -> None:
    """What a pooled PostgreSQL connection needs when a query hands it back: nothing but the
    end of a transaction left open. asyncpg's default reset (`RESET ALL; UNLISTEN *; CLOSE ALL;
    advisory unlock`) is one more round trip per statement, and Élan keeps no session state
    (no SET, LISTEN, cursor or session-level advisory lock: transaction-scoped only)."""
    if connection.is_in_transaction():
        await connection.execute("ROLLBACK")


def _connection(database_url: str) -> Any:
    if not database_url.startswith(("postgres://", "postgresql://")):
        return database_url
    from tortoise.backends.base.config_generator import expand_db_url

    config = expand_db_url(database_url)
    if config["engine"] == "tortoise.backends.asyncpg":
        config["credentials"]["reset"] = _release
        # Tortoise's default pool is 5 connections: one instance serving 20 phones that each
        # read with 5–11 statements waited for a connection more than for PostgreSQL
        # (bench/reads.py: a challenge page 91 → 190 req/s). `?maxsize=` in DATABASE_URL wins.
        config["credentials"].setdefault("maxsize", 20)
    return config


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": _connection(database_url)},
        "apps": {
            "elan": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "server.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def _stored_time(value: str) -> datetime:
    """A time stored as text (SQLite), read by Python's own ISO parser, as ciso8601 would
    (Tortoise's accelerated reader, not installed); iso8601, Tortoise's fallback, was a third of
    the Python of a notifications page. Anything it cannot read goes to iso8601 as before."""
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return _iso8601(value)


def read_time(value: Any) -> datetime:
    """A non-null time column of a hand-written statement as Tortoise's DatetimeField reads it
    (aware, in UTC; a naive value taken as UTC), without its generic conversions (about 1.4 µs a
    value against 0.2 µs: a notifications page reads 42 of them). Anything but text or a
    datetime goes through Tortoise's own reader."""
    if type(value) is str:
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return cast(datetime, _TIME_FIELD.to_python_value(value))
    elif not isinstance(value, datetime):
        return cast(datetime, _TIME_FIELD.to_python_value(value))
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value if value.tzinfo is UTC else value.astimezone(UTC)


_TIME_FIELD = DatetimeField()


def _fast_stored_times() -> None:
    from tortoise.fields import data

    global _iso8601
    if _iso8601 is None and getattr(data.parse_datetime, "func", None) is not None:  # iso8601's, not ciso8601's
        _iso8601 = data.parse_datetime
        data.parse_datetime = _stored_time


_iso8601: Any = None


async def init_db(database_url: str) -> None:
    _fast_stored_times()
    # the global fallback lets every request task see the connections opened in lifespan
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)


async def migrate_db(database_url: str) -> None:
    """Apply the committed migrations (Tortoise's built-in migration engine)."""
    from tortoise.migrations.api import migrate

    await migrate(config=tortoise_config(database_url))
    await Tortoise.close_connections()


async def close_db() -> None:
    await Tortoise.close_connections()


async def database_healthy() -> bool:
    from tortoise import connections

    try:
        await connections.get("default").execute_query("SELECT 1")
        return True
    except Exception:
        return False


def committed_migrations() -> set[str]:
    """The names of the migration files shipped with this code (server/migrations/)."""
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "migrations"
    return {path.stem for path in folder.glob("[0-9]*.py")}


async def missing_migrations() -> set[str]:
    """Shipped migrations not yet applied to the database (empty when it is up to date)."""
    from tortoise import connections

    _, rows = await connections.get("default").execute_query(
        "SELECT name FROM tortoise_migrations WHERE app = 'elan'"
    )
    return committed_migrations() - {row["name"] for row in rows}


_pending: contextvars.ContextVar[list[tuple[str, dict[str, Any]]] | None] = contextvars.ContextVar(
    "elan_pending_events", default=None
)


HOOK = "hook:"  # prefix of domain events in the pending list (see server.hooks)


class Events:
    """Events collected during a transaction; sent only once the outermost one commits."""

    def __init__(self, pending: list[tuple[str, dict[str, Any]]]) -> None:
        self._pending = pending

    def publish(self, channel: str, payload: dict[str, Any]) -> None:
        """A live event for subscribers (event bus)."""
        self._pending.append((channel, payload))

    def emit(self, name: str, payload: dict[str, Any]) -> None:
        """A domain event for other domains' handlers in this process (server.hooks)."""
        self._pending.append((HOOK + name, payload))


@asynccontextmanager
async def atomic() -> AsyncIterator[Events]:
    """A transaction whose events reach the bus after commit, never on rollback."""
    outer = _pending.get()
    if outer is not None:
        inner: list[tuple[str, dict[str, Any]]] = []
        async with in_transaction():
            yield Events(inner)
        outer.extend(inner)  # a rolled-back savepoint never gets here
        return
    pending: list[tuple[str, dict[str, Any]]] = []
    token = _pending.set(pending)
    try:
        async with in_transaction():
            yield Events(pending)
    finally:
        _pending.reset(token)
    await publish_all(pending)


async def publish_all(pending: list[tuple[str, dict[str, Any]]]) -> None:
    from server.hooks import dispatch

    live = [(channel, payload) for channel, payload in pending if not channel.startswith(HOOK)]
    if live:
        try:
            await get_bus().publish_many(live)
        except Exception:
            # the change is committed; a lost live event is repaired by the version gap
            log.exception("could not publish %s live events", len(live))
    for channel, payload in pending:
        if channel.startswith(HOOK):
            await dispatch(channel.removeprefix(HOOK), payload)


def dialect(sql: str) -> str:
    """Hand-written SQL uses PostgreSQL's $n placeholders, each once and in order; SQLite wants ?."""
    from server.settings import get_settings

    return re.sub(r"\$\d+", "?", sql) if get_settings().is_sqlite else sql


def __getattr__(name: str) -> Any:
    # `tortoise -c server.db.TORTOISE_ORM makemigrations` reads the config from here
    if name == "TORTOISE_ORM":
        from server.settings import get_settings

        return tortoise_config(get_settings().database_url)
    raise AttributeError(name)
