"""The day-pace model of the daily peak: what N connected phones ask of one instance.

Rates per phone and per hour at the peak (bench/README.md, « Scale model »), each overridable by
an environment variable:

    DAY_FEED_PER_HOUR        20    feed reads (the feed and its filters, as the PWA sends them)
    DAY_CHALLENGE_PER_HOUR    2    challenge opens (the challenge page with my standing)
    DAY_LIKE_PER_HOUR         5    likes
    DAY_COMMENT_PER_HOUR      1    comments
    DAY_POST_PER_HOUR       0.2    posts
    DAY_RESULT_PER_HOUR       2    CRM results per seller (recordResult by the integration)

so N phones send N × (rates) / 3,600 requests a second (10,000 phones: ~78 requests/s and
~5.6 results/s). Two kinds of client processes, both asyncio, so that thousands of idle-ish phones
cost the client little:

- socket holders (`_sockets_process`): each phone's one graphql-transport-ws socket with the
  PWA's `NotificationEvents`, `FeedEvents` and `LeaderboardEvents` subscriptions, opened by
  `bench.storm.hold_socket`; every event is counted and a lost one is seen as a gap in the
  versions of its subscription (feed and leaderboard from their snapshot on, notifications from
  their first event on); at the end of a step a marker post and a marker result must reach every
  socket (a loss at the tail has no later version to show it);
- the request driver (`_requests_process`): an open-loop Poisson stream at the day's total rate,
  each request for a random connected phone (the CRM's results with its organisation's
  integration token); latency counts from the scheduled instant, so a slow server is not hidden
  by a client that waits before sending.

`bench.load.capacity` drives both against one instance; the Locust file uses the same rates.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import time
import uuid
from collections import deque
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

# name -> (environment variable, default per hour, read or write)
MIX: dict[str, tuple[str, float, str]] = {
    "feed": ("DAY_FEED_PER_HOUR", 20.0, "read"),
    "challenge": ("DAY_CHALLENGE_PER_HOUR", 2.0, "read"),
    "likePost": ("DAY_LIKE_PER_HOUR", 5.0, "write"),
    "addComment": ("DAY_COMMENT_PER_HOUR", 1.0, "write"),
    "createPost": ("DAY_POST_PER_HOUR", 0.2, "write"),
    "recordResult": ("DAY_RESULT_PER_HOUR", 2.0, "write"),
}
READ_BUDGET_MS = 300.0
WRITE_BUDGET_MS = 500.0


def rates_per_hour() -> dict[str, float]:
    """Requests per phone and per hour, from the environment or the peak hour's defaults."""
    return {name: float(os.environ.get(env, default)) for name, (env, default, _) in MIX.items()}


def per_second(phones: int, rates: dict[str, float] | None = None) -> dict[str, float]:
    return {name: phones * rate / 3600 for name, rate in (rates or rates_per_hour()).items()}


def document(name: str, module: str) -> str:
    """A document exactly as the PWA sends it (its generated typed documents)."""
    text = (ROOT / "pwa/src/graphql" / f"{module}.generated.ts").read_text()
    found = re.search(rf"export const {name}Document = new TypedDocumentString\(`(.*?)`", text, re.S)
    assert found, name
    return found.group(1)


FEED = document("Feed", "feed")
FEED_EVENTS = document("FeedEvents", "feed")
NOTIFICATIONS = document("NotificationEvents", "notifications")
LEADERBOARD = document("LeaderboardEvents", "challenges")
CHALLENGE = document("Challenge", "challenges")
LIKE = document("LikePost", "feed")
COMMENT = document("AddComment", "feedPost")
CREATE_POST = document("CreatePost", "feed")
RECORD = ("mutation($m: ID!, $p: ID!, $at: DateTime!, $k: String!) { recordResult(metric: $m, participant: $p, "
          "value: 1, occurredAt: $at, idempotencyKey: $k) { __typename } }")
