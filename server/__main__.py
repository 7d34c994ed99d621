"""`python -m server [serve|migrate|seed-demo|worker|clean-media]`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os

from server.settings import get_settings


async def _prepare(seed: bool, migrate: bool = True) -> dict[str, int] | None:
    from server.app import import_handlers
    from server.db import close_db, init_db, migrate_db
    from server.demo.seed import database_is_empty, seed_demo

    settings = get_settings()
    if migrate:
        await migrate_db(settings.database_url)
    if not seed:
        return None
    import_handlers()
    await init_db(settings.database_url)
    from server.bus import MemoryBus, set_bus

    set_bus(MemoryBus())  # seeding goes through the services, which publish after commit
    try:
        if await database_is_empty():
            return await seed_demo()
        return None
    finally:
        await close_db()


async def _clean_media() -> int:
    """One sweep of the photos never attached to a post, for a cron job or by hand."""
    from datetime import timedelta

    from server.db import close_db, init_db
    from server.media.cleanup import delete_orphan_media

    settings = get_settings()
    await init_db(settings.database_url)
    try:
        return await delete_orphan_media(timedelta(seconds=settings.media_orphan_grace_seconds))
    finally:
        await close_db()


def _print_banner(seeded: dict[str, int] | None) -> None:
    from server.demo.data import PASSWORD
    from server.demo.seed import DEMO_ACCOUNTS, DEMO_INVITE

    settings = get_settings()
    if seeded:
        print("Demo network seeded: " + ", ".join(f"{n} {what}" for what, n in seeded.items()))
    print(f"\nÉlan is running on http://{settings.host}:{settings.port}")
    if settings.demo:
        print(f"Demo accounts (password: {PASSWORD}):")
        for email, name, role, _ in DEMO_ACCOUNTS:
            print(f"  {email:<24} {role.value:<8} {name}")
        print(f"Invite code to sign up in Élan Paris 15e: {DEMO_INVITE}\n")


def serve() -> None:
    import uvicorn

    from server.serving import uvicorn_options

    settings = get_settings()
    migrate = os.environ.get("ELAN_MIGRATE_ON_START", "1") != "0"
    seeded = asyncio.run(_prepare(seed=settings.demo, migrate=migrate))
    _print_banner(seeded)
    uvicorn.run(
        "server.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        **uvicorn_options(settings),
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m server")
    parser.add_argument("command", nargs="?", default="serve", choices=["serve", "migrate", "seed-demo", "worker", "clean-media"])
    args = parser.parse_args()
    logging.basicConfig(level=get_settings().log_level.upper())
    if args.command == "serve":
        serve()
    elif args.command == "worker":
        from server.push.worker import run_standalone

        try:
            import uvloop  # uvicorn[standard] brings it; the server itself runs on it too
        except ImportError:
            asyncio.run(run_standalone())
        else:
            uvloop.run(run_standalone())
    elif args.command == "clean-media":
        print(f"{asyncio.run(_clean_media())} orphan photos deleted")
    elif args.command == "migrate":
        asyncio.run(_prepare(seed=False))
    else:
        print(asyncio.run(_prepare(seed=True)) or "database not empty: nothing seeded")


if __name__ == "__main__":
    main()
