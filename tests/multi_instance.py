"""Extra server processes sharing the test database and bus, as in a scaled-out deployment."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from tests.conftest import ROOT, LiveServer, free_port


@asynccontextmanager
async def server_process(
    live_server: LiveServer, expect_healthy: bool = True, **settings: str
) -> AsyncIterator[str]:
    """Another instance; `settings` are extra environment variables (FORWARDED_ALLOW_IPS=…)."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": live_server.database_url,
        "REDIS_URL": live_server.redis_url or "",
        "ELAN_DATA_DIR": str(live_server.data_dir),
        "ELAN_DEMO": "0",
        "ELAN_MIGRATE_ON_START": "0",  # the test server migrated the database
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "LOG_LEVEL": "warning",
        **settings,
    }
    # the command production runs, with its uvicorn options (server.serving)
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "serve"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient() as client:
            for _ in range(300):  # a loaded machine may take a while to import and migrate
                try:
                    status = (await client.get(f"{url}/healthz")).status_code
                    if status == 200 or (status == 503 and not expect_healthy):
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            else:
                raise AssertionError("the second server did not start")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
