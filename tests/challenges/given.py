"""Givens of the challenges tests: a network with metrics, targets and a live challenge."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from server.accounts.models import Role, User
from server.challenges.lifecycle import ChallengeDraft, create_challenge
from server.challenges.models import Challenge, Metric, ParticipantKind
from server.challenges.results import Recorded, ResultInput, record_result
from server.challenges.targets import TargetInput, set_targets
from server.network.scope import scope_of_user
from tests.factories import Network, deferred_work_done, make_network, signed_in

_keys = iter(range(10**9))


@dataclass
class Arena:
    network: Network
    manager: User
    manager_token: str
    metric: Metric
    sellers: list[User] = field(default_factory=list)
    tokens: dict[int, str] = field(default_factory=dict)
    challenge: Challenge | None = None


def now() -> datetime:
    return datetime.now(UTC)


async def arena(sellers: int = 4, target: float | None = 10, names: list[str] | None = None) -> Arena:
    """Nord's manager, sellers in Lille, one metric with a monthly target each."""
    network = await make_network()
    manager, token = await signed_in(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    metric = await Metric.create(organization_id=network.organization_id, name="Véhicules neufs vendus", unit_label="véh.")
    found = Arena(network, manager, token, metric)
    for index in range(sellers):
        name = names[index] if names and index < len(names) else f"Vendeur {index + 1}"
        user, user_token = await signed_in(network.points_of_sale["Lille"], name=name)
        found.sellers.append(user)
        found.tokens[user.id] = user_token
    if target is not None:
        actor = await scope_of_user(manager)
        start = now() - timedelta(days=2)
        await set_targets(actor, [TargetInput(metric.id, ParticipantKind.USER, s.id, start, start + timedelta(days=30), target)
                                  for s in found.sellers])
    return found


async def live_challenge(found: Arena, **options: object) -> Challenge:
    draft = ChallengeDraft(
        name=str(options.pop("name", "Challenge du mois")), starts_at=now() - timedelta(days=1),
        ends_at=now() + timedelta(days=10), metrics=[(found.metric.id, 1.0)],
        scope_unit_id=found.network.regions["Nord"].id,
    )
    for key, value in options.items():
        setattr(draft, key, value)
    found.challenge = await create_challenge(await scope_of_user(found.manager), draft)
    return found.challenge


async def sell(found: Arena, seller: User, value: float, key: str | None = None, reason: str | None = None) -> Recorded:
    """Records a sale as a manager would, and lets the rank alerts and podium posts it causes
    (deferred work, done right after commit by the server) happen before the story goes on."""
    actor = await scope_of_user(found.manager)
    recorded = await record_result(actor, ResultInput(
        found.metric.id, ParticipantKind.USER, seller.id, value, now(), key or f"test-key-{next(_keys)}", reason,
    ))
    await deferred_work_done()
    return recorded
