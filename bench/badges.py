"""Recognition costs, each next to a floor measured in the same run.

1. Rules on the hottest event (`feed.post_liked`, one per like): the time a like's transaction
   spends publishing the event with 8 active rules in the organisation (one listening, below
   its threshold), against the floor of the same transaction emitting an event nobody hears.
2. Credential export: building, canonicalising and signing an OpenBadgeCredential (key read
   from the database and decrypted each time), against the floor of one raw Ed25519 signature
   of the same bytes.

`python -m bench.badges` (SQLite in a temporary folder; DATABASE_URL to use PostgreSQL).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable

from server.network.scope import scope_of_user

ROUNDS = 1500


async def _timed(label: str, action: Callable[[], Awaitable[object]], rounds: int = ROUNDS) -> float:
    for _ in range(50):
        await action()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        await action()
        samples.append(time.perf_counter() - start)
    median = statistics.median(samples) * 1e6
    p95 = sorted(samples)[int(rounds * 0.95)] * 1e6
    print(f"  {label:<58} median {median:8.1f} µs   p95 {p95:8.1f} µs")
    return median


async def main() -> None:
    folder = tempfile.mkdtemp(prefix="elan-bench-badges-")
    os.environ.setdefault("ELAN_DATA_DIR", folder)
    os.environ.setdefault("DATABASE_URL", f"sqlite://{folder}/bench.sqlite3")
    from server.app import import_handlers
    from server.badges.awarding import award_badge
    from server.badges.credentials import canonical, signed_credential, verify
    from server.badges.keys import organization_key
    from server.badges.models import Award, RuleTrigger
    from server.badges.rules import create_rule
    from server.bus import MemoryBus, set_bus
    from server.db import atomic, close_db, init_db, migrate_db
    from server.settings import get_settings
    from tests.badges.factories import head_office, make_badge
    from tests.factories import make_network, make_user

    url = get_settings().database_url
    await migrate_db(url)
    import_handlers()
    await init_db(url)
    set_bus(MemoryBus())
    try:
        network = await make_network()
        admin = await head_office(network)
        triggers = [t for t in RuleTrigger if t != RuleTrigger.LIKES_ON_POST]
        for index, trigger in enumerate(triggers):
            badge = await make_badge(network, f"Badge {index}")
            await create_rule(admin, badge.id, trigger, None, {})
        likes_badge = await make_badge(network, "Client ravi", repeatable=True)
        await create_rule(admin, likes_badge.id, RuleTrigger.LIKES_ON_POST, 1000, {})
        seller = await make_user(network.points_of_sale["Lille"])
        liked = {"organization_id": network.organization_id, "post_id": 1, "author_id": seller.id, "like_count": 5}

        async def unheard() -> None:
            async with atomic() as events:
                events.emit("bench.nobody_listens", liked)

        async def like_event() -> None:
            async with atomic() as events:
                events.emit("feed.post_liked", liked)

        print(f"Rules on feed.post_liked ({len(triggers) + 1} active rules, {ROUNDS} events):")
        floor = await _timed("floor: transaction emitting an unheard event", unheard)
        figure = await _timed("figure: transaction emitting feed.post_liked", like_event)
        print(f"  overhead of rule evaluation per like: {figure - floor:.1f} µs ({figure / floor:.2f}× the floor)")

        badge = await make_badge(network, "Roi de l'entretien")
        outcome = await award_badge(await scope_of_user(admin), badge.id, [seller.id], "Dix contrats d'entretien")
        award = await Award.get(id=outcome.awards[0].id).select_related("badge", "user", "organization")
        key = await organization_key(network.organization_id)
        document = await signed_credential(award, "https://elan.example")
        payload = canonical({k: v for k, v in document.items() if k != "proof"})

        async def raw_sign() -> None:
            key.sign(payload)

        async def export() -> None:
            await signed_credential(award, "https://elan.example")

        async def check() -> None:
            verify(document, key.public_key())

        print(f"Credential export ({ROUNDS} credentials):")
        floor = await _timed("floor: one raw Ed25519 signature of the document", raw_sign)
        figure = await _timed("figure: signed OpenBadgeCredential (key from the database)", export)
        verified = await _timed("verification of the eddsa-jcs-2022 proof", check)
        print(f"  export costs {figure / floor:.1f}× a raw signature; verification {verified / floor:.1f}×")
    finally:
        await close_db()


if __name__ == "__main__":
    asyncio.run(main())
