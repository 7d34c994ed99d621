"""Counting the SQL statements the server runs, at the database client level.

The live server runs in the test's process and event loop, so patching the Tortoise client
class of the default connection sees every statement of every request."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

METHODS = ("execute_query", "execute_query_dict", "execute_insert", "execute_many", "execute_script")


@contextlib.contextmanager
def count_queries() -> Iterator[list[str]]:
    from tortoise import connections

    client_class = type(connections.get("default"))
    statements: list[str] = []
    originals: dict[tuple[type, str], Any] = {}
    for klass in client_class.__mro__:
        for name in METHODS:
            if name in klass.__dict__ and (klass, name) not in originals:
                originals[(klass, name)] = klass.__dict__[name]

    def wrap(original: Any) -> Any:
        async def counted(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
            statements.append(query)
            return await original(self, query, *args, **kwargs)

        return counted

    # only the most derived definition of each method is called: wrap that one
    for name in METHODS:
        for klass in client_class.__mro__:
            if name in klass.__dict__:
                setattr(client_class, name, wrap(klass.__dict__[name]))
                break
    try:
        yield statements
    finally:
        for name in METHODS:
            if name in client_class.__dict__:
                delattr(client_class, name)
        for (klass, name), original in originals.items():
            if klass is client_class:
                setattr(klass, name, original)