FILTERS: list[dict[str, Any]] = [{}, {}, {"filter": {"kind": "WIN"}}, {"filter": {"within": "UNIT"}},
                                 {"filter": {"within": "REGION"}}, {"order": "TOP_OF_WEEK"}]
MARKER = "#marqueur"


def subscribes(challenge: int) -> list[dict[str, Any]]:
    return [{"id": op, "type": "subscribe", "payload": {"query": query, "variables": variables}}
            for op, query, variables in (("n", NOTIFICATIONS, {}), ("f", FEED_EVENTS, {}),
                                         ("l", LEADERBOARD, {"challengeId": str(challenge)}))]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# --- the sockets ---------------------------------------------------------------------------------

try:
    import orjson

    _loads: Any = orjson.loads
except ImportError:  # pragma: no cover
    _loads = json.loads


class PhoneSocket:
    """One phone's socket: counts its events per subscription and the versions it never got."""

    __slots__ = ("events", "gaps", "versions", "errors", "tags", "board_events", "snapshots", "state")

    def __init__(self) -> None:
        self.events = 0
        self.gaps = 0
        self.versions: dict[str, int] = {"f": 0}  # the feed numbers its events from 1, without a snapshot
        self.errors = 0
        self.tags: set[str] = set()
        self.board_events = 0
        self.snapshots: set[str] = set()
        self.state = "connecting"  # connected (the notifications' and the leaderboard's snapshots in), closed, failed

    def on_message(self, raw: str | bytes) -> None:
        message = _loads(raw)
        kind = message.get("type")
        if kind == "error" or (kind == "next" and (message.get("payload") or {}).get("errors")):
            self.errors += 1
            return
        if kind != "next":
            return
        data = (message.get("payload") or {}).get("data") or {}
        event = next(iter(data.values()), None) if data else None
        if not isinstance(event, dict):
            return
        op = str(message.get("id"))
        version = event.get("version")
        if event.get("type") == "SNAPSHOT":
            self.snapshots.add(op)
            if op == "l" and isinstance(version, int):
                self.versions[op] = version
            if self.state == "connecting" and {"n", "l"} <= self.snapshots:
                self.state = "connected"
            return
        self.events += 1
        if op == "l":
            self.board_events += 1
        if op == "f":
            post = event.get("post") or {}
            body = post.get("body") or ""
            if MARKER in body:
                self.tags.add(body.rsplit(MARKER, 1)[1].split()[0])
        if isinstance(version, int):
            seen = self.versions.get(op)  # notifications: numbered by the bus, from their first event on
            if seen is not None and version > seen + 1:
                self.gaps += version - seen - 1
            self.versions[op] = max(version, seen or 0)


