"""A reconnect storm: 10,000 phones re-join one leaderboard at once (an instance restarted),
against a raw `websockets` floor, in one run.

Élan: a uvicorn server process (SQLite, memory bus, as `bench.fanout`) with one live challenge;
client processes open their sockets together (graphql-transport-ws: connection_init with the
token, subscribe to `leaderboard(challengeId)`), and the bench times from the first connection
to the last snapshot received, then records one result and times its delivery to the last of
them. The server's resident memory is read before and after, for the memory per phone.
Floor, same clients: the raw server of `bench.fanout`, which answers each subscribe with a
pre-serialised snapshot. Goal (issue 16): 10,000 phones subscribed and up to date within 15 s.

    python -m bench.storm [--clients 10000] [--processes 4]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.fanout import LEADERBOARD, RECORD, ROOT, SETUP, VERSION, _floor_process, _free_port


async def hold_socket(url: str, init: dict[str, Any], subscribes: list[dict[str, Any]],
                      on_message: Callable[[str | bytes], None]) -> None:
    """One phone's graphql-transport-ws socket: connection_init, its ack, the subscribe messages,
    then every message to `on_message` until the server closes it or the task is cancelled.
    Shared by the storm below and the daily-peak load (bench/load/day.py)."""
    import websockets

    async with websockets.connect(url, subprotocols=["graphql-transport-ws"], max_queue=None,  # type: ignore[list-item]
                                  open_timeout=120, ping_interval=None) as socket:
        await socket.send(json.dumps({"type": "connection_init", "payload": init}))
        ack = await socket.recv()
        if '"connection_ack"' not in (ack if isinstance(ack, str) else ack.decode()):
            raise ConnectionError(f"no connection_ack: {str(ack)[:200]}")
        for subscribe in subscribes:
            await socket.send(json.dumps(subscribe))
        async for message in socket:
            on_message(message)


async def _clients(url: str, count: int, init: dict[str, Any], subscribe: dict[str, Any], start: float, pipe: Any) -> None:
    joined: list[float] = []
    failures = 0
    delivered: list[float] = []
    all_joined = asyncio.Event()

    async def one() -> None:
        nonlocal failures
        first = True

        def on_message(message: str | bytes) -> None:
            nonlocal first
            if first:
                first = False
                joined.append(time.monotonic())
                if len(joined) + failures == count:
                    all_joined.set()
                return
            if VERSION.search(message if isinstance(message, str) else message.decode()):
                delivered.append(time.monotonic())
                if len(delivered) == len(joined):
                    pipe.send(("delivered", max(delivered)))

        try:
            await hold_socket(url, init, [subscribe], on_message)
        except Exception:
            failures += 1
            if len(joined) + failures == count:
                all_joined.set()

    while time.monotonic() < start:
        await asyncio.sleep(0.001)
    tasks = [asyncio.create_task(one()) for _ in range(count)]
    await asyncio.wait_for(all_joined.wait(), 300)
    pipe.send(("joined", max(joined) if joined else 0.0, len(joined), failures))
    await asyncio.get_running_loop().run_in_executor(None, pipe.recv)  # until told to stop
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _client_process(url: str, count: int, init: dict[str, Any], subscribe: dict[str, Any], start: float, pipe: Any) -> None:
    asyncio.run(_clients(url, count, init, subscribe, start, pipe))


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) the process has used: a cost the other load of a shared
    machine does not inflate as much as wall time."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def _storm(url: str, clients: int, processes: int, init: dict[str, Any], subscribe: dict[str, Any],
                 fire: Any, pid: int) -> dict[str, float]:
    start = time.monotonic() + 1.0
    cpu_before = _cpu_s(pid)
    pipes, workers = [], []
    for n in range(processes):
        parent, child = multiprocessing.Pipe()
        share = clients // processes + (1 if n < clients % processes else 0)
        worker = multiprocessing.Process(target=_client_process, args=(url, share, init, subscribe, start, child), daemon=True)
        worker.start()
        pipes.append(parent)
        workers.append(worker)
    loop = asyncio.get_running_loop()
    try:
        reports = [await loop.run_in_executor(None, pipe.recv) for pipe in pipes]
        joined = max(r[1] for r in reports) - start
        figures = {"joined_s": joined, "subscribed": sum(r[2] for r in reports), "failed": sum(r[3] for r in reports),
                   "server_cpu_s": _cpu_s(pid) - cpu_before}
        if fire is not None:
            fired = time.monotonic()
            await fire()
            delivered = [await loop.run_in_executor(None, pipe.recv) for pipe in pipes]
            figures["delivery_s"] = max(d[1] for d in delivered) - fired
        return figures
    finally:
        for pipe in pipes:
            pipe.send("stop")
        for worker in workers:
            worker.join(30)
            if worker.is_alive():
                worker.kill()


async def floor(clients: int, processes: int) -> dict[str, float]:
    port = _free_port()
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_floor_process, args=(port, child), daemon=True)
    server.start()
    parent.recv()
    try:
        subscribe = {"id": "1", "type": "subscribe", "payload": {"query": "subscription { x }"}}
        assert server.pid is not None
        return await _storm(f"ws://127.0.0.1:{port}", clients, processes, {}, subscribe, None, server.pid)
    finally:
        parent.send("stop")
        server.join(10)
        if server.is_alive():
            server.kill()


async def elan(clients: int, processes: int) -> dict[str, float]:
    import httpx

    data_dir = Path(tempfile.mkdtemp(prefix="elan-bench-storm-"))
    port = _free_port()
    env = {**os.environ, "ELAN_DATA_DIR": str(data_dir), "DATABASE_URL": f"sqlite://{data_dir / 'bench.sqlite3'}",
           "ELAN_DEMO": "0", "PORT": str(port), "LOG_LEVEL": "warning"}
    env.pop("REDIS_URL", None)
    setup = subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    given = json.loads(setup.stdout.strip().splitlines()[-1])
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.profiled" if os.environ.get("ELAN_BENCH_PROFILE") else "uvicorn", "server.app:create_app", "--factory", "--host", "127.0.0.1", "--port",
         str(port), "--ws", "websockets-sansio", "--log-level", "warning", "--backlog", "16384"],
        cwd=ROOT, env=env,
    )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            for _ in range(100):
                try:
                    if (await http.get("/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            before = _rss_kib(server.pid)

            async def fire() -> None:
                reply = await http.post("/graphql", headers={"Authorization": f"Bearer {given['manager']}"}, json={
                    "query": RECORD, "variables": {"m": str(given["metric"]), "p": str(given["sellers"][1]),
                                                   "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                                   "k": "storm-0001"}})
                assert reply.json()["data"]["recordResult"]["__typename"] == "RecordResultSuccess", reply.text

            subscribe = {"id": "1", "type": "subscribe",
                         "payload": {"query": LEADERBOARD, "variables": {"id": str(given["challenge"])}}}
            figures = await _storm(f"ws://127.0.0.1:{port}/graphql", clients, processes, {"token": given["viewer"]},
                                   subscribe, fire, server.pid)
            if os.environ.get("ELAN_BENCH_PROFILE"):
                import signal
                server.send_signal(signal.SIGUSR1)
                await asyncio.sleep(3)
            figures["kib_per_phone"] = (_rss_kib(server.pid) - before) / max(1, figures["subscribed"])
            return figures
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.storm")
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=4)
    args = parser.parse_args()
    print(f"{args.clients} phones in {args.processes} client processes; load average {os.getloadavg()[0]:.1f}", flush=True)
    raw = asyncio.run(floor(args.clients, args.processes))
    print(f"floor: raw websockets, all subscribed in {raw['joined_s']:.1f} s ({raw['failed']:.0f} failed), "
          f"server CPU {raw['server_cpu_s']:.1f} s", flush=True)
    found = asyncio.run(elan(args.clients, args.processes))
    print(f"Élan: {found['subscribed']:.0f} subscribed in {found['joined_s']:.1f} s ({found['failed']:.0f} failed), "
          f"a move delivered to the last in {found['delivery_s']:.2f} s, {found['kib_per_phone']:.0f} KiB per phone; "
          f"×{found['joined_s'] / raw['joined_s']:.2f} the floor (goal: within 15 s); server CPU "
          f"{found['server_cpu_s']:.1f} s (×{found['server_cpu_s'] / max(0.01, raw['server_cpu_s']):.2f} the floor's, "
          f"{1000 * found['server_cpu_s'] / max(1, found['subscribed']):.2f} ms per joiner); "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
