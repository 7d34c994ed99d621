"""`python -m server [serve|migrate|seed-demo|worker|clean-media|init-env|rotate-secrets|
create-organization]`."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

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


async def _rotate_secrets() -> int:
    """Stored secrets encrypted again with the current SECRET_KEY (after a rotation)."""
    from server.badges.keys import reencrypt_signing_keys
    from server.db import close_db, init_db

    await init_db(get_settings().database_url)
    try:
        return await reencrypt_signing_keys()
    finally:
        await close_db()


async def _create_organization(name: str, email: str, display_name: str) -> int:
    from server.bootstrap import BootstrapRefused, create_first_admin
    from server.db import close_db, init_db

    await init_db(get_settings().database_url)
    try:
        made = await create_first_admin(name, email, display_name)
    except BootstrapRefused as error:
        print(f"Nothing created: {error}", file=sys.stderr)
        return 1
    finally:
        await close_db()
    print(f"{made.organization.name} created, with its head-office account {made.admin.email}.")
    print(f"Password (shown once; change it after signing in): {made.password}")
    return 0


def _init_env(path: str, domain: str) -> int:
    from server.env_file import EnvFileExists, env_text, write_env_file

    if path == "-":  # for `(set -C; docker run … init-env --env-file - > .env)`
        sys.stdout.write(env_text(domain))
        return 0
    try:
        written = write_env_file(Path(path), domain)
    except EnvFileExists as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{written} written with fresh secrets (SECRET_KEY, VAPID_PRIVATE_KEY, POSTGRES_PASSWORD)")
    return 0


async def _announce_setup() -> None:
    """First run without the demo: the one-time token that opens /setup (server.network.first_run)."""
    from server.db import close_db, init_db
    from server.network.first_run import issue_setup_token

    await init_db(get_settings().database_url)
    try:
        token = await issue_setup_token()
    finally:
        await close_db()
    if token:
        print("No organisation yet. To create it and its first admin, open (once):")
        print(f"  {get_settings().public_link('/setup')}#{token}")
        print("or run: python -m server create-organization --name … --admin-email … --admin-name …\n", flush=True)


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
    if not settings.smtp_url and not settings.production:
        print(f"No SMTP_URL: mails are printed here and listed at {settings.public_link('/dev/mails')}\n")


def serve() -> None:
    import uvicorn

    from server.serving import uvicorn_options

    settings = get_settings()
    migrate = os.environ.get("ELAN_MIGRATE_ON_START", "1") != "0"
    seeded = asyncio.run(_prepare(seed=settings.demo, migrate=migrate))
    _print_banner(seeded)
    if not settings.demo:
        asyncio.run(_announce_setup())
    uvicorn.run(
        "server.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        # JSON logs: uvicorn keeps the handlers server.logs set (and our access line)
        log_config=None if settings.log_json else uvicorn.config.LOGGING_CONFIG,
        access_log=not settings.log_json,
        **uvicorn_options(settings),
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m server")
    parser.add_argument(
        "command",
        nargs="?",
        default="serve",
        choices=[
            "serve", "migrate", "seed-demo", "worker", "clean-media", "init-env", "rotate-secrets",
            "create-organization",
        ],
    )
    parser.add_argument("--env-file", default=".env", help="init-env: where to write (never overwritten; - for stdout)")
    parser.add_argument("--domain", default="localhost", help="init-env: the domain people reach Élan at")
    parser.add_argument("--name", help="create-organization: the organisation's name")
    parser.add_argument("--admin-email", help="create-organization: the first head-office account")
    parser.add_argument("--admin-name", help="create-organization: that person's name")
    args = parser.parse_args()
    if args.command == "init-env":  # needs no settings: it makes them
        sys.exit(_init_env(args.env_file, args.domain))
    from server.logs import configure_logging
    from server.settings import MissingSecret

    try:
        settings = get_settings()
    except (MissingSecret, ValueError) as error:
        print(f"Élan cannot start: {error}", file=sys.stderr)
        sys.exit(2)
    configure_logging(settings)
    if args.command == "serve":
        serve()
    elif args.command == "worker":
        from server.workers import run_standalone

        try:
            import uvloop  # uvicorn[standard] brings it; the server itself runs on it too
        except ImportError:
            asyncio.run(run_standalone())
        else:
            uvloop.run(run_standalone())
    elif args.command == "clean-media":
        print(f"{asyncio.run(_clean_media())} orphan photos deleted")
    elif args.command == "create-organization":
        sys.exit(asyncio.run(_create_organization(args.name or "", args.admin_email or "", args.admin_name or "")))
    elif args.command == "rotate-secrets":
        print(f"{asyncio.run(_rotate_secrets())} signing key(s) encrypted again with the current SECRET_KEY")
    elif args.command == "migrate":
        asyncio.run(_prepare(seed=False))
    else:
        print(asyncio.run(_prepare(seed=True)) or "database not empty: nothing seeded")


if __name__ == "__main__":
    main()
