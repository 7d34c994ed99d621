"""A network's daily peak against one instance (Locust).

Every `Phone` holds one graphql-transport-ws socket with the notifications, feed and leaderboard
subscriptions of the PWA, and, between pauses, reads the feed and its filters, likes, comments,
posts now and then, and opens the challenge. A `Crm` user records results (recordResult), as
an integration does. Lost events are counted on every socket from the versions each
subscription carries (feed: one per organisation event; leaderboard: one per board change):
a gap is an event lost. At the end the run prints phones connected, events received, gaps, and
the server's resident memory per phone (`ELAN_PID`). With LOAD_SOCKETS=0 the phones send the same
requests without a socket: the floor the sockets' cost is read against, in the same run.

    python -m bench.load.seed 1000 /tmp/load.json   (DATABASE_URL, REDIS_URL)
    python -m uvicorn server.app:create_app --factory --port 8765 &   (same env)
    LOAD_TOKENS=/tmp/load.json ELAN_PID=$! locust -f bench/load/locustfile.py --headless \\
        -H http://127.0.0.1:8765 -u 1000 -r 100 -t 120s Phone Crm
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
import uuid
from pathlib import Path
from typing import Any

import gevent
import websocket
from locust import HttpUser, between, constant_pacing, events, task

ROOT = Path(__file__).resolve().parents[2]
GIVEN = json.loads(Path(os.environ.get("LOAD_TOKENS", "/tmp/load.json")).read_text())
_tokens = itertools.cycle(range(len(GIVEN["sellers"])))


def _document(name: str, module: str) -> str:
    import re

    text = (ROOT / "pwa/src/graphql" / f"{module}.generated.ts").read_text()
    found = re.search(rf"export const {name}Document = new TypedDocumentString\(`(.*?)`", text, re.S)
    assert found, name
    return found.group(1)


FEED = _document("Feed", "feed")
FEED_EVENTS = _document("FeedEvents", "feed")
NOTIFICATIONS = _document("NotificationEvents", "notifications")
LEADERBOARD = _document("LeaderboardEvents", "challenges")
CHALLENGE = _document("Challenge", "challenges")
LIKE = _document("LikePost", "feed")
COMMENT = _document("AddComment", "feedPost")
CREATE_POST = _document("CreatePost", "feed")
RECORD = ("mutation($m: ID!, $p: ID!, $at: DateTime!, $k: String!) { recordResult(metric: $m, participant: $p, "
          "value: 1, occurredAt: $at, idempotencyKey: $k) { __typename } }")
FILTERS: list[dict[str, Any]] = [{}, {}, {"filter": {"kind": "WIN"}}, {"filter": {"within": "UNIT"}},
                                 {"filter": {"within": "REGION"}}, {"order": "TOP_OF_WEEK"}]

STATS = {"phones": 0, "connected": 0, "events": 0, "gaps": 0, "socket_errors": 0}


def _rss_kib() -> int:
    pid = os.environ.get("ELAN_PID")
    if not pid:
        return 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


BASELINE = {"rss": _rss_kib()}


class Phone(HttpUser):
    wait_time = between(4, 12)

    def on_start(self) -> None:
        index = next(_tokens)
        self.token = GIVEN["sellers"][index]
        self.headers = {"Authorization": f"Bearer {self.token}"}
        self.post_ids: list[str] = []
        self.versions: dict[str, int] = {}
        STATS["phones"] += 1
        if os.environ.get("LOAD_SOCKETS", "1") == "0":  # the same request mix without sockets: the floor
            return
        url = self.host.replace("http", "ws", 1) + "/graphql"
        try:
            self.socket = websocket.create_connection(url, subprotocols=["graphql-transport-ws"], timeout=60)
            self.socket.send(json.dumps({"type": "connection_init", "payload": {"token": self.token}}))
            assert json.loads(self.socket.recv())["type"] == "connection_ack"
            for op, query, variables in (("n", NOTIFICATIONS, {}), ("f", FEED_EVENTS, {}),
                                         ("l", LEADERBOARD, {"challengeId": str(GIVEN["challenge"])})):
                self.socket.send(json.dumps({"id": op, "type": "subscribe", "payload": {"query": query, "variables": variables}}))
            STATS["connected"] += 1
            self.reader = gevent.spawn(self._read)
        except Exception as error:
            STATS["socket_errors"] += 1
            events.request.fire(request_type="WS", name="connect", response_time=0, response_length=0, exception=error)

    def _read(self) -> None:
        while True:
            try:
                message = json.loads(self.socket.recv())
            except Exception:
                return
            if message.get("type") != "next":
                continue
            data = (message.get("payload") or {}).get("data") or {}
            event = next(iter(data.values()), None) if data else None
            if not isinstance(event, dict):
                continue
            STATS["events"] += 1
            version = event.get("version")
            op = message["id"]
            if op in ("f", "l") and isinstance(version, int) and event.get("type") != "SNAPSHOT":
                seen = self.versions.get(op)
                if seen is not None and version > seen + 1:
                    STATS["gaps"] += version - seen - 1
                self.versions[op] = max(version, seen or 0)
            elif op in ("f", "l") and isinstance(version, int):
                self.versions[op] = version

    def on_stop(self) -> None:
        sock = getattr(self, "socket", None)
        if sock is not None:
            sock.close()

    def _graphql(self, name: str, query: str, variables: dict[str, Any]) -> Any:
        with self.client.post("/graphql", json={"query": query, "variables": variables}, headers=self.headers,
                              name=name, catch_response=True) as response:
            body = response.json() if response.status_code == 200 else {}
            if response.status_code != 200 or body.get("errors"):
                response.failure(f"{response.status_code} {str(body.get('errors'))[:200]}")
            return body.get("data")

    @task(10)
    def read_feed(self) -> None:
        data = self._graphql("feed", FEED, {"first": 20, **random.choice(FILTERS)})
        if data:
            self.post_ids = [e["node"]["id"] for e in data["feed"]["edges"]][:20]

    @task(3)
    def like(self) -> None:
        if self.post_ids:
            self._graphql("likePost", LIKE, {"postId": random.choice(self.post_ids)})

    @task(1)
    def comment(self) -> None:
        if self.post_ids:
            self._graphql("addComment", COMMENT, {"input": {"postId": random.choice(self.post_ids), "body": "Bravo !"}})

    @task(2)
    def open_challenge(self) -> None:
        self._graphql("challenge", CHALLENGE, {"id": str(GIVEN["challenge"])})

    @task(1)
    def post(self) -> None:
        if random.random() < 0.2:
            self._graphql("createPost", CREATE_POST, {"input": {"kind": "WIN", "body": "Vente signée #charge",
                                                                "idempotencyKey": uuid.uuid4().hex}})


class Crm(HttpUser):
    """The CRM's integration: a few results per second for random sellers."""

    wait_time = constant_pacing(0.5)
    fixed_count = 1

    def on_start(self) -> None:
        self.headers = {"Authorization": f"Bearer {GIVEN['manager']}"}

    @task
    def record(self) -> None:
        seller = random.choice(GIVEN["seller_ids"])
        variables = {"m": str(GIVEN["metric"]), "p": str(seller), "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                     "k": uuid.uuid4().hex}
        with self.client.post("/graphql", json={"query": RECORD, "variables": variables}, headers=self.headers,
                              name="recordResult", catch_response=True) as response:
            if response.status_code != 200 or "RecordResultSuccess" not in response.text:
                response.failure(response.text[:200])


@events.quitting.add_listener
def _report(environment: Any, **_: Any) -> None:
    rss = _rss_kib()
    phones = max(1, STATS["connected"])
    print(f"phones {STATS['phones']}, connected {STATS['connected']}, socket errors {STATS['socket_errors']}, "
          f"events received {STATS['events']}, lost (version gaps) {STATS['gaps']}, "
          f"server memory {rss / 1024:.0f} MiB ({(rss - BASELINE['rss']) / phones:.0f} KiB per phone over the idle server)")
