"""Push delivery: 10,000 notifications to a local push service.

    .venv/bin/python -m bench.push            # in-server worker on SQLite
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/elan_push .venv/bin/python -m bench.push
                                              # + in-server worker and two workers on PostgreSQL

Floor: the encryption (aes128gcm, a fresh ECDH key per message) and VAPID signing of
the same 10,000 payloads alone, in this process. Budget: delivery at least half the
floor's rate. The local push service runs in its own process (it checks each VAPID
token once, counts messages, and does not decrypt), so the figures are the sender's.
Printed with each run: CPU per message in the worker's process, in its encryption
processes and in the push service, the seconds each step of a batch took (summed over
the lanes) and the load average; BENCH_PUSH_ONLY=sqlite,postgres,two-workers picks runs.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from bench.database import empty_postgres

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = int(os.environ.get("BENCH_PUSH_MESSAGES", "10000"))
DEVICES = 200
WARM_UP = 800  # messages sent before two workers are timed, so that their processes are up


def payload(n: int) -> dict[str, object]:
    return {
        "id": n,
        "kind": "RANK_OVERTAKEN",
        "title": "Classement",
        "body": f"Vendeur {n % 97} vient de vous dépasser dans « Printemps des utilitaires » : vous êtes {n % 40 + 2}e",
        "link": f"/challenges/{n % 50}",
        "tag": f"rank-{n % 50}",
        "lang": "fr",
        "icon": "/icon-192.png",
        "badge": "/badge-72.png",
    }


def spec(n: int, user_id: int, actor_id: int) -> dict[str, object]:
    """What the outbox holds for `payload(n)`: what happened; the worker writes the sentence
    (in the recipient's language, names as they are now) when it sends it."""
    return {
        "id": n,
        "to": user_id,
        "kind": "RANK_OVERTAKEN",
        "params": {"challengeId": n % 50, "challenge": "Printemps des utilitaires", "rank": n % 40 + 2, "actorIds": [actor_id]},
        "names": [],
        "count": 1,
        "link": f"/challenges/{n % 50}",
        "tag": f"rank-{n % 50}",
    }


def make_devices(count: int) -> list[tuple[str, str]]:
    """(p256dh, auth) of `count` browsers."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    from tests.push.push_service import b64url

    devices = []
    for _ in range(count):
        key = ec.generate_private_key(ec.SECP256R1()).public_key()
        raw = key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        devices.append((b64url(raw), b64url(os.urandom(16))))
    return devices


def floor_rate(devices: list[tuple[str, str]], origin: str) -> float:
    """Encrypt and sign the same payloads, nothing else."""
    from py_vapid import Vapid
    from pywebpush import WebPusher

    from server.push.payload import encoded

    key = Vapid()
    key.generate_keys()
    started = time.perf_counter()
    for n in range(MESSAGES):
        p256dh, auth = devices[n % len(devices)]
        pusher = WebPusher({"endpoint": f"{origin}/push/d{n % len(devices)}", "keys": {"p256dh": p256dh, "auth": auth}})
        pusher.encode(encoded(payload(n)))
        key.sign({"aud": origin, "sub": "mailto:bench@elan.example", "exp": int(time.time()) + 3600})
    return MESSAGES / (time.perf_counter() - started)


class CountingPushService(asyncio.Protocol):
    """A minimal HTTP/1.1 push service for the benchmark: keep-alive, checks each distinct
    VAPID token once (signature, audience, expiry, subject), answers 201, counts. Much
    lighter than an aiohttp app, so the sender's cost is what is measured."""

    received = 0
    rejected = 0
    connections = 0
    origin = ""
    verified: dict[str, int] = {}

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.buffer = b""
        CountingPushService.connections += 1

    def data_received(self, data: bytes) -> None:
        from tests.push.push_service import VapidRejected, verify_vapid

        self.buffer += data
        while True:
            head_end = self.buffer.find(b"\r\n\r\n")
            if head_end < 0:
                return
            head = self.buffer[:head_end].decode("latin-1").split("\r\n")
            headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:])}
            length = int(headers.get("content-length", "0"))
            if len(self.buffer) < head_end + 4 + length:
                return
            self.buffer = self.buffer[head_end + 4 + length :]
            if head[0].startswith("GET /count"):
                body = json.dumps({"received": CountingPushService.received, "rejected": CountingPushService.rejected, "connections": CountingPushService.connections, "cpu": time.process_time()}).encode()
                self.transport.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))  # type: ignore[attr-defined]
                continue
            authorization = headers.get("authorization", "")
            status = b"201 Created"
            if CountingPushService.verified.get(authorization, 0) <= time.time():
                try:
                    claims = verify_vapid(authorization, CountingPushService.origin)
                    CountingPushService.verified[authorization] = int(claims["exp"])
                except (VapidRejected, KeyError, ValueError):
                    status = b"401 Unauthorized"
            if status.startswith(b"201") and headers.get("content-encoding") == "aes128gcm" and "ttl" in headers:
                CountingPushService.received += 1
            else:
                CountingPushService.rejected += 1
            self.transport.write(b"HTTP/1.1 " + status + b"\r\nContent-Length: 0\r\n\r\n")  # type: ignore[attr-defined]


