"""PostgreSQL databases of the deploy tests' own (beside the lane's), and reading or filling every
table of one generically, from the catalogue, whatever the release that created it."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from tests.conftest import PG_URL

MIGRATIONS_TABLE = "tortoise_migrations"


def _dsn(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def sibling_url(name: str) -> str:
    """The URL of database `name` on the lane's PostgreSQL server."""
    assert PG_URL is not None
    parts = urlsplit(PG_URL)
    return urlunsplit(parts._replace(path="/" + name))


async def fresh_database(name: str) -> str:
    """An empty database `name` (dropped first if a previous run left it)."""
    conn = await asyncpg.connect(_dsn(sibling_url("postgres")))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return sibling_url(name)


async def drop_database(name: str) -> None:
    conn = await asyncpg.connect(_dsn(sibling_url("postgres")))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def _tables(conn: asyncpg.Connection) -> list[str]:
    rows = await conn.fetch(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
    )
    return sorted(r["table_name"] for r in rows if r["table_name"] != MIGRATIONS_TABLE)


async def snapshot(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table (the migrations' own table aside), in a stable order."""
    conn = await asyncpg.connect(_dsn(url))
    try:
        tables = {}
        for table in await _tables(conn):
            rows = [dict(r) for r in await conn.fetch(f'SELECT * FROM "{table}"')]
            tables[table] = sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=str))
        return tables
    finally:
        await conn.close()


def _sample(column: asyncpg.Record) -> Any:
    kind, length = column["data_type"], column["character_maximum_length"]
    text = "filler-" + uuid.uuid4().hex
    samples: dict[str, Any] = {
        "integer": 7, "bigint": 7, "smallint": 7, "boolean": False, "text": text,
        "character varying": text[: length or None], "character": text[: length or 1],
        "timestamp with time zone": datetime.now(UTC), "timestamp without time zone": datetime.now(),
        "date": date.today(), "time without time zone": time(12), "json": "{}", "jsonb": "{}",
        "double precision": 1.5, "real": 1.5, "numeric": Decimal("1.5"), "uuid": uuid.uuid4(),
    }
    assert kind in samples, f"no sample for {column['table_name']}.{column['column_name']} ({kind})"
    return samples[kind]


async def fill_every_table(url: str) -> list[str]:
    """One row in each table still empty (its foreign keys pointing at existing rows, filling
    the referenced tables first); returns the tables filled this way."""
    conn = await asyncpg.connect(_dsn(url))
    try:
        columns: dict[str, list[asyncpg.Record]] = defaultdict(list)
        for column in await conn.fetch(
            "SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length "
            "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY ordinal_position"
        ):
            columns[column["table_name"]].append(column)
        references = {
            (r["source"].strip('"'), r["column"]): (r["target"].strip('"'), r["target_column"])
            for r in await conn.fetch(
                "SELECT c.conrelid::regclass::text AS source, a.attname AS column, "
                "c.confrelid::regclass::text AS target, f.attname AS target_column FROM pg_constraint c "
                "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
                "JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1] WHERE c.contype = 'f'"
            )
        }
        filled: list[str] = []

        async def ensure(table: str) -> None:
            if await conn.fetchval(f'SELECT EXISTS (SELECT 1 FROM "{table}")'):
                return
            values: dict[str, Any] = {}
            for column in columns[table]:
                name = column["column_name"]
                if (column["column_default"] or "").startswith("nextval"):
                    continue
                target = references.get((table, name))
                if target is not None:
                    if target[0] == table:  # a parent of its own kind: the first row has none
                        continue
                    await ensure(target[0])
                    values[name] = await conn.fetchval(f'SELECT "{target[1]}" FROM "{target[0]}" LIMIT 1')
                    continue
                values[name] = _sample(column)
            names = ", ".join(f'"{n}"' for n in values)
            marks = ", ".join(f"${n + 1}" for n in range(len(values)))
            await conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', *values.values())
            filled.append(table)

        for table in await _tables(conn):
            await ensure(table)
        return filled
    finally:
        await conn.close()
