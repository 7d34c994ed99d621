"""A benchmark's own PostgreSQL data, rebuilt every run."""

from __future__ import annotations


async def empty_postgres(url: str) -> None:
    """Drops and recreates the public schema of the PostgreSQL database at `url` (so point
    BENCH_DATABASE_URL at a database of its own); nothing for a SQLite file."""
    if not url.startswith("postgres"):
        return
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()