async def _sockets(url: str, pipe: Any) -> None:
    """A socket-holder process: opens the phones it is told to, at a given pace, keeps them, and
    answers the orchestrator's questions (counts, markers)."""
    from bench.storm import hold_socket

    phones: list[PhoneSocket] = []
    tasks: list[asyncio.Task[None]] = []
    marks: list[int] = []
    loop = asyncio.get_running_loop()

    async def keep(phone: PhoneSocket, token: str, challenge: int) -> None:
        try:
            await hold_socket(url, {"token": token}, subscribes(challenge), phone.on_message)
            phone.state = "closed"
        except asyncio.CancelledError:
            raise
        except Exception:
            phone.state = "failed" if phone.state == "connecting" else "closed"

    def counts() -> dict[str, int]:
        return {"connected": sum(p.state == "connected" for p in phones),
                "connecting": sum(p.state == "connecting" for p in phones),
                "failed": sum(p.state == "failed" for p in phones),
                "closed": sum(p.state == "closed" for p in phones),
                "events": sum(p.events for p in phones), "gaps": sum(p.gaps for p in phones),
                "errors": sum(p.errors for p in phones),
                "client_cpu_ms": int(1000 * (os.times().user + os.times().system)),
                "client_rss_kib": next((int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
                                        if line.startswith("VmRSS:")), 0)}

    while True:
        command = await loop.run_in_executor(None, pipe.recv)
        if command[0] == "open":  # ("open", [(token, challenge)], per second)
            _, given, pace = command
            began = time.monotonic()
            for n, (token, challenge) in enumerate(given):
                phone = PhoneSocket()
                phones.append(phone)
                tasks.append(asyncio.create_task(keep(phone, token, challenge)))
                delay = began + (n + 1) / pace - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            deadline = time.monotonic() + 120
            while any(p.state == "connecting" for p in phones) and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            pipe.send(counts())
        elif command[0] == "counts":
            pipe.send(counts())
        elif command[0] == "mark":  # remember each phone's leaderboard count before the markers
            marks = [p.board_events for p in phones]
            pipe.send(True)
        elif command[0] == "await":  # ("await", tag, seconds): every connected phone got both markers
            _, tag, seconds = command
            deadline = time.monotonic() + seconds

            def missing(tag: str = tag, marks: list[int] = marks) -> tuple[int, int]:
                live = [(p, m) for p, m in zip(phones, marks, strict=False) if p.state == "connected"]
                return (sum(tag not in p.tags for p, _ in live), sum(p.board_events <= m for p, m in live))

            while any(missing()) and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            pipe.send(missing())
        elif command[0] == "stop":
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            pipe.send(True)
            return


def sockets_process(url: str, pipe: Any) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the orchestrator stops it
    asyncio.run(_sockets(url, pipe))


# --- the requests --------------------------------------------------------------------------------

async def _requests(url: str, given: dict[str, Any], phones: int, seconds: float, rates: dict[str, float],
                    pipe: Any) -> None:
    import aiohttp

    wanted = per_second(phones, rates)
    total = sum(wanted.values())
    names, weights = list(wanted), list(wanted.values())
    orgs = given["orgs"]
    pools = [deque(org["posts"], maxlen=200) for org in orgs]
    seller_org = given.get("seller_org") or [0] * len(given["sellers"])
    latencies: dict[str, list[float]] = {name: [] for name in names}
    failures: dict[str, int] = {name: 0 for name in names}
    samples: list[str] = []
    late = 0.0

    async def one(session: aiohttp.ClientSession, name: str, due: float) -> None:
        phone = random.randrange(phones)
        org = seller_org[phone]
        token = given["sellers"][phone]
        if name == "feed":
            query, variables = FEED, {"first": 20, **random.choice(FILTERS)}
        elif name == "challenge":
            query, variables = CHALLENGE, {"id": str(orgs[org]["challenge"])}
        elif name == "likePost":
            query, variables = LIKE, {"postId": str(random.choice(pools[org]))}
        elif name == "addComment":
            query, variables = COMMENT, {"input": {"postId": str(random.choice(pools[org])), "body": "Bravo !"}}
        elif name == "createPost":
            query, variables = CREATE_POST, {"input": {"kind": "WIN", "body": "Vente signée #charge",
                                                       "idempotencyKey": uuid.uuid4().hex}}
        else:
            token = orgs[org]["manager"]
            query, variables = RECORD, {"m": str(orgs[org]["metric"]), "p": str(given["seller_ids"][phone]),
                                        "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                        "k": uuid.uuid4().hex}
        error = None
        try:
            async with session.post(url, json={"query": query, "variables": variables},
                                    headers={"Authorization": f"Bearer {token}"}) as response:
                text = await response.text()
            if response.status != 200:
                error = f"{name} {response.status} {text[:160]}"
            else:
                body = _loads(text)
                data = body.get("data") or {}
                answer = next(iter(data.values()), None) if data else None
                if body.get("errors") or answer is None:
                    error = f"{name} {str(body.get('errors'))[:160]}"
                elif isinstance(answer, dict) and answer.get("__typename", "").endswith("Error"):
                    error = f"{name} {answer.get('__typename')} {answer.get('code', '')} {answer.get('message', '')}"[:200]
                elif name == "feed":
                    pools[org].extend(int(edge["node"]["id"]) for edge in answer["edges"])
        except Exception as exc:  # no answer at all
            error = f"{name} {type(exc).__name__} {exc}"[:200]
        latencies[name].append(1000 * (time.monotonic() - due))
        if error:
            failures[name] += 1
            if len(samples) < 5:
                samples.append(error)

    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256), timeout=timeout) as session:
        pipe.send("ready")
        pipe.recv()  # go
        cpu = os.times().user + os.times().system
        began = due = time.monotonic()
        running: set[asyncio.Task[None]] = set()
        while True:
            due += random.expovariate(total) if total > 0 else seconds
            if due - began >= seconds:
                break
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                late = max(late, -delay)
            task = asyncio.create_task(one(session, random.choices(names, weights)[0], due))
            running.add(task)
            task.add_done_callback(running.discard)
        sent_for = time.monotonic() - began
        if running:
            await asyncio.wait(running, timeout=65)
    pipe.send({"latencies": latencies, "failures": failures, "samples": samples, "seconds": sent_for,
               "cpu_s": os.times().user + os.times().system - cpu,
               "late_s": late, "unfinished": len([t for t in running if not t.done()])})


