"""Per-request loaders of the challenges screens, so lists never query once per row; each
calls a read function of server.challenges."""

from __future__ import annotations

from typing import Any

from strawberry.dataloader import DataLoader

from schema.context import Info
from schema.permissions import scope_of
from server.challenges import standings
from server.challenges.metrics import list_metrics, metrics_by_ids
from server.challenges.models import Challenge, Metric
from server.challenges.standings import my_duels as duels_of
from server.challenges.standings import units_by_ids
from server.network.models import Unit


def _loader(info: Info, name: str, load: Any) -> DataLoader[Any, Any]:
    loaders = info.context.loaders
    if name not in loaders:
        loaders[name] = DataLoader(load_fn=load)
    return loaders[name]  # type: ignore[no-any-return]


def metrics_by_id(info: Info) -> DataLoader[int, Metric | None]:
    async def load(ids: list[int]) -> list[Metric | None]:
        found = await metrics_by_ids(ids)
        return [found.get(i) for i in ids]

    return _loader(info, "MetricById", load)


def units_by_id(info: Info) -> DataLoader[int, Unit | None]:
    async def load(ids: list[int]) -> list[Unit | None]:
        found = await units_by_ids(ids)
        return [found.get(i) for i in ids]

    return _loader(info, "UnitById", load)


def organisation_metrics(info: Info) -> DataLoader[int, dict[int, Metric]]:
    """The organisation's metrics by id, read once per request (one key: 0) for the metrics
    list and the metrics of the challenges' rules."""
    async def load(keys: list[int]) -> list[dict[int, Metric]]:
        found = {m.id: m for m in await list_metrics(scope_of(info))}
        return [found for _ in keys]

    return _loader(info, "MetricsByOrganisation", load)


def my_duels(info: Info) -> DataLoader[int, list[Challenge]]:
    """The viewer's duels, read once per request for the list and the pending invitations
    (one key: 0)."""
    async def load(keys: list[int]) -> list[list[Challenge]]:
        found = await duels_of(scope_of(info))
        return [found for _ in keys]

    return _loader(info, "MyDuelsByViewer", load)


async def visible_challenges(info: Info) -> list[Challenge]:
    """The challenges list (its duels first): read with the viewer's duels in one statement,
    the duels kept for the pending invitations; the list alone when they were read already."""
    scope = scope_of(info)
    if "MyDuelsByViewer" in info.context.loaders:
        return await standings.visible_challenges(scope, await my_duels(info).load(0))
    found, duels = await standings.visible_challenges_and_duels(scope)
    my_duels(info).prime(0, duels)
    return found
