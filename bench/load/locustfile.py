"""A network's daily peak against one instance (Locust), at the day's pace.

The request side of bench/load/day.py's model, for Locust's reports and web UI: every `Phone`
user is one seller's phone sending, on average, the peak hour's requests (DAY_*_PER_HOUR, default
20 feed reads, 2 challenge opens, 5 likes, 1 comment, 0.2 posts an hour: one request every ~128 s,
the kind drawn by those weights), so N users send N × (rates) requests a second; the `Crm` user
records the results of all of them (2 per seller and hour) with the organisation's integration
token. The phones' sockets are held beside it by asyncio processes (gevent greenlets holding
thousands of sockets on the same cores would measure the client more than the server):

    python -m bench.load.seed 1000 /tmp/load.json [org_size]   (DATABASE_URL, REDIS_URL)
    python -m server serve &                                     (same env, PORT=8765, ELAN_DEMO=0)
    python -m bench.load.day --url ws://127.0.0.1:8765/graphql --phones 1000 &   (sockets, events, lost)
    LOAD_TOKENS=/tmp/load.json locust -f bench/load/locustfile.py --headless \\
        -H http://127.0.0.1:8765 -u 1000 -r 100 -t 300s Phone Crm

`python -m bench.load.capacity` runs the same model without Locust (an open-loop driver) and
steps the phones by itself; Locust is the `load` extra (`pip install -e .[load]`).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from locust import HttpUser, events, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the `locust` script does not run from the repository
from bench.load.day import (  # noqa: E402
    CHALLENGE,
    COMMENT,
    CREATE_POST,
    FEED,
    FILTERS,
    LIKE,
    RECORD,
    rates_per_hour,
)

GIVEN = json.loads(Path(os.environ.get("LOAD_TOKENS", "/tmp/load.json")).read_text())
ORGS = GIVEN.get("orgs") or [{"manager": GIVEN["manager"], "challenge": GIVEN["challenge"],
                              "metric": GIVEN["metric"], "posts": []}]
SELLER_ORG = GIVEN.get("seller_org") or [0] * len(GIVEN["sellers"])
RATES = rates_per_hour()
PHONE_PER_HOUR = sum(rate for name, rate in RATES.items() if name != "recordResult")
_tokens = itertools.cycle(range(len(GIVEN["sellers"])))


def _weight(name: str) -> int:
    return max(0, round(100 * RATES[name]))


class Phone(HttpUser):
    """One seller's phone: a request every 3,600 / (requests per hour) seconds on average
    (exponential gaps, as people are), the kind drawn by the hour's rates."""

    def wait_time(self) -> float:
        return random.expovariate(PHONE_PER_HOUR / 3600) if PHONE_PER_HOUR > 0 else 3600.0

    def on_start(self) -> None:
        self.index = next(_tokens)
        self.org = ORGS[SELLER_ORG[self.index]]
        self.headers = {"Authorization": f"Bearer {GIVEN['sellers'][self.index]}"}
        self.post_ids: list[str] = [str(p) for p in self.org.get("posts", [])][:20]
        self.wait()  # the first request after a random gap too, not all phones at once

    def _graphql(self, name: str, query: str, variables: dict[str, Any]) -> Any:
        with self.client.post("/graphql", json={"query": query, "variables": variables}, headers=self.headers,
                              name=name, catch_response=True) as response:
            body = response.json() if response.status_code == 200 else {}
            data = body.get("data") or {}
            answer = next(iter(data.values()), None) if data else None
            if response.status_code != 200 or body.get("errors") or answer is None:
                response.failure(f"{response.status_code} {str(body.get('errors'))[:200]}")
            elif isinstance(answer, dict) and str(answer.get("__typename", "")).endswith("Error"):
                response.failure(str(answer)[:200])
            return data

    @task(_weight("feed"))
    def read_feed(self) -> None:
        data = self._graphql("feed", FEED, {"first": 20, **random.choice(FILTERS)})
        if data and data.get("feed"):
            self.post_ids = [e["node"]["id"] for e in data["feed"]["edges"]][:20] or self.post_ids

    @task(_weight("likePost"))
    def like(self) -> None:
        if self.post_ids:
            self._graphql("likePost", LIKE, {"postId": random.choice(self.post_ids)})

    @task(_weight("addComment"))
    def comment(self) -> None:
        if self.post_ids:
            self._graphql("addComment", COMMENT, {"input": {"postId": random.choice(self.post_ids), "body": "Bravo !"}})

    @task(_weight("challenge"))
    def open_challenge(self) -> None:
        self._graphql("challenge", CHALLENGE, {"id": str(self.org["challenge"])})

    @task(_weight("createPost"))
    def post(self) -> None:
        self._graphql("createPost", CREATE_POST, {"input": {"kind": "WIN", "body": "Vente signée #charge",
                                                            "idempotencyKey": uuid.uuid4().hex}})


class Crm(HttpUser):
    """The CRM's integration: DAY_RESULT_PER_HOUR results per connected phone and hour, for
    random sellers among them, each with its organisation's integration token."""

    fixed_count = 1

    def wait_time(self) -> float:
        phones = max(1, self.environment.runner.user_classes_count.get("Phone", 0)) if self.environment.runner else 1
        per_second = phones * RATES["recordResult"] / 3600
        return random.expovariate(per_second) if per_second > 0 else 3600.0

    @task
    def record(self) -> None:
        phones = self.environment.runner.user_classes_count.get("Phone", 0) if self.environment.runner else 0
        seller = random.randrange(max(1, min(phones, len(GIVEN["seller_ids"]))))
        org = ORGS[SELLER_ORG[seller]]
        variables = {"m": str(org["metric"]), "p": str(GIVEN["seller_ids"][seller]),
                     "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "k": uuid.uuid4().hex}
        with self.client.post("/graphql", json={"query": RECORD, "variables": variables},
                              headers={"Authorization": f"Bearer {org['manager']}"},
                              name="recordResult", catch_response=True) as response:
            if response.status_code != 200 or "RecordResultSuccess" not in response.text:
                response.failure(response.text[:200])


@events.quitting.add_listener
def _report(environment: Any, **_: Any) -> None:
    stats = environment.stats
    for name, kind in (("feed", "read"), ("challenge", "read"), ("likePost", "write"), ("addComment", "write"),
                       ("createPost", "write"), ("recordResult", "write")):
        entry = stats.get(name, "POST")
        if entry.num_requests:
            print(f"{name} ({kind}): {entry.num_requests} requests, p95 {entry.get_response_time_percentile(0.95):.0f} ms, "
                  f"{entry.num_failures} failed")
