"""A network import of 1,200 units and 10,000 people on PostgreSQL, next to a floor.

The file: 12 regions, 108 distributors, 1,080 points of sale (1,200 units) and 10,000 people
(a manager per point of sale, the rest sellers), `;` separated, UTF-8 with a BOM, as French
Excel writes it. Timed at the service level, as the background job runs it:
1. check (read, decode, parse, validate against the organisation) and apply: every unit
   created, 10,000 invites and their mails written;
2. the same file again (idempotent: nothing changes, the check alone);
3. the file with 500 people moved to another point of sale and 20 units renamed.
The floor: the same 1,200 unit rows and 10,000 invite and mail rows inserted with asyncpg's
`copy_records_to_table` (the fastest way in), no checks.

`BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/elan_bench python -m bench.import_network`
(the database's schema is dropped and rebuilt; DATABASE_URL or TEST_DATABASE_URL are used when
they point to PostgreSQL). Budget (DESIGN.md): well under a minute.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from datetime import UTC, datetime, timedelta

from bench.database import empty_postgres

REGIONS, DISTRIBUTORS_PER_REGION, SITES_PER_DISTRIBUTOR, PEOPLE = 12, 9, 10, 10_000


def _database_url() -> str | None:
    for name in ("BENCH_DATABASE_URL", "DATABASE_URL", "TEST_DATABASE_URL"):
        value = os.environ.get(name, "")
        if value.startswith(("postgres://", "postgresql://")):
            return value.replace("postgresql://", "postgres://", 1)
    return None


async def _reset(url: str) -> None:
    await empty_postgres(url)


def network_csv(moved: int = 0, renamed: int = 0) -> tuple[bytes, int]:
    """The file, and its count of unit lines."""
    lines = ["type;code;parent_code;kind;name;city;email;unit_code;role"]
    sites: list[str] = []
    for r in range(REGIONS):
        lines.append(f"unit;REG-{r:02d};;région;Région {r:02d};;;;")
        for d in range(DISTRIBUTORS_PER_REGION):
            dist = f"DIST-{r:02d}-{d}"
            lines.append(f"unit;{dist};REG-{r:02d};distributeur;Distributeur {r:02d}-{d};;;;")
            for s in range(SITES_PER_DISTRIBUTOR):
                site = f"PDV-{r:02d}-{d}-{s}"
                name = f"Point de vente {r:02d}-{d}-{s}" + (" (rénové)" if len(sites) < renamed else "")
                lines.append(f"unit;{site};{dist};point de vente;{name};Ville {s};;;")
                sites.append(site)
    units = len(lines) - 1
    for p in range(PEOPLE):
        site = sites[(p + (1 if p < moved else 0)) % len(sites)]
        role = "manager" if p < len(sites) else "membre"
        lines.append(f"person;;;;Personne {p:05d};;personne{p:05d}@bench.example;{site};{role}")
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"), units


async def _floor(url: str, units: int) -> float:
    """Copies as many rows as the import writes, unchecked, into scratch tables."""
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(
            "CREATE TEMP TABLE f_unit (LIKE unit INCLUDING DEFAULTS); CREATE TEMP TABLE f_invite (LIKE email_invite INCLUDING DEFAULTS);"
            "CREATE TEMP TABLE f_mail (LIKE mail_message INCLUDING DEFAULTS)"
        )
        now = datetime.now(UTC)
        start = time.perf_counter()
        await conn.copy_records_to_table("f_unit", records=[
            (i, 1, None, "POINT_OF_SALE", f"Point de vente {i}", "Ville", f"/1/{i}/", f"PDV-{i}", None, now) for i in range(units)
        ], columns=["id", "organization_id", "parent_id", "kind", "name", "city", "path", "external_code", "closed_at", "created_at"])
        await conn.copy_records_to_table("f_invite", records=[
            (i, 1, 1, "MEMBER", f"personne{i:05d}@bench.example", f"Personne {i}", "fr", uuid.uuid4().hex, None, now, now, 1,
             now + timedelta(days=7), None, None, None)
            for i in range(PEOPLE)
        ], columns=["id", "organization_id", "unit_id", "role", "email", "display_name", "language", "token_hash", "created_by_id",
                    "created_at", "sent_at", "send_count", "expires_at", "revoked_at", "accepted_at", "user_id"])
        await conn.copy_records_to_table("f_mail", records=[
            (i, 1, f"personne{i:05d}@bench.example", "invite", "fr", "{}", "PENDING", 0, now, None, None, None, now, None)
            for i in range(PEOPLE)
        ], columns=["id", "organization_id", "to_address", "kind", "language", "params", "status", "attempts", "not_before",
                    "claimed_by", "claimed_until", "last_error", "created_at", "sent_at"])
        return time.perf_counter() - start
    finally:
        await conn.close()


async def main() -> None:
    url = _database_url()
    if url is None:
        print("bench.import_network: set BENCH_DATABASE_URL to a PostgreSQL database (its schema is rebuilt); skipped")
        return
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("ELAN_DATA_DIR", "/tmp/elan-bench-import")
    from server.accounts.models import EmailInvite, Role, User
    from server.bus import MemoryBus, set_bus
    from server.db import close_db, init_db, migrate_db
    from server.network.imports import run_import, store_upload
    from server.network.models import NetworkImport, Unit
    from server.network.scope import scope_of_user
    from server.network.services import create_organization

    await _reset(url)
    await migrate_db(url)
    await init_db(url)
    set_bus(MemoryBus())
    try:
        organization, root = await create_organization("Bench import", "bench-import")
        admin = await User.create(organization_id=organization.id, unit_id=root.id, email="admin@bench.example",
                                  display_name="Admin Bench", role=Role.ADMIN, password_hash="x")
        scope = await scope_of_user(admin)
        content, units = network_csv()
        print(f"file: {units} units, {PEOPLE} people, {len(content) / 1e6:.2f} MB")

        async def timed(label: str, file: bytes) -> dict[str, object]:
            job = await store_upload(scope, file, "bench.csv")
            start = time.perf_counter()
            await run_import(scope, job.id, apply=True, valid_only=False)
            elapsed = time.perf_counter() - start
            done = await NetworkImport.get(id=job.id)
            counts = done.report.get("counts", done.report)
            print(f"  {label:<44} {elapsed:6.2f} s   {done.status}   {counts}")
            return {"seconds": elapsed, "status": done.status}

        first = await timed("import (check + apply, all new)", content)
        assert await Unit.filter(organization_id=organization.id).count() == units + 1
        assert await EmailInvite.filter(organization_id=organization.id).count() == PEOPLE
        await timed("same file again (nothing changes)", content)
        changed, _ = network_csv(moved=500, renamed=20)
        await timed("500 people moved, 20 units renamed", changed)
        floor = await _floor(url, units)
        print(f"  {'floor: COPY of the same rows, unchecked':<44} {floor:6.2f} s")
        print(f"ratio import / floor: {float(first['seconds']) / floor:.1f}×  (budget: well under 60 s)")
    finally:
        await close_db()


if __name__ == "__main__":
    asyncio.run(main())
