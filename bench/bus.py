"""The event bus at scale, simulated: many instance processes subscribed to one Redis.

Each subscriber process stands for one server instance; it subscribes either to every
organisation's channels (`broadcast`: what the bus does if every instance listens to all) or
only to the organisations it has sockets for (`selective`: organisations spread over the
instances, as the scale model in bench/README.md proposes). A publisher process sends events
of realistic size (a leaderboard move, ~300 bytes) round-robin over the organisations'
channels, pipelined, for a few seconds. Reported: messages published per second, messages
delivered per second by Redis (all subscribers together) and per instance, and lost ones
(published × subscribers of the channel − received). Pub/sub channels are global to a Redis
server, so every channel name carries a random prefix.

    python -m bench.bus [--instances 8,32] [--organisations 200] [--seconds 4]
    (BENCH_REDIS_URL, default redis://127.0.0.1:6379/6)
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import secrets
import time
from typing import Any

URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
PAYLOAD = ('{"type":"ROWS","challengeId":"%d","league":"","version":%d,"rows":[{"participantId":"12","rank":3,'
           '"previousRank":5,"displayName":"Julie Moreau","unitName":"Élan Paris 15e","score":72.5,'
           '"thresholdsReached":0}],"leaderboardVersion":%d}')


async def _subscriber(prefix: str, organisations: list[int], pipe: Any) -> None:
    import redis.asyncio as redis

    client = redis.from_url(URL)
    pubsub = client.pubsub()
    await pubsub.subscribe(*[f"{prefix}:org:{o}" for o in organisations])
    while True:  # the subscription confirmations
        message = await pubsub.get_message(timeout=1)
        if message is None or message["type"] != "subscribe":
            break
    pipe.send("ready")
    received = 0
    stop = asyncio.get_running_loop().run_in_executor(None, pipe.recv)
    while not stop.done():
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.2)
        if message is not None:
            received += 1
    while (message := await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.5)) is not None:
        received += 1
    pipe.send(received)
    await pubsub.aclose()
    await client.aclose()


def _subscriber_process(prefix: str, organisations: list[int], pipe: Any) -> None:
    asyncio.run(_subscriber(prefix, organisations, pipe))


async def _publish(prefix: str, organisations: int, seconds: float) -> int:
    import redis.asyncio as redis

    client = redis.from_url(URL)
    sent = 0
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pipe = client.pipeline(transaction=False)
        for _ in range(100):
            org = sent % organisations
            pipe.publish(f"{prefix}:org:{org}", PAYLOAD % (org, sent, sent))
            sent += 1
        await pipe.execute()
    await client.aclose()
    return sent


def run(instances: int, organisations: int, seconds: float, mode: str) -> dict[str, float]:
    prefix = f"bench-bus-{secrets.token_hex(4)}"
    pipes, workers = [], []
    for n in range(instances):
        mine = list(range(organisations)) if mode == "broadcast" else list(range(n, organisations, instances))
        parent, child = multiprocessing.Pipe()
        worker = multiprocessing.Process(target=_subscriber_process, args=(prefix, mine, child), daemon=True)
        worker.start()
        pipes.append((parent, len(mine)))
        workers.append(worker)
    for parent, _ in pipes:
        assert parent.recv() == "ready"
    began = time.monotonic()
    sent = asyncio.run(_publish(prefix, organisations, seconds))
    elapsed = time.monotonic() - began
    time.sleep(0.5)
    for parent, _ in pipes:
        parent.send("stop")
    received = [parent.recv() for parent, _ in pipes]
    for worker in workers:
        worker.join(10)
    expected = sent * (instances if mode == "broadcast" else 1)
    return {
        "published_per_s": sent / elapsed,
        "delivered_per_s": sum(received) / elapsed,
        "per_instance_per_s": sum(received) / elapsed / instances,
        "lost": expected - sum(received),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bus")
    parser.add_argument("--instances", default="8,32")
    parser.add_argument("--organisations", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=4)
    args = parser.parse_args()
    print(f"Redis pub/sub, {args.organisations} organisations, {args.seconds:.0f} s per run; "
          f"load average {os.getloadavg()[0]:.1f}")
    for count in (int(n) for n in args.instances.split(",")):
        for mode in ("broadcast", "selective"):
            found = run(count, args.organisations, args.seconds, mode)
            print(f"  {count:3d} instances, {mode:<9}: published {found['published_per_s']:8.0f}/s, delivered "
                  f"{found['delivered_per_s']:8.0f}/s ({found['per_instance_per_s']:7.0f}/s per instance), "
                  f"lost {found['lost']:.0f}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
