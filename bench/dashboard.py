"""The unit dashboard of head office on a generated network of 5,000 people.

Figure: time of `unit_dashboard` (training completion, quiz average, satisfaction trend,
ranking of sub-units, open plans) for the whole organisation. Floor, same run: reading the
very rows it summarises with four plain SQL queries and no aggregation. Also prints the
number of SQL queries for 5,000 and for 50 people (it must not grow with the network).

SQLite file by default; PostgreSQL with BENCH_DATABASE_URL (its public schema is DROPPED).
    python -m bench.dashboard [--runs 15]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime

from bench.database import empty_postgres


@contextlib.contextmanager
def counting_queries() -> Iterator[list[str]]:
    from tortoise import connections

    client = type(connections.get("default"))
    seen: list[str] = []
    originals = {name: getattr(client, name) for name in ("execute_query", "execute_query_dict")}

    def wrap(original):  # type: ignore[no-untyped-def]
        async def counted(self, query, *args, **kwargs):  # type: ignore[no-untyped-def]
            seen.append(str(query))
            return await original(self, query, *args, **kwargs)

        return counted

    for name, original in originals.items():
        setattr(client, name, wrap(original))
    try:
        yield seen
    finally:
        for name, original in originals.items():
            setattr(client, name, original)


async def _floor(organization_id: int, root_path: str) -> None:
    from tortoise import connections

    conn = connections.get("default")
    like = root_path + "%"
    ph = "$1" if conn.capabilities.dialect == "postgres" else "?"
    ph2 = "$2" if conn.capabilities.dialect == "postgres" else "?"
    await conn.execute_query(
        f'SELECT u.id, u.role, n.path FROM "user" u JOIN unit n ON n.id = u.unit_id WHERE u.organization_id = {ph} AND n.path LIKE {ph2}',
        [organization_id, like],
    )
    await conn.execute_query(
        f"SELECT user_id, module_id, completed_at FROM training_progress WHERE organization_id = {ph}", [organization_id]
    )
    await conn.execute_query(
        f"SELECT user_id, quiz_id, score_percent FROM quiz_attempt WHERE organization_id = {ph}", [organization_id]
    )
    await conn.execute_query(
        f"SELECT kind, value, sample_size, period_end, unit_id FROM satisfaction_survey WHERE organization_id = {ph}",
        [organization_id],
    )


async def _time(call, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


async def main(runs: int) -> None:
    from server.bus import MemoryBus, set_bus
    from server.dashboards.services import unit_dashboard
    from server.db import close_db, init_db, migrate_db
    from server.network.scope import scope_of_user
    from tests.dashboards.network5000 import generate

    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        await empty_postgres(url)
    else:
        url = f"sqlite://{tempfile.mkdtemp(prefix='elan-bench-')}/bench.sqlite3"
    await migrate_db(url)
    await init_db(url)
    set_bus(MemoryBus())
    try:
        today = datetime.now(UTC).date()
        big = await generate(today, seed=1)
        admin = await scope_of_user(big.admin)
        figure = await _time(lambda: unit_dashboard(admin, big.root, today), runs)
        floor = await _time(lambda: _floor(big.organization_id, big.root.path), runs)
        with counting_queries() as seen:
            await unit_dashboard(admin, big.root, today)
        queries_big = len(seen)
        small_pos = big.points_of_sale[3]
        with counting_queries() as seen:
            await unit_dashboard(admin, small_pos, today)
        queries_small = len(seen)
        dialect = "postgres" if url.startswith("postgres") else "sqlite"
        print(f"unit dashboard, head office of {len(big.people)} people ({dialect}, {runs} runs)")
        print(f"  dashboard  median {figure[0]:8.1f} ms   p95 {figure[1]:8.1f} ms")
        print(f"  floor      median {floor[0]:8.1f} ms   p95 {floor[1]:8.1f} ms   (the same rows, plain SQL, no aggregation)")
        print(f"  ratio      {figure[0] / floor[0]:.1f}x the floor")
        print(f"  SQL queries: {queries_big} for 5,001 people, {queries_small} for one point of sale of 50")
    finally:
        await close_db()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    asyncio.run(main(parser.parse_args().runs))
