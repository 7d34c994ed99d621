"""Which dashboard events concern an open dashboard, so it recomputes only then.

The dashboard channel of an organisation (server.dashboards.handlers) carries the unit path
(and person, challenge) a change landed in; each open dashboard keeps the messages inside
what it shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from server.network.models import Unit
from server.network.scope import Scope
from server.network.services import point_of_sale_of


@dataclass(slots=True)
class UnitDashboardWatch:
    """A unit's dashboard: any change inside the unit's subtree."""

    unit_path: str

    def wanted(self, message: dict[str, Any]) -> bool:
        return str(message.get("unitPath", "")).startswith(self.unit_path)


@dataclass(slots=True)
class MyDashboardWatch:
    """A person's own dashboard: its own changes, a move in a challenge it takes part in, and a
    change of a unit between it and its point of sale (satisfaction, action plans)."""

    user_id: int | None
    unit_path: str
    point_of_sale_path: str | None
    challenge_ids: set[int] = field(default_factory=set)

    def follow(self, challenge_ids: Iterable[int]) -> None:
        self.challenge_ids = set(challenge_ids)

    def wanted(self, message: dict[str, Any]) -> bool:
        if message.get("userId") == self.user_id or message.get("challengeId") in self.challenge_ids:
            return True
        path = str(message.get("unitPath", ""))
        return (
            message.get("userId") is None
            and self.point_of_sale_path is not None
            and self.unit_path.startswith(path)
            and path.startswith(self.point_of_sale_path)
        )


def unit_dashboard_watch(unit: Unit) -> UnitDashboardWatch:
    return UnitDashboardWatch(unit.path)


async def my_dashboard_watch(scope: Scope) -> MyDashboardWatch:
    pos = await point_of_sale_of(scope.unit_path, scope.own_unit)
    return MyDashboardWatch(scope.user_id, scope.unit_path, pos.path if pos is not None else None)
