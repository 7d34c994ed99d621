"""Builds the Starlette application: routes, lifespan, and the services it starts."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute

from server import bus as bus_module
from server import heap, ratelimit
from server.compression import Compression
from server.db import close_db, database_healthy, init_db, missing_migrations
from server.headers import SecurityHeaders
from server.logs import RequestLog
from server.origins import CrossSiteGuard
from server.settings import get_settings
from server.static import pwa

log = logging.getLogger("elan")

# modules whose import registers domain-event handlers (server.hooks); one per domain
HANDLER_MODULES: list[str] = [
    "server.badges.handlers",
    "server.challenges.handlers",
    "server.training.handlers",
    "server.evaluation.handlers",
    "server.dashboards.handlers",
    "server.plans.handlers",
    "server.push.handlers",
    "server.accounts.recovery",  # the deferred « reset link » mail
    "server.privacy.export",  # the deferred build of a large data export
]


def import_handlers() -> None:
    import importlib

    for module in HANDLER_MODULES:
        importlib.import_module(module)


async def healthz(request: Request) -> JSONResponse:
    """Liveness: the process answers. Nothing outside it is asked, so a database or Redis
    restart never gets a healthy instance killed; readiness is /readyz."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Readiness: this instance can serve (the proxy sends it traffic only then): the database
    answers with every shipped migration applied, and the bus answers."""
    database = await database_healthy()
    missing: set[str] = set()
    if database:
        try:
            missing = await missing_migrations()
        except Exception:
            database = False
    bus = await bus_module.get_bus().healthy()
    ready = database and bus and not missing
    status: dict[str, str | list[str]] = {
        "status": "ready" if ready else "not ready",
        "database": "ok" if database else "down",
        "migrations": "ok" if database and not missing else "pending" if database else "unknown",
        "bus": "ok" if bus else "down",
        "busKind": "redis" if get_settings().redis_url else "memory",
    }
    if missing:
        status["pendingMigrations"] = sorted(missing)
    return JSONResponse(status, status_code=200 if ready else 503)


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    settings = get_settings()
    import_handlers()
    await init_db(settings.database_url)
    event_bus = bus_module.make_bus(settings.redis_url, settings.redis_prefix)
    await event_bus.start()
    bus_module.set_bus(event_bus)
    limiter = ratelimit.make_limiter(settings.redis_url, settings.redis_prefix)
    ratelimit.set_limiter(limiter)
    from server.media.cleanup import run_media_cleanup_forever

    media_cleanup = asyncio.create_task(
        run_media_cleanup_forever(
            settings.media_cleanup_interval_seconds, settings.media_orphan_grace_seconds
        ),
        name="media-cleanup",
    )
    if settings.push_worker_in_server:
        from server.push.worker import start_in_server

        await start_in_server()
    if settings.mail_worker_in_server:
        from server.mail import worker as mail_worker

        await mail_worker.start_in_server()
    from server.badges.labels import run_reminders_forever
    from server.challenges.clock import run_challenge_clock
    from server.challenges.ranking import close_rank_index
    from server.deferred.services import start_runner, stop_runner

    reminders = asyncio.create_task(
        run_reminders_forever(settings.label_reminder_interval_seconds), name="label-reminders"
    )
    clock = asyncio.create_task(run_challenge_clock(), name="challenge-clock")
    from server.privacy.retention import run_retention_forever

    retention = asyncio.create_task(run_retention_forever(), name="privacy-retention")
    start_runner()
    from server.metrics import serve_metrics

    metrics = serve_metrics(settings.metrics_address)
    heap.settle()  # what start-up loaded stays: left out of the collections from now on
    try:
        yield
    finally:
        if metrics is not None:
            metrics.close()
        for task in (reminders, clock, retention):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await stop_runner()
        await close_rank_index()
        from server.push.worker import stop_in_server

        await stop_in_server()
        from server.mail import worker as mail_worker

        await mail_worker.stop_in_server()
        media_cleanup.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await media_cleanup
        await event_bus.close()
        bus_module.set_bus(None)
        if isinstance(limiter, ratelimit.RedisLimiter):
            await limiter.close()
        ratelimit.set_limiter(None)
        await close_db()


def create_app() -> Starlette:
    from schema.http import graphql_http
    from schema.ws import graphql_ws
    from server.badges.routes import ROUTES as BADGE_ROUTES
    from server.mail.dev import dev_mails
    from server.media.http import delete_photo, serve_media, upload_media, upload_photo
    from server.network.import_http import upload_network_csv
    from server.privacy.routes import ROUTES as PRIVACY_ROUTES

    routes = [
        Route("/graphql", graphql_http, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql_ws),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/media", upload_media, methods=["POST"]),
        Route("/media/photo", upload_photo, methods=["POST"]),
        Route("/media/photo", delete_photo, methods=["DELETE"]),
        Route("/media/{name}", serve_media, methods=["GET"]),
        Route("/network/import", upload_network_csv, methods=["POST"]),
        *BADGE_ROUTES,
        *PRIVACY_ROUTES,
        # development only: the mail outbox as a page (a 404 in production)
        Route("/dev/mails", dev_mails, methods=["GET"]),
        Route("/", pwa),
        Route("/{path:path}", pwa),
    ]
    # outermost first: the request id and access line cover everything; every response gets
    # the headers, refusals of cross-site requests too; compression comes last, on the body
    settings = get_settings()
    middleware = [
        Middleware(RequestLog, access=settings.log_json),
        Middleware(SecurityHeaders),
        Middleware(CrossSiteGuard),
        Middleware(Compression),
    ]
    return Starlette(debug=False, routes=routes, middleware=middleware, lifespan=lifespan)
