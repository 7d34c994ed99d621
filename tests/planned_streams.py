"""A live document answered both ways on the real server: by its plan (schema.plan_stream) and by
strawberry's field-by-field execution, the reference. The `planned_streams` fixture
(tests/conftest.py) gives one per test."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest

import schema.ws


class PlannedStreams:
    """`planned()`: subscriptions made inside it go through the server's planned path as usual,
    and `streamed` records, for each, whether the plan answered it (True) or left it to
    strawberry (False). `executed()`: subscriptions made inside it are executed by strawberry."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.streamed: list[bool] = []

    @contextlib.contextmanager
    def planned(self) -> Iterator[None]:
        run = schema.ws.stream_plan

        async def counted(*args: Any) -> Any:
            events = await run(*args)
            self.streamed.append(events is not None)
            return events

        with self.monkeypatch.context() as patch:
            patch.setattr(schema.ws, "stream_plan", counted)
            yield

    @contextlib.contextmanager
    def executed(self) -> Iterator[None]:
        with self.monkeypatch.context() as patch:
            patch.setattr(schema.ws, "plan_for", lambda *args: None)
            yield
