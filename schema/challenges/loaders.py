"""Per-request loaders of the challenges screens, so lists never query once per row; each
calls a read function of server.challenges."""

from __future__ import annotations

from typing import Any

from strawberry.dataloader import DataLoader

from schema.context import Info
from schema.permissions import scope_of, signed_in
from server.challenges.cards import Card, anonymise_leaders, cards_for
from server.challenges.metrics import metrics_by_ids
from server.challenges.models import Challenge, Metric, Participant
from server.challenges.standings import my_participation, units_by_ids
from server.challenges.standings import participant_counts as counts_by_challenge
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


def participant_counts(info: Info) -> DataLoader[int, int]:
    async def load(ids: list[int]) -> list[int]:
        counts = await counts_by_challenge(ids)
        return [counts.get(i, 0) for i in ids]

    return _loader(info, "ParticipantCountByChallengeId", load)


def units_by_id(info: Info) -> DataLoader[int, Unit | None]:
    async def load(ids: list[int]) -> list[Unit | None]:
        found = await units_by_ids(ids)
        return [found.get(i) for i in ids]

    return _loader(info, "UnitById", load)


def my_participations(info: Info) -> DataLoader[Challenge, Participant | None]:
    """The viewer's participation in a challenge, read once per request (my standing and the
    rows around me both start from it)."""
    async def load(challenges: list[Challenge]) -> list[Participant | None]:
        viewer = signed_in(info)
        return [await my_participation(c, viewer) for c in challenges]

    return _loader(info, "MyParticipationByChallenge", load)


def cards_by_challenge(info: Info) -> DataLoader[Challenge, Card]:
    """The list's cards (my rank, the leader) for every challenge of the page, at once."""
    async def load(challenges: list[Challenge]) -> list[Card]:
        found = await cards_for(scope_of(info), list(challenges))
        await anonymise_leaders(signed_in(info), list(found.values()))
        return [found[c.id] for c in challenges]

    return _loader(info, "CardByChallenge", load)
