"""The `Challenge` objects of a request, read for a whole list at once.

A list's root resolver (`challenges`, `pendingDuels`), a challenge's page and the mutations
that answer with a challenge build their objects here: in a constant number of statements
whatever the list's length, everything the `Challenge` type shows besides its leaderboard and
the viewer's standing (the duels' names in the viewer's language, the rules' metrics, the scope
unit and whether the viewer manages it, the boards' sizes and leagues, the cards with my rank
and the leader, anonymised as the board is). Those fields are then plain values, the same for
strawberry and for a planned document (schema.plan), which projects them as they are: the
challenges list used to resolve each card, count and name through a loader, per challenge."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

import strawberry

from schema.challenges.loaders import organisation_metrics, units_by_id
from schema.challenges.types import (
    Challenge,
    ChallengeCard,
    MetricRule,
    as_challenge,
    as_metric,
    as_unit,
    duel_people,
)
from schema.context import Info
from schema.permissions import scope_of, signed_in
from schema.texts.loaders import names_loader
from server.challenges import lifecycle
from server.challenges.cards import Card, anonymise_leaders, board_facts, cards_for
from server.challenges.models import Challenge as ChallengeModel
from server.network.models import Unit as UnitModel
from server.texts.catalogue import text
from server.texts.render import duel_title

_MADE = "ChallengeObjects"  # the request's objects, by model (a list's duels are the pending ones too)


async def challenge_objects(info: Info, models: list[ChallengeModel]) -> list[Challenge]:
    """The objects of `models`; those already made in this request (the same rows) are reused."""
    made: dict[int, tuple[ChallengeModel, Challenge]] = info.context.loaders.setdefault(_MADE, {})
    missing = [c for c in models if id(c) not in made]
    if missing:
        for model, found in zip(missing, await _read(info, missing), strict=True):
            made[id(model)] = (model, found)  # (the model kept: its id is not reused meanwhile)
    return [made[id(c)][1] for c in models]


async def challenge_object(info: Info, model: ChallengeModel) -> Challenge:
    return (await challenge_objects(info, [model]))[0]


async def _read(info: Info, models: list[ChallengeModel]) -> list[Challenge]:
    scope, viewer, language = scope_of(info), signed_in(info), info.context.language
    people = sorted({p for c in models for p in duel_people(c) or ()})
    # independent statements at once (pooled connections on PostgreSQL)
    units, metrics, names, facts = await asyncio.gather(
        _scope_units(info, models), organisation_metrics(info).load(0),
        names_loader(info).load_many(people), board_facts(scope, models))
    cards = cards_for(models, facts)
    await anonymise_leaders(viewer, list(cards.values()), info.context.boards_anonymous)
    named = dict(zip(people, names, strict=True))
    gone = text("person.gone", language)
    found = []
    for c in models:
        duel, unit, card = duel_people(c), units.get(c.id), cards[c.id]
        rules = (c.rules or {}).get("metrics", [])
        found.append(as_challenge(
            c,
            name=duel_title(named[duel[0]] or gone, named[duel[1]] or gone, language) if duel else c.name,
            metrics=[MetricRule(metric=as_metric(metrics[int(r["metric_id"])]), weight=float(r["weight"]))
                     for r in rules if int(r["metric_id"]) in metrics],
            scope_unit=as_unit(unit) if unit is not None else None,
            viewer_can_manage=unit is not None and lifecycle.may_manage(scope, c, unit.path),
            facts=facts[c.id], card=_card(card),
        ))
    return found


def _scope_units(info: Info, models: list[ChallengeModel]) -> Awaitable[dict[int, UnitModel]]:
    """Each challenge's scope unit: read with the challenge when it was (the list, a duel, a
    page), else by one loader's batch (a challenge a mutation answers with)."""
    units: dict[int, UnitModel] = {}
    unread = []
    for c in models:
        unit = getattr(c, "_scope_unit", None)
        if isinstance(unit, UnitModel):
            units[c.id] = unit
        else:
            unread.append(c)
    if not unread:
        done: asyncio.Future[dict[int, UnitModel]] = asyncio.get_running_loop().create_future()
        done.set_result(units)  # (no task for what is known: the list's case)
        return done
    return _read_units(info, unread, units)


async def _read_units(info: Info, unread: list[ChallengeModel], units: dict[int, UnitModel]) -> dict[int, UnitModel]:
    for c, unit in zip(unread, await units_by_id(info).load_many([c.scope_unit_id for c in unread]), strict=True):
        if unit is not None:
            units[c.id] = unit
    return units


def _card(found: Card) -> ChallengeCard:
    return ChallengeCard(
        my_rank=found.my_rank, my_tied=found.my_tied, my_score=found.my_score, leader_name=found.leader_name,
        leader_user_id=strawberry.ID(str(found.leader_user_id)) if found.leader_user_id is not None else None,
        leader_count=found.leader_count, leader_photo_url=found.leader_photo_url,
    )
