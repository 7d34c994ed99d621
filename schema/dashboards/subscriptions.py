"""Live dashboards: recomputed when a change lands inside what they show."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

import strawberry

from schema.context import Info
from schema.dashboards.types import (
    MyDashboardUpdate,
    UnitDashboardUpdate,
    as_my_dashboard,
    as_unit_dashboard,
)
from schema.errors import query_error
from schema.ids import parse_id
from schema.permissions import scope_of
from server.bus import listen_queue
from server.dashboards import services
from server.dashboards.events import dashboard_channel
from server.dashboards.live import my_dashboard_watch, unit_dashboard_watch
from server.errors import DomainError

# changes landing within this window are folded into one recomputation, and a dashboard
# is recomputed at most once a second however busy the network (results stream in)
SETTLE_SECONDS = 0.15
MIN_INTERVAL_SECONDS = 1.0


class _Changes:
    """Listens from creation (so nothing lands unseen while the first snapshot is computed)
    and gives the latest version each time a relevant change, or a burst of them, lands."""

    def __init__(self, organization_id: int, wanted: Any) -> None:
        self.queue, self.stop = listen_queue(dashboard_channel(organization_id), 256, wanted)
        self.last = 0.0

    async def next(self) -> int:
        message = await self.queue.get()
        loop = asyncio.get_running_loop()
        await asyncio.sleep(max(SETTLE_SECONDS, self.last + MIN_INTERVAL_SECONDS - loop.time()))
        while not self.queue.empty():
            message = self.queue.get_nowait()
        self.last = loop.time()
        return int(message["version"])


@strawberry.type
class DashboardsSubscription:
    @strawberry.subscription(description="A unit's dashboard, live. Managers in scope only.")
    async def unit_dashboard(
        self, info: Info, unit_id: strawberry.ID | None = None
    ) -> AsyncGenerator[UnitDashboardUpdate, None]:
        scope = scope_of(info)
        try:
            unit = await services.dashboard_unit(scope, parse_id(unit_id) if unit_id is not None else None)
        except DomainError as error:
            raise query_error(error, info.context.language) from error

        async def snapshot(version: int) -> UnitDashboardUpdate:
            now = datetime.now(UTC)
            row = await services.unit_dashboard(scope, unit, now.date())
            return UnitDashboardUpdate(version=version, at=now, dashboard=as_unit_dashboard(row))

        changes = _Changes(scope.organization_id, unit_dashboard_watch(unit).wanted)
        try:
            yield await snapshot(0)
            while True:
                yield await snapshot(await changes.next())
        finally:
            changes.stop()

    @strawberry.subscription(description="The viewer's own dashboard, live.")
    async def my_dashboard(self, info: Info) -> AsyncGenerator[MyDashboardUpdate, None]:
        scope = scope_of(info)
        watch = await my_dashboard_watch(scope)

        async def snapshot(version: int) -> MyDashboardUpdate:
            row = await services.my_dashboard(scope)
            # the live challenges shown: a move of another participant may change the viewer's rank
            watch.follow(s.challenge_id for s in row.standings)
            return MyDashboardUpdate(version=version, at=datetime.now(UTC), dashboard=as_my_dashboard(row))

        changes = _Changes(scope.organization_id, watch.wanted)
        try:
            yield await snapshot(0)
            while True:
                yield await snapshot(await changes.next())
        finally:
            changes.stop()