def requests_process(url: str, given: dict[str, Any], phones: int, seconds: float, rates: dict[str, float],
                     pipe: Any) -> None:
    asyncio.run(_requests(url, given, phones, seconds, rates, pipe))


# --- sockets alone, beside Locust ----------------------------------------------------------------

def main() -> None:
    """`python -m bench.load.day --url ws://…/graphql --tokens /tmp/load.json --phones 5000`: holds
    that many phones' sockets (the first sellers of the seed file) in several asyncio processes
    until Ctrl-C or `--seconds`, printing every 10 s the sockets connected, the events received
    and the versions never received (the Locust file sends the requests of the same phones)."""
    import argparse
    import multiprocessing
    import signal

    parser = argparse.ArgumentParser(prog="python -m bench.load.day")
    parser.add_argument("--url", default="ws://127.0.0.1:8765/graphql")
    parser.add_argument("--tokens", default=os.environ.get("LOAD_TOKENS", "/tmp/load.json"))
    parser.add_argument("--phones", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--open-rate", type=float, default=400.0)
    parser.add_argument("--seconds", type=float, default=0.0)
    args = parser.parse_args()
    given = json.loads(Path(args.tokens).read_text())
    orgs = given.get("orgs") or [{"challenge": given["challenge"]}]
    seller_org = given.get("seller_org") or [0] * len(given["sellers"])
    pipes = []
    for n in range(args.processes):
        parent, child = multiprocessing.Pipe()
        multiprocessing.Process(target=sockets_process, args=(args.url, child), daemon=True).start()
        phones = [(given["sellers"][i], orgs[seller_org[i]]["challenge"])
                  for i in range(n, min(args.phones, len(given["sellers"])), args.processes)]
        parent.send(("open", phones, args.open_rate / args.processes))
        pipes.append(parent)
    stop = {"now": False}
    signal.signal(signal.SIGINT, lambda *_: stop.update(now=True))
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))
    for pipe in pipes:
        pipe.recv()
    began = time.monotonic()
    while not stop["now"] and (not args.seconds or time.monotonic() - began < args.seconds):
        time.sleep(min(10.0, args.seconds or 10.0))
        answers = []
        for pipe in pipes:
            pipe.send(("counts",))
            answers.append(pipe.recv())
        total = {key: sum(a[key] for a in answers) for key in answers[0]}
        print(f"{time.monotonic() - began:.0f} s: {total['connected']} connected, {total['failed']} failed, "
              f"{total['closed']} closed, {total['events']} events received, {total['gaps']} lost (version gaps), "
              f"{total['errors']} errors", flush=True)
    for pipe in pipes:
        pipe.send(("stop",))
        pipe.recv()


if __name__ == "__main__":
    main()