async def serve_push(port_file: str) -> None:
    """The local push service, in its own process (`python -m bench.push serve`)."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(CountingPushService, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    CountingPushService.origin = f"http://127.0.0.1:{port}"
    Path(port_file).write_text(json.dumps({"origin": CountingPushService.origin, "count": f"{CountingPushService.origin}/count"}))
    await asyncio.Event().wait()


async def start_push_service() -> tuple[asyncio.subprocess.Process, str, str]:
    port_file = tempfile.mktemp(prefix="elan-bench-push-")
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bench.push", "serve", port_file, cwd=ROOT)
    for _ in range(200):
        if os.path.exists(port_file) and os.path.getsize(port_file):
            info = json.loads(Path(port_file).read_text())
            return process, info["origin"], info["count"]
        await asyncio.sleep(0.05)
    raise RuntimeError("the local push service did not start")


async def fill_outbox(devices: list[tuple[str, str]], origin: str, count: int = MESSAGES) -> None:
    from server.accounts.models import User
    from server.push.models import PushMessage, PushSubscription
    from tests.factories import make_network, make_user

    network = await make_network()
    user: User = await make_user(network.points_of_sale["Lille"])
    actor: User = await make_user(network.points_of_sale["Lille"], name="Vendeur 7")
    run = uuid.uuid4().hex[:6]
    subscriptions = [
        await PushSubscription.create(user_id=user.id, endpoint=f"{origin}/push/{run}-{i}", p256dh=p, auth=a)
        for i, (p, a) in enumerate(devices)
    ]
    now = datetime.now(UTC)
    rows = [
        PushMessage(
            subscription_id=subscriptions[n % len(subscriptions)].id,
            user_id=user.id,
            kind="RANK_OVERTAKEN",
            event_key=uuid.uuid4().hex,
            topic=f"rank-{n % 50}",
            urgency="high",
            ttl=3600,
            payload=spec(n, user.id, actor.id),
            not_before=now,
        )
        for n in range(count)
    ]
    for start in range(0, len(rows), 1000):
        await PushMessage.bulk_create(rows[start : start + 1000])


async def counts(count_url: str, session=None) -> dict[str, float]:
    """What the local push service has seen: received, rejected, connections opened, and
    the CPU seconds it has used."""
    import aiohttp

    if session is None:
        async with aiohttp.ClientSession() as own:
            return await counts(count_url, own)
    async with session.get(count_url) as response:
        return dict(await response.json())


async def received(count_url: str) -> int:
    return int((await counts(count_url))["received"])


async def wait_for(count_url: str, target: int, timeout: float = 600) -> None:
    import aiohttp

    deadline = time.perf_counter() + timeout
    async with aiohttp.ClientSession() as session:  # one connection for all the polls
        while (await counts(count_url, session))["received"] < target:
            if time.perf_counter() > deadline:
                raise RuntimeError("delivery did not finish")
            await asyncio.sleep(0.02)


async def prepare_database(database_url: str, data_dir: str) -> None:
    from server.db import init_db, migrate_db
    from server.settings import reset_settings

    await empty_postgres(database_url)
    os.environ.update({"DATABASE_URL": database_url, "ELAN_DATA_DIR": data_dir})
    reset_settings()
    await migrate_db(database_url)
    await init_db(database_url)


async def in_server_worker_rate(devices, origin: str, count_url: str, already: int) -> dict[str, object]:
    """The worker the server runs in its lifespan, in this process: its rate, the CPU it
    used per message, and the seconds its lanes spent in each step. Its encryption
    processes are up before the clock starts, as in a server that has sent a large batch
    before (they start with the first one)."""
    from server.bus import MemoryBus, set_bus
    from server.push.policy import LIMITS
    from server.push.worker import PushWorker

    LIMITS.poll_seconds = 0.05
    set_bus(MemoryBus())
    worker = PushWorker()
    worker.encryption.start()
    await fill_outbox(devices, origin)
    while worker.encryption.processes and not worker.encryption.running:
        await asyncio.sleep(0.05)
    cpu, pool_cpu = time.process_time(), _cpu_of(worker.encryption.pids)
    started = time.perf_counter()
    await worker.start()
    await wait_for(count_url, already + MESSAGES)
    elapsed = time.perf_counter() - started
    cpu, pool_cpu = time.process_time() - cpu, _cpu_of(worker.encryption.pids) - pool_cpu
    await worker.stop()
    return {
        "rate": MESSAGES / elapsed,
        "cpu_us": {"worker": cpu / MESSAGES * 1e6, "pool": pool_cpu / MESSAGES * 1e6},
        "steps": dict(worker.phase_seconds),
    }


def _cpu_of(pids: list[int]) -> float:
    """CPU seconds (user + system) the processes `pids` have used so far."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


