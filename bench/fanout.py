"""Leaderboard fan-out to 2,000 WebSocket subscribers, against a raw `websockets` floor.

Élan run: a real server process (uvicorn, SQLite, memory bus) with one live challenge; 2,000
graphql-transport-ws clients in another process subscribe to `leaderboard(challengeId)`; the
bench records a result through `recordResult` over HTTP and measures the time from sending the
mutation to the last of the 2,000 deliveries, over 20 updates.

Floor, same run, same client process: a raw `websockets` server speaking graphql-transport-ws
that broadcasts one pre-serialised message to the 2,000 connections when told to.
Budget (DESIGN.md): Élan's last delivery within 2× the floor.
    python -m bench.fanout [--clients 2000] [--updates 20]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VERSION = re.compile(r'"version":(\d+)')
LEADERBOARD = ("subscription($id: ID!) { leaderboard(challengeId: $id) { type version league "
               "rows { participantId rank previousRank displayName unitName score thresholdsReached } } }")
RECORD = ("mutation($m: ID!, $p: ID!, $at: DateTime!, $k: String!) { recordResult(metric: $m, participant: $p, "
          "value: 1, occurredAt: $at, idempotencyKey: $k) { __typename } }")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- the clients: 2,000 sockets in one process, reporting when all got a version ---------------

async def _clients(url: str, count: int, init: dict[str, Any], subscribe: dict[str, Any], pipe: Any) -> None:
    import websockets

    arrivals: dict[int, list[float]] = {}
    ready = 0
    all_ready = asyncio.Event()

    async def one(index: int) -> None:
        nonlocal ready
        async with websockets.connect(url, subprotocols=["graphql-transport-ws"], max_queue=None,  # type: ignore[arg-type]
                                      open_timeout=60, ping_interval=None) as socket:
            await socket.send(json.dumps({"type": "connection_init", "payload": init}))
            await socket.recv()
            await socket.send(json.dumps(subscribe))
            first = True
            async for message in socket:
                if first:  # the snapshot
                    first = False
                    ready += 1
                    if ready == count:
                        all_ready.set()
                    continue
                now = time.monotonic()
                found = VERSION.search(message if isinstance(message, str) else message.decode())
                if found:
                    got = arrivals.setdefault(int(found.group(1)), [])
                    got.append(now)
                    if len(got) == count:
                        pipe.send(("done", int(found.group(1)), max(got)))

    tasks = []
    for index in range(count):
        tasks.append(asyncio.create_task(one(index)))
        if index % 100 == 99:
            await asyncio.sleep(0.05)  # don't storm the accept queue
    await asyncio.wait_for(all_ready.wait(), 180)
    pipe.send(("ready", 0, 0.0))
    await asyncio.get_running_loop().run_in_executor(None, pipe.recv)  # until told to stop
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _client_process(url: str, count: int, init: dict[str, Any], subscribe: dict[str, Any], pipe: Any) -> None:
    asyncio.run(_clients(url, count, init, subscribe, pipe))


# --- the floor: a raw websockets server broadcasting one pre-serialised message -----------------

async def _floor_server(port: int, pipe: Any) -> None:
    from websockets.asyncio.server import broadcast, serve

    subscribers: set[Any] = set()

    async def handler(socket: Any) -> None:
        from websockets.exceptions import ConnectionClosed

        with contextlib.suppress(ConnectionClosed):  # the clients leave abruptly at the end
            await _serve_floor_socket(socket)

    async def _serve_floor_socket(socket: Any) -> None:
        async for text in socket:
            message = json.loads(text)
            if message["type"] == "connection_init":
                await socket.send('{"type":"connection_ack"}')
            elif message["type"] == "subscribe":
                await socket.send('{"type":"next","id":"1","payload":{"data":{"leaderboard":{"type":"SNAPSHOT","version":0,"rows":[]}}}}')
                subscribers.add(socket)
            elif message["type"] == "fire":  # the bench's trigger
                body = ('{"type":"next","id":"1","payload":{"data":{"leaderboard":{"type":"ROWS","challengeId":"1",'  # noqa: UP031
                        '"league":"","version":%d,"rows":[{"participantId":"12","rank":3,"previousRank":5,'
                        '"displayName":"Julie Moreau","unitName":"Élan Paris 15e","score":72.5,"thresholdsReached":0}]}}}}'
                        % message["version"])
                broadcast(subscribers, body)

    async with serve(handler, "127.0.0.1", port, subprotocols=["graphql-transport-ws"], max_queue=None,  # type: ignore[list-item]
                     ping_interval=None, backlog=4096):
        pipe.send("up")
        await asyncio.get_running_loop().run_in_executor(None, pipe.recv)


def _floor_process(port: int, pipe: Any) -> None:
    asyncio.run(_floor_server(port, pipe))


# --- one run: clients connect, then `updates` triggers, each timed to the last delivery ---------

async def _measure(url: str, count: int, updates: int, init: dict[str, Any], subscribe: dict[str, Any],
                   fire: Any) -> list[float]:
    parent, child = multiprocessing.Pipe()
    clients = multiprocessing.Process(target=_client_process, args=(url, count, init, subscribe, child), daemon=True)
    clients.start()
    loop = asyncio.get_running_loop()
    kind, _, _ = await loop.run_in_executor(None, parent.recv)
    assert kind == "ready"
    timings = []
    try:
        for update in range(1, updates + 1):
            started = time.monotonic()
            version = await fire(update)
            while True:
                kind, got, last = await loop.run_in_executor(None, parent.recv)
                if kind == "done" and got >= version:
                    break
            timings.append((last - started) * 1000)
            await asyncio.sleep(0.2)
    finally:
        parent.send("stop")
        clients.join(30)
        if clients.is_alive():
            clients.kill()
    return timings


async def floor(count: int, updates: int) -> list[float]:
    import websockets

    port = _free_port()
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_floor_process, args=(port, child), daemon=True)
    server.start()
    parent.recv()
    url = f"ws://127.0.0.1:{port}"
    control = await websockets.connect(url, subprotocols=["graphql-transport-ws"])  # type: ignore[list-item]

    async def fire(update: int) -> int:
        await control.send(json.dumps({"type": "fire", "version": update}))
        return update

    try:
        return await _measure(url, count, updates, {}, {"id": "1", "type": "subscribe", "payload": {"query": "subscription { x }"}}, fire)
    finally:
        await control.close()
        parent.send("stop")
        server.join(10)
        if server.is_alive():
            server.kill()


SETUP = """
import asyncio, json, sys
from datetime import UTC, datetime, timedelta
from server.db import init_db, migrate_db, close_db
from server.bus import MemoryBus, set_bus
from server.settings import get_settings
from server.network.scope import scope_of_user

