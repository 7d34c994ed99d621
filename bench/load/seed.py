"""A network at its daily peak, for the load test: sellers with their sessions in one live
challenge, a CRM integration manager, some posts. Writes the tokens to a JSON file.

    DATABASE_URL=postgres://…/elan_perf_load REDIS_URL=redis://…/6 python -m bench.load.seed 2000 /tmp/load.json [org_size]

With `org_size` (default: everyone in one network) the sellers are split into organisations of
that size, each with its own units, manager, metric, live challenge and posts (an instance
serving several networks). The first organisation's ids stay at the top level of the file
(`manager`, `challenge`, `metric`), as the Locust file reads them; `orgs` lists them all and
`seller_org` gives each seller's organisation.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

from bench.database import empty_postgres


async def _organization(n: int, people: int, first: int) -> tuple[dict[str, Any], list[Any]]:
    from server.accounts.models import Role, User
    from server.accounts.services import open_session
    from server.challenges.lifecycle import ChallengeDraft, create_challenge
    from server.challenges.models import Metric, ScoringMode
    from server.feed import services
    from server.network.models import UnitKind
    from server.network.scope import scope_of_user
    from server.network.services import create_organization, create_unit

    org, root = await create_organization(f"Réseau de charge {n}", f"charge{n}")
    regions = [await create_unit(root, UnitKind.REGION, name) for name in ("Nord", "Sud-Ouest", "Est", "Ouest")]
    shops = [await create_unit(regions[k % 4], UnitKind.POINT_OF_SALE, f"Agence {k}") for k in range(40)]
    manager = await User.create(organization_id=org.id, unit_id=root.id, email=f"crm{n}@charge.example",
                                display_name="Intégration CRM", role=Role.ADMIN, password_hash="x")
    await User.bulk_create([
        User(organization_id=org.id, unit_id=shops[k % 40].id, email=f"v{first + k}@charge.example",
             display_name=f"Vendeur {first + k} Test", role=Role.MEMBER, password_hash="x")
        for k in range(people)
    ])
    sellers = await User.filter(organization_id=org.id, role=Role.MEMBER).order_by("id")
    metric = await Metric.create(organization_id=org.id, name="Contrats signés")
    now = datetime.now(UTC)
    challenge = await create_challenge(await scope_of_user(manager), ChallengeDraft(
        name="Challenge de charge", starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=20),
        metrics=[(metric.id, 1.0)], scope_unit_id=root.id, scoring_mode=ScoringMode.ABSOLUTE))
    posts = []
    for k in range(min(200, max(20, people // 5))):
        author = sellers[k % len(sellers)]
        row = await services.create_post(await scope_of_user(author), services.PostKind.WIN, f"Réussite {k} #charge")
        posts.append(row.id)
    return ({"manager": await open_session(manager), "challenge": challenge.id, "metric": metric.id,
             "posts": posts}, list(sellers))


async def main(people: int, out: str, org_size: int = 0) -> None:
    from server.accounts.services import open_session
    from server.bus import MemoryBus, set_bus
    from server.db import close_db, init_db, migrate_db
    from server.settings import get_settings

    url = get_settings().database_url
    await empty_postgres(url)
    await migrate_db(url)
    await init_db(url)
    set_bus(MemoryBus())  # nobody listens yet
    size = org_size if org_size > 0 else people
    orgs, tokens, seller_ids, seller_org = [], [], [], []
    for n, first in enumerate(range(0, people, size)):
        given, sellers = await _organization(n, min(size, people - first), first)
        orgs.append(given)
        tokens += [await open_session(s) for s in sellers]
        seller_ids += [s.id for s in sellers]
        seller_org += [n] * len(sellers)
    with open(out, "w") as file:
        json.dump({"manager": orgs[0]["manager"], "challenge": orgs[0]["challenge"], "metric": orgs[0]["metric"],
                   "sellers": tokens, "seller_ids": seller_ids, "seller_org": seller_org, "orgs": orgs}, file)
    await close_db()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0))