async def two_workers_rate(devices, origin: str, count_url: str, already: int) -> float:
    """Two `python -m server worker` processes sharing the outbox. A first round of 800
    messages starts their encryption processes, as in workers that have been running;
    the clock runs for the 10,000 after it."""
    env = {**os.environ, "PUSH_ALLOWED_ORIGINS": origin, "PUSH_POLL_SECONDS": "0.05", "LOG_LEVEL": "warning"}
    env.pop("REDIS_URL", None)
    workers = [
        await asyncio.create_subprocess_exec(sys.executable, "-m", "server", "worker", cwd=ROOT, env=env)
        for _ in range(2)
    ]
    try:
        await asyncio.sleep(3)  # both started and idle
        await fill_outbox(devices, origin, WARM_UP)
        await wait_for(count_url, already + WARM_UP)
        await _until_idle([pid for worker in workers for pid in _children_of(worker.pid)])
        await fill_outbox(devices, origin)
        started = time.perf_counter()
        await wait_for(count_url, already + WARM_UP + MESSAGES)
        return MESSAGES / (time.perf_counter() - started)
    finally:
        for worker in workers:
            worker.terminate()
            await worker.wait()


def _children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


async def _until_idle(pids: list[int]) -> None:
    """Waits until the processes `pids` have finished starting (their CPU time stays put)."""
    used = _cpu_of(pids)
    for _ in range(60):
        await asyncio.sleep(0.5)
        now = _cpu_of(pids)
        if now - used < 0.02:
            return
        used = now


