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
from server import ratelimit
from server.db import close_db, database_healthy, init_db
from server.headers import SecurityHeaders
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
    "server.push.handlers",
]


def import_handlers() -> None:
    import importlib

    for module in HANDLER_MODULES:
        importlib.import_module(module)


async def healthz(request: Request) -> JSONResponse:
    database = await database_healthy()
    bus = await bus_module.get_bus().healthy()
    status = {
        "database": "ok" if database else "down",
        "bus": "ok" if bus else "down",
        "busKind": "redis" if get_settings().redis_url else "memory",
    }
    return JSONResponse(status, status_code=200 if database and bus else 503)


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
    from server.badges.labels import run_reminders_forever
    from server.challenges.clock import run_challenge_clock
    from server.challenges.ranking import close_rank_index
    from server.deferred.services import start_runner, stop_runner

    reminders = asyncio.create_task(
        run_reminders_forever(settings.label_reminder_interval_seconds), name="label-reminders"
    )
    clock = asyncio.create_task(run_challenge_clock(), name="challenge-clock")
    start_runner()
    try:
        yield
    finally:
        for task in (reminders, clock):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await stop_runner()
        await close_rank_index()
        from server.push.worker import stop_in_server

        await stop_in_server()
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
    from server.media.http import serve_media, upload_media

    routes = [
        Route("/graphql", graphql_http, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql_ws),
        Route("/healthz", healthz),
        Route("/media", upload_media, methods=["POST"]),
        Route("/media/{name}", serve_media, methods=["GET"]),
        *BADGE_ROUTES,
        Route("/", pwa),
        Route("/{path:path}", pwa),
    ]
    # outermost first: every response gets the headers, refusals of cross-site requests too
    middleware = [Middleware(SecurityHeaders), Middleware(CrossSiteGuard)]
    return Starlette(debug=False, routes=routes, middleware=middleware, lifespan=lifespan)
