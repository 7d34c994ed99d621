"""A benchmark's own PostgreSQL data, rebuilt every run."""

from __future__ import annotations


async def empty_postgres(url: str) -> None:
    """Drops and recreates the public schema of the PostgreSQL database at `url` (so point
    BENCH_DATABASE_URL at a database of its own), creating the database first when the server
    does not have it yet (each benchmark's default name, on a fresh machine); nothing for a
    SQLite file."""
    if not url.startswith("postgres"):
        return
    import asyncpg

    dsn = url.replace("postgres://", "postgresql://", 1)
    try:
        conn = await asyncpg.connect(dsn)
    except asyncpg.InvalidCatalogNameError:
        base, _, name = dsn.rpartition("/")
        name = name.split("?", 1)[0]
        admin = await asyncpg.connect(f"{base}/postgres")
        try:
            await admin.execute(f'CREATE DATABASE "{name}"')
        finally:
            await admin.close()
        conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()
