"""`python -m server worker`: the push and mail workers (and the daily retention job) alone, until SIGTERM or SIGINT.

Several may run: each claims outbox rows with `FOR UPDATE SKIP LOCKED` (PostgreSQL)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from server import bus as bus_module
from server.db import close_db, init_db
from server.mail.worker import MailWorker
from server.metrics import serve_metrics
from server.push.worker import PushWorker
from server.settings import get_settings

log = logging.getLogger("elan.workers")


async def run_standalone() -> None:
    settings = get_settings()
    await init_db(settings.database_url)
    event_bus = bus_module.make_bus(settings.redis_url, settings.redis_prefix)
    await event_bus.start()
    bus_module.set_bus(event_bus)
    push, mail = PushWorker(), MailWorker()
    await push.start()
    await mail.start()
    from server.privacy.retention import run_retention_forever

    retention = asyncio.create_task(run_retention_forever(), name="privacy-retention")
    metrics = serve_metrics(settings.metrics_address)
    log.info("push worker %s and mail worker %s started", push.name, mail.name)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopping.set)
    try:
        await stopping.wait()
    finally:
        if metrics is not None:
            metrics.close()
        retention.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await retention
        await mail.stop()
        await push.stop()
        await event_bus.close()
        bus_module.set_bus(None)
        await close_db()
