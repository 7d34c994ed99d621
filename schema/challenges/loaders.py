"""Per-request loaders of the challenges screens, so lists never query once per row; each
calls a read function of server.challenges."""

from __future__ import annotations

from typing import Any

from strawberry.dataloader import DataLoader

from schema.context import Info
from schema.permissions import scope_of, signed_in
from server.challenges.cards import BoardFacts, Card, anonymise_leaders, cards_for
from server.challenges.cards import board_facts as facts_for
from server.challenges.metrics import metrics_by_ids
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


def board_facts(info: Info) -> DataLoader[Challenge, BoardFacts]:
    """Each challenge's size, top scores and the viewer's participation, for every challenge of
    the request in one statement (the list's counts and cards, a page's count and my standing)."""
    async def load(challenges: list[Challenge]) -> list[BoardFacts]:
        found = await facts_for(scope_of(info), list(challenges))
        return [found[c.id] for c in challenges]

    return _loader(info, "BoardFactsByChallenge", load)


def units_by_id(info: Info) -> DataLoader[int, Unit | None]:
    async def load(ids: list[int]) -> list[Unit | None]:
        found = await units_by_ids(ids)
        return [found.get(i) for i in ids]

    return _loader(info, "UnitById", load)


def cards_by_challenge(info: Info) -> DataLoader[Challenge, Card]:
    """The list's cards (my rank, the leader) for every challenge of the page, at once."""
    async def load(challenges: list[Challenge]) -> list[Card]:
        facts = await board_facts(info).load_many(challenges)
        found = await cards_for(scope_of(info), list(challenges), {c.id: f for c, f in zip(challenges, facts, strict=True)})
        await anonymise_leaders(signed_in(info), list(found.values()), info.context.boards_anonymous)
        return [found[c.id] for c in challenges]

    return _loader(info, "CardByChallenge", load)


def my_duels(info: Info) -> DataLoader[int, list[Challenge]]:
    """The viewer's duels, read once per request for the list and the pending invitations
    (one key: 0)."""
    async def load(keys: list[int]) -> list[list[Challenge]]:
        found = await duels_of(scope_of(info))
        return [found for _ in keys]

    return _loader(info, "MyDuelsByViewer", load)