async def scenario(kind: str, origin: str, count_url: str) -> None:
    """One delivery run in its own process (`python -m bench.push run KIND ORIGIN COUNT`):
    each database gets a fresh ORM; prints the rate as JSON."""
    from server.db import close_db

    os.environ["PUSH_ALLOWED_ORIGINS"] = origin
    data_dir = tempfile.mkdtemp(prefix="elan-bench-push-")
    database = f"sqlite://{data_dir}/bench.sqlite3" if kind == "sqlite" else os.environ["BENCH_DATABASE_URL"]
    await prepare_database(database, data_dir)
    devices = make_devices(DEVICES)
    done = await received(count_url)
    if kind == "two-workers":
        result: dict[str, object] = {"rate": await two_workers_rate(devices, origin, count_url, done)}
    else:
        result = await in_server_worker_rate(devices, origin, count_url, done)
    await close_db()
    print(json.dumps(result))


async def run_scenario(kind: str, origin: str, count_url: str) -> dict:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.push", "run", kind, origin, count_url, cwd=ROOT, stdout=asyncio.subprocess.PIPE
    )
    out, _ = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"scenario {kind} failed")
    return dict(json.loads(out.decode().strip().splitlines()[-1]))


async def main() -> None:
    push_process, origin, count_url = await start_push_service()
    try:
        devices = make_devices(DEVICES)
        kinds = [("sqlite", "in-server worker, SQLite")]
        if os.environ.get("BENCH_DATABASE_URL"):
            kinds += [("postgres", "in-server worker, PostgreSQL"), ("two-workers", "two workers, PostgreSQL")]
        else:
            print("(set BENCH_DATABASE_URL to a PostgreSQL database to measure two workers)")
        only = os.environ.get("BENCH_PUSH_ONLY")
        kinds = [(kind, name) for kind, name in kinds if not only or kind in only.split(",")]
        figures = []
        for kind, name in kinds:
            # the machine is shared: the floor is taken right before and right after each
            # run, and their mean is the reference for that run
            load_before = os.getloadavg()[0]
            before = floor_rate(devices, origin)
            service_before = await counts(count_url)
            result = await run_scenario(kind, origin, count_url)
            service_cpu = (await counts(count_url))["cpu"] - service_before["cpu"]
            after = floor_rate(devices, origin)
            result.update(floor=(before + after) / 2, service_us=service_cpu / MESSAGES * 1e6)
            result["load"] = (load_before, os.getloadavg()[0])
            figures.append((name, result))
        print(f"{MESSAGES:,} messages to {DEVICES} devices; floor = pywebpush's encryption and a VAPID signature of each payload, alone, in one process")
        for name, result in figures:
            rate, floor = result["rate"], result["floor"]
            verdict = "OK" if rate >= floor / 2 else "UNDER BUDGET"
            print(f"{name}: {rate:,.0f} msg/s vs floor {floor:,.0f} msg/s = {rate / floor:.2f} x (budget >= 0.5) {verdict}")
            cpu = result.get("cpu_us")
            if cpu:
                print(
                    f"    CPU per message: {cpu['worker']:.0f} µs in the worker's process + {cpu['pool']:.0f} µs in its"
                    f" encryption processes (+ {result['service_us']:.0f} µs in the push service); floor {1e6 / floor:.0f} µs"
                )
                steps = ", ".join(f"{step} {seconds:.1f}" for step, seconds in result["steps"].items())
                print(f"    seconds in each step, summed over the lanes: {steps}")
            print(f"    load average (1 min) before / after: {result['load'][0]:.1f} / {result['load'][1]:.1f}")
    finally:
        push_process.terminate()
        await push_process.wait()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "serve":
        import uvloop

        uvloop.run(serve_push(sys.argv[2]))
    elif len(sys.argv) > 4 and sys.argv[1] == "run":
        import uvloop  # what uvicorn runs the in-server worker on, and `python -m server worker` too

        uvloop.run(scenario(sys.argv[2], sys.argv[3], sys.argv[4]))
    else:
        asyncio.run(main())