async def main():
    url = get_settings().database_url
    await migrate_db(url); await init_db(url); set_bus(MemoryBus())
    from server.accounts.models import Role, User
    from server.accounts.services import open_session
    from server.challenges.lifecycle import ChallengeDraft, create_challenge
    from server.challenges.models import Metric, ScoringMode
    from server.network.models import UnitKind
    from server.network.services import create_organization, create_unit
    org, root = await create_organization("Bench fan-out", "bench-fanout")
    region = await create_unit(root, UnitKind.REGION, "Région")
    sites = [await create_unit(region, UnitKind.POINT_OF_SALE, f"Site {i}") for i in range(10)]
    manager = await User.create(organization_id=org.id, unit_id=region.id, email="m@bench.example", display_name="Manager", role=Role.MANAGER, password_hash="x")
    sellers = [await User.create(organization_id=org.id, unit_id=sites[i % 10].id, email=f"s{i}@bench.example", display_name=f"Vendeur {i}", password_hash="x") for i in range(60)]
    metric = await Metric.create(organization_id=org.id, name="Véhicules neufs vendus")
    now = datetime.now(UTC)
    challenge = await create_challenge(await scope_of_user(manager), ChallengeDraft(name="Fan-out", starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=5), metrics=[(metric.id, 1.0)], scope_unit_id=region.id, scoring_mode=ScoringMode.ABSOLUTE))
    print(json.dumps({"manager": await open_session(manager), "viewer": await open_session(sellers[0]), "challenge": challenge.id, "metric": metric.id, "sellers": [s.id for s in sellers]}))
    await close_db()

asyncio.run(main())
"""


async def elan(count: int, updates: int) -> list[float]:
    import httpx

    data_dir = Path(tempfile.mkdtemp(prefix="elan-bench-fanout-"))
    port = _free_port()
    env = {**os.environ, "ELAN_DATA_DIR": str(data_dir), "DATABASE_URL": f"sqlite://{data_dir / 'bench.sqlite3'}",
           "ELAN_DEMO": "0", "PORT": str(port), "LOG_LEVEL": "warning"}
    env.pop("REDIS_URL", None)
    setup = subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    given = json.loads(setup.stdout.strip().splitlines()[-1])
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "server.app:create_app", "--factory", "--host", "127.0.0.1", "--port",
         str(port), "--ws", "websockets-sansio", "--log-level", "warning", "--backlog", "4096"],
        cwd=ROOT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            for _ in range(100):
                try:
                    if (await http.get("/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            headers = {"Authorization": f"Bearer {given['manager']}"}
            sellers = given["sellers"]

            async def fire(update: int) -> int:
                reply = await http.post("/graphql", headers=headers, json={"query": RECORD, "variables": {
                    "m": str(given["metric"]), "p": str(sellers[update % len(sellers)]),
                    "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "k": f"fanout-{update:06d}"}})
                assert reply.json()["data"]["recordResult"]["__typename"] == "RecordResultSuccess", reply.text
                return 1  # any version after the snapshot's

            subscribe = {"id": "1", "type": "subscribe",
                         "payload": {"query": LEADERBOARD, "variables": {"id": str(given["challenge"])}}}
            return await _measure(f"ws://127.0.0.1:{port}/graphql", count, updates, {"token": given["viewer"]},
                                  subscribe, fire)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def _summary(name: str, timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    p50, p95 = statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]
    print(f"{name:<44} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms", flush=True)
    return p50, p95


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fanout")
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--updates", type=int, default=20)
    args = parser.parse_args()
    floor_p50, floor_p95 = _summary(f"floor: raw websockets broadcast ×{args.clients}", asyncio.run(floor(args.clients, args.updates)))
    elan_p50, elan_p95 = _summary(f"Élan: recordResult → leaderboard ×{args.clients}", asyncio.run(elan(args.clients, args.updates)))
    print(f"ratio to the floor: p50 ×{elan_p50 / floor_p50:.2f}, p95 ×{elan_p95 / floor_p95:.2f} (budget ≤ 2)")


if __name__ == "__main__":
    main()
