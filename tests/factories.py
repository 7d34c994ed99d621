"""Builds networks and people straight through the domain services, for tests to stand on.

Every call makes a new organisation with unique emails, so tests never share state."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from dataclasses import dataclass, field

from server.accounts.models import Role, User
from server.accounts.services import open_session
from server.network.models import Unit, UnitKind
from server.network.services import create_organization, create_unit

PASSWORD = "correct-horse-battery"
_counter = itertools.count()
_hash: str | None = None


async def password_hash() -> str:
    global _hash
    if _hash is None:
        from server.accounts.passwords import hash_password

        _hash = await hash_password(PASSWORD)
    return _hash


@dataclass
class Network:
    organization_id: int
    root: Unit
    regions: dict[str, Unit] = field(default_factory=dict)
    points_of_sale: dict[str, Unit] = field(default_factory=dict)


async def make_network() -> Network:
    """Head office → Nord (Lille, Arras) and Sud-Ouest (Bordeaux)."""
    suffix = uuid.uuid4().hex[:8]
    organization, root = await create_organization(f"Réseau test {suffix}", f"test-{suffix}")
    network = Network(organization_id=organization.id, root=root)
    nord = await create_unit(root, UnitKind.REGION, "Nord")
    sud = await create_unit(root, UnitKind.REGION, "Sud-Ouest")
    network.regions = {"Nord": nord, "Sud-Ouest": sud}
    network.points_of_sale = {
        "Lille": await create_unit(nord, UnitKind.POINT_OF_SALE, "Lille Centre", "Lille"),
        "Arras": await create_unit(nord, UnitKind.POINT_OF_SALE, "Arras Gare", "Arras"),
        "Bordeaux": await create_unit(sud, UnitKind.POINT_OF_SALE, "Bordeaux Lac", "Bordeaux"),
    }
    return network


async def make_user(unit: Unit, role: Role = Role.MEMBER, name: str | None = None) -> User:
    number = next(_counter)
    return await User.create(
        organization_id=unit.organization_id,
        unit=unit,
        email=f"person{number}-{uuid.uuid4().hex[:6]}@test.example",
        display_name=name or f"Personne {number}",
        role=role,
        password_hash=await password_hash(),
    )


async def signed_in(unit: Unit, role: Role = Role.MEMBER, name: str | None = None) -> tuple[User, str]:
    user = await make_user(unit, role, name)
    return user, await open_session(user)


def an_address() -> dict[str, str]:
    """GraphQLClient options that make a client connect from a loopback address of its own
    (the server trusts no forwarded header), so per-address rate limits of one test stay its own."""
    from tests.graphql_client import loopback_address

    return {"address": loopback_address()}


async def deferred_work_done(timeout: float = 10.0) -> None:
    """Runs the deferred work due now (rank alerts, podium posts: server.deferred) and waits
    for the rows the server's own runner is holding, so a test can look at their effects."""
    from server.deferred.models import DeferredEvent
    from server.deferred.services import run_all_due

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        await run_all_due()
        if not await DeferredEvent.filter(failed_at=None).exists():
            return
        assert loop.time() < deadline, "deferred work still pending"
        await asyncio.sleep(0.02)


async def demo_network() -> None:
    """The French demo network, seeded once per test database (its organisation's slug is unique)."""
    from server.demo.seed import seed_demo
    from server.network.models import Organization

    if not await Organization.exists(slug="reseau-elan-demo"):
        await seed_demo()
