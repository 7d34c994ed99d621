"""recordResult with rank-change detection on PostgreSQL at 1k, 10k and 100k participants.

Budget (DESIGN.md): p95 under 20 ms at 100,000 participants, and 100× more participants
costing under 2× the time. The floor printed next to it is what a rank by COUNT would cost
at each size (the rows above a score, through the index), measured in the same run.

Needs PostgreSQL: BENCH_DATABASE_URL (else DATABASE_URL or TEST_DATABASE_URL when they point
to PostgreSQL). The database's public schema is DROPPED and rebuilt. With BENCH_REDIS_URL (or
REDIS_URL / TEST_REDIS_URL) ranks live in Redis sorted sets and events go through Redis, as
in a scaled-out deployment; without it, the in-process index and memory bus are used.

What is timed is the request's work: the result, its audit entry, the re-score, the rank move
(who was passed), the leaderboard event and the handlers run after commit. Telling the mover
and those passed is deferred work (server.deferred: one row written with the result, done by
the runner right after commit); it runs between two calls and is timed on its own line.
    python -m bench.record_result [--sizes 1000,10000,100000] [--calls 300]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

from bench.database import empty_postgres

SIZES = (1_000, 10_000, 100_000)


def _database_url() -> str | None:
    for name in ("BENCH_DATABASE_URL", "DATABASE_URL", "TEST_DATABASE_URL"):
        value = os.environ.get(name, "")
        if value.startswith(("postgres://", "postgresql://")):
            return value.replace("postgresql://", "postgres://", 1)
    return None


def _redis_url() -> str | None:
    for name in ("BENCH_REDIS_URL", "REDIS_URL", "TEST_REDIS_URL"):
        if os.environ.get(name):
            return os.environ[name]
    return None


async def _reset(url: str) -> None:
    await empty_postgres(url)


async def _board(size: int, now: datetime) -> tuple[object, object, list[int]]:
    """An organisation with `size` sellers in 100 points of sale, a live challenge with all of
    them, scores spread over 0..150 % of a target of 10 (many ties, as in real life)."""
    from tortoise import connections

    from server.accounts.models import Role, User
    from server.challenges.lifecycle import ChallengeDraft, create_challenge
    from server.challenges.models import Metric
    from server.network.models import UnitKind
    from server.network.scope import scope_of_user
    from server.network.services import create_organization, create_unit

    suffix = uuid.uuid4().hex[:6]
    organization, root = await create_organization(f"Bench {size}", f"bench-{size}-{suffix}")
    region = await create_unit(root, UnitKind.REGION, "Région")
    sites = [await create_unit(region, UnitKind.POINT_OF_SALE, f"Site {i}") for i in range(100)]
    manager = await User.create(organization_id=organization.id, unit_id=region.id, email=f"m-{suffix}@bench.example",
                                display_name="Manager", role=Role.MANAGER, password_hash="x")
    metric = await Metric.create(organization_id=organization.id, name="Véhicules neufs vendus")
    db = connections.get("default")
    # the challenge first (nobody to enrol yet), then people and participants in bulk SQL
    challenge = await create_challenge(await scope_of_user(manager), ChallengeDraft(
        name=f"Bench {size}", starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=20),
        metrics=[(metric.id, 1.0)], scope_unit_id=region.id,
    ))
    # people through the ORM (so every column of other domains gets its default), in big batches
    await User.bulk_create([
        User(organization_id=organization.id, unit_id=sites[g % 100].id, email=f"b{suffix}-{g}@bench.example",
             display_name=f"Vendeur {g}", role=Role.MEMBER, password_hash="x")
        for g in range(size)
    ], batch_size=5000)
    await db.execute_script(f"""
        INSERT INTO challenge_participant (challenge_id, user_id, display_name, unit_name, league, score, tie, parts,
                                           thresholds_reached, hidden, joined_at)
        SELECT {challenge.id}, u.id, u.display_name, 'Site', '', floor(random() * 16) * 10, -(u.id::bigint * 1000),
               '{{}}'::jsonb, 0, false, now()
          FROM "user" u WHERE u.organization_id = {organization.id} AND u.role = 'MEMBER';
        UPDATE challenge_participant SET parts = jsonb_build_object('metrics', jsonb_build_object(
          '{metric.id}', jsonb_build_object('total', score / 10, 'target', 10, 'baseline', null)), 'criteria', '{{}}'::jsonb)
          WHERE challenge_id = {challenge.id};
        ANALYZE challenge_participant;
        ANALYZE "user";
    """)
    users = await User.filter(organization_id=organization.id, role=Role.MEMBER).values_list("id", flat=True)
    return manager, metric, [int(u) for u in users]


async def _count_rank_ms(challenge_id: int) -> float:
    """The floor: one rank by counting the rows above a middle score."""
    from tortoise import connections

    db = connections.get("default")
    timings = []
    for _ in range(30):
        started = time.perf_counter()
        await db.execute_query(
            "SELECT count(*) FROM challenge_participant WHERE challenge_id = $1 AND league = '' AND score > $2",
            [challenge_id, 70.0],
        )
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


async def _measure(size: int, calls: int, rng: random.Random) -> dict[str, float]:
    from server.challenges.models import Challenge, ParticipantKind
    from server.challenges.results import ResultInput, record_result
    from server.deferred.services import run_all_due
    from server.network.scope import scope_of_user

    now = datetime.now(UTC)
    started = time.perf_counter()
    manager, metric, users = await _board(size, now)
    built = time.perf_counter() - started
    actor = await scope_of_user(manager)  # type: ignore[arg-type]
    challenge = await Challenge.filter(organization_id=manager.organization_id).first()  # type: ignore[attr-defined]
    timings: list[float] = []
    told: list[float] = []
    moved = 0
    for index in range(calls + 20):
        entry = ResultInput(metric.id, ParticipantKind.USER, rng.choice(users), 1.0, now,  # type: ignore[attr-defined]
                            f"bench-{size}-{index}-{uuid.uuid4().hex[:8]}")
        begin = time.perf_counter()
        recorded = await record_result(actor, entry)
        elapsed = (time.perf_counter() - begin) * 1000
        # then what the server's deferred runner does right after: tell the mover and those passed
        begin = time.perf_counter()
        await run_all_due()
        telling = (time.perf_counter() - begin) * 1000
        if index >= 20:  # the first calls warm caches and build the rank index
            timings.append(elapsed)
            told.append(telling)
            moved += sum(m.overtaken_count for m in recorded.movements.values())
    told.sort()
    timings.sort()
    return {
        "told_p50": statistics.median(told), "told_p95": told[int(len(told) * 0.95) - 1],
        "size": size, "p50": statistics.median(timings), "p95": timings[int(len(timings) * 0.95) - 1],
        "count_floor": await _count_rank_ms(challenge.id), "built_s": built,  # type: ignore[union-attr]
        "passed_avg": moved / len(timings),
    }


async def run(sizes: tuple[int, ...], calls: int) -> list[dict[str, float]]:
    url = _database_url()
    if url is None:
        print("bench.record_result: set BENCH_DATABASE_URL to a PostgreSQL database (its schema is rebuilt); skipped")
        return []
    redis_url = _redis_url()
    os.environ.update({"DATABASE_URL": url, "ELAN_DATA_DIR": f"/tmp/elan-bench-{os.getpid()}",
                       "REDIS_PREFIX": f"elan-bench-{uuid.uuid4().hex[:6]}"})
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    else:
        os.environ.pop("REDIS_URL", None)
    from server import bus
    from server.app import import_handlers
    from server.challenges.ranking import close_rank_index
    from server.db import close_db, init_db, migrate_db
    from server.settings import reset_settings

    reset_settings()
    await _reset(url)
    await migrate_db(url)
    await init_db(url)
    event_bus = bus.make_bus(redis_url, os.environ["REDIS_PREFIX"])
    await event_bus.start()
    bus.set_bus(event_bus)
    # as in the server: the other domains' handlers run after each commit; the deferred work
    # (rank alerts) is run between two calls and timed apart, as the server's runner does it
    import_handlers()
    rng = random.Random(4)
    rows = []
    try:
        for size in sizes:
            row = await _measure(size, calls, rng)
            rows.append(row)
            print(f"{int(size):>7} participants: recordResult p50 {row['p50']:6.2f} ms  p95 {row['p95']:6.2f} ms"
                  f"  (floor: rank by COUNT {row['count_floor']:6.2f} ms; passed {row['passed_avg']:.0f} on average;"
                  f" board built in {row['built_s']:.0f} s)", flush=True)
            print(f"         then the deferred rank alerts (mover + up to 3 passed, podium post): p50 {row['told_p50']:6.2f} ms"
                  f"  p95 {row['told_p95']:6.2f} ms", flush=True)
    finally:
        await close_rank_index()
        await event_bus.close()
        await close_db()
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        print(f"growth {int(first['size'])} → {int(last['size'])}: p50 ×{last['p50'] / first['p50']:.2f}, "
              f"p95 ×{last['p95'] / first['p95']:.2f} (budget < 2); COUNT floor ×{last['count_floor'] / first['count_floor']:.1f}")
    print(f"rank index: {'Redis sorted sets' if redis_url else 'in-process'}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.record_result")
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--without-notifications", action="store_true",
                        help="replace notify() by a no-op, to see the ranking work alone")
    args = parser.parse_args()
    if args.without_notifications:
        import server.challenges.announcements as announcements

        async def silent(*_: object, **__: object) -> None:
            return None

        announcements.notify = silent  # type: ignore[assignment]
        print("notify() replaced by a no-op: ranking, scoring and events only")
    asyncio.run(run(tuple(int(s) for s in args.sizes.split(",")), args.calls))


if __name__ == "__main__":
    main()
