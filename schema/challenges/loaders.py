"""Per-request loaders of the challenges screens, so lists never query once per row."""

from __future__ import annotations

from typing import Any

from strawberry.dataloader import DataLoader
from tortoise.functions import Count

from schema.context import Info
from server.challenges.models import Metric, Participant
from server.network.models import Unit


def _loader(info: Info, name: str, load: Any) -> DataLoader[Any, Any]:
    loaders = info.context.loaders
    if name not in loaders:
        loaders[name] = DataLoader(load_fn=load)
    return loaders[name]  # type: ignore[no-any-return]


def metrics_by_id(info: Info) -> DataLoader[int, Metric | None]:
    async def load(ids: list[int]) -> list[Metric | None]:
        found = {m.id: m for m in await Metric.filter(id__in=ids)}
        return [found.get(i) for i in ids]

    return _loader(info, "MetricById", load)


def participant_counts(info: Info) -> DataLoader[int, int]:
    async def load(ids: list[int]) -> list[int]:
        rows = await Participant.filter(challenge_id__in=ids).annotate(n=Count("id")).group_by(
            "challenge_id").values_list("challenge_id", "n")
        counts = {int(c): int(n) for c, n in rows}
        return [counts.get(i, 0) for i in ids]

    return _loader(info, "ParticipantCountByChallengeId", load)


def units_by_id(info: Info) -> DataLoader[int, Unit | None]:
    async def load(ids: list[int]) -> list[Unit | None]:
        found = {u.id: u for u in await Unit.filter(id__in=ids)}
        return [found.get(i) for i in ids]

    return _loader(info, "UnitById", load)
