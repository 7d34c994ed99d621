"""Hand-written statements, one text for PostgreSQL and SQLite, for the reads that run on
every request (the ORM builds each query anew: about 0.2 ms of Python for a short one)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from tortoise import connections
from tortoise.models import Model

M = TypeVar("M", bound=Model)


class Statement:
    """One statement being written: `arg` adds a value and returns its placeholder."""

    def __init__(self) -> None:
        self.connection = connections.get("default")
        self.pg = self.connection.capabilities.dialect == "postgres"
        self.values: list[Any] = []

    def arg(self, value: Any) -> str:
        if isinstance(value, datetime) and not self.pg:
            # how Tortoise stores an aware datetime on SQLite, so that text compares as time
            value = value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")
        self.values.append(value)
        # numbered on both (SQLite's ?NNN): a placeholder may be used twice, in any order
        return f"${len(self.values)}" if self.pg else f"?{len(self.values)}"

    def ids(self, values: Iterable[int]) -> str:
        """A subquery of the ids given, for `x IN …`."""
        listed = [int(v) for v in values]
        if self.pg:
            return f"(SELECT unnest({self.arg(listed)}::int[]))"
        return f"(SELECT value FROM json_each({self.arg(json.dumps(listed))}))"

    async def rows(self, text: str) -> Sequence[Any]:
        _, found = await self.connection.execute_query(text, self.values)
        return found

    async def objects(self, model: type[M], text: str) -> list[M]:
        """The model's objects from a statement selecting its columns (`SELECT t.* …`)."""
        columns = model._meta.db_fields
        return [model._init_from_db(**{c: row[c] for c in columns}) for row in await self.rows(text)]

