"""A network at its daily peak, for the load test: sellers with their sessions in one live
challenge, a CRM integration manager, some posts. Writes the tokens to a JSON file.

    DATABASE_URL=postgres://…/elan_perf_load REDIS_URL=redis://…/6 python -m bench.load.seed 2000 /tmp/load.json
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime, timedelta

from bench.database import empty_postgres


async def main(people: int, out: str) -> None:
    from server.accounts.models import Role, User
    from server.accounts.services import open_session
    from server.bus import MemoryBus, set_bus
    from server.challenges.lifecycle import ChallengeDraft, create_challenge
    from server.challenges.models import Metric, ScoringMode
    from server.db import close_db, init_db, migrate_db
    from server.feed import services
    from server.network.models import UnitKind
    from server.network.scope import scope_of_user
    from server.network.services import create_organization, create_unit
    from server.settings import get_settings

    url = get_settings().database_url
    await empty_postgres(url)
    await migrate_db(url)
    await init_db(url)
    set_bus(MemoryBus())  # nobody listens yet
    org, root = await create_organization("Réseau de charge", "charge")
    regions = [await create_unit(root, UnitKind.REGION, name) for name in ("Nord", "Sud-Ouest", "Est", "Ouest")]
    shops = [await create_unit(regions[n % 4], UnitKind.POINT_OF_SALE, f"Agence {n}") for n in range(40)]
    manager = await User.create(organization_id=org.id, unit_id=root.id, email="crm@charge.example",
                                display_name="Intégration CRM", role=Role.ADMIN, password_hash="x")
    sellers = await User.bulk_create([
        User(organization_id=org.id, unit_id=shops[n % 40].id, email=f"v{n}@charge.example",
             display_name=f"Vendeur {n} Test", role=Role.MEMBER, password_hash="x")
        for n in range(people)
    ])
    sellers = await User.filter(organization_id=org.id, role=Role.MEMBER).order_by("id")
    metric = await Metric.create(organization_id=org.id, name="Contrats signés")
    now = datetime.now(UTC)
    challenge = await create_challenge(await scope_of_user(manager), ChallengeDraft(
        name="Challenge de charge", starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=20),
        metrics=[(metric.id, 1.0)], scope_unit_id=root.id, scoring_mode=ScoringMode.ABSOLUTE))
    for n in range(200):
        author = sellers[n % len(sellers)]
        await services.create_post(await scope_of_user(author), services.PostKind.WIN, f"Réussite {n} #charge")
    tokens = [await open_session(s) for s in sellers]
    with open(out, "w") as file:
        json.dump({"manager": await open_session(manager), "sellers": tokens, "seller_ids": [s.id for s in sellers],
                   "challenge": challenge.id, "metric": metric.id}, file)
    await close_db()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
