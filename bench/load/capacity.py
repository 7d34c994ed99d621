"""Capacity of one instance under a day's peak: how many connected phones it holds.

Seeds the network (bench.load.seed), starts one instance as production does (`python -m server
serve`: one uvicorn process) on PostgreSQL + Redis, then steps the number of connected phones.
At each step the new phones open their sockets (bench.load.day's socket holders, several asyncio
processes), then the day-pace mix of those phones runs for a fixed time (bench.load.day's
open-loop request driver), then a marker post and a marker result per organisation must reach
every socket. Per step it prints phones connected, requests per second, p95 of reads and writes,
failures, events delivered and lost, the server's RSS and memory per phone, the server's CPU.
It stops at the first step that breaks a budget (reads p95 < 300 ms, writes p95 < 500 ms, no
failed request, every phone connected, no event lost) and says the largest step that held and
what limited it (CPU per request, CPU per event delivered to a socket, memory per socket).

    python -m bench.load.capacity                                   # 1,000 / 2,500 / 5,000 / 10,000, 60 s each
    python -m bench.load.capacity --steps 200 --duration 20         # smoke
      [--org-size 1000]          # networks of that size on the instance (default: one network)
      [--socket-processes 4] [--open-rate 400]
      [--instances 2]            # N instances as deployed, Caddy in front (bench/load/instances.py)
      [--proxy]                  # one instance as deployed, behind Caddy too (like for like with N > 1)
      [--cpu-quota 0.5]          # each instance held to 0.5 core in a cgroup of its own

Two instances hold twice the phones of one, scaled down to what a 2-core machine can show (the
clients, PostgreSQL, Redis and Caddy share it):
    python -m bench.load.capacity --proxy       --cpu-quota 0.5 --org-size 100 --steps 1000,2000,… --duration 30
    python -m bench.load.capacity --instances 2 --cpu-quota 0.5 --org-size 100 --steps 1000,2000,… --duration 30
    BENCH_DATABASE_URL (its public schema is DROPPED; default postgres://postgres@127.0.0.1:5432/elan_dayload),
    BENCH_REDIS_URL (default redis://127.0.0.1:6379/13), DAY_*_PER_HOUR (bench/load/day.py).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.load.day import (
    CHALLENGE,
    COMMENT,
    CREATE_POST,
    FEED,
    FILTERS,
    LIKE,
    MARKER,
    MIX,
    READ_BUDGET_MS,
    RECORD,
    WRITE_BUDGET_MS,
    per_second,
    percentile,
    rates_per_hour,
    requests_process,
    sockets_process,
)
from bench.load.instances import Instances, QuotaRefused
from bench.storm import _cpu_s, _rss_kib

ROOT = Path(__file__).resolve().parents[2]


def _graphql(url: str, token: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(url, data=json.dumps({"query": query, "variables": variables}).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())  # type: ignore[no-any-return]


def _markers(url: str, given: dict[str, Any], tag: str) -> None:
    """One post by each organisation's manager (every phone's feed) and one result (every phone's
    leaderboard): a loss at the tail of a step has no later version to show it."""
    for n, org in enumerate(given["orgs"]):
        posted = _graphql(url, org["manager"], CREATE_POST, {"input": {
            "kind": "WIN", "body": f"Marqueur {MARKER}{tag}", "idempotencyKey": f"marker-{tag}-{n}"}})
        assert posted["data"]["createPost"]["__typename"] == "CreatePostSuccess", posted
        seller = given["seller_org"].index(n)
        recorded = _graphql(url, org["manager"], RECORD, {
            "m": str(org["metric"]), "p": str(given["seller_ids"][seller]),
            "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "k": f"marker-{tag}-{n}"})
        assert recorded["data"]["recordResult"]["__typename"] == "RecordResultSuccess", recorded


def _warm(url: str, given: dict[str, Any]) -> None:
    """Every document of the mix a few times before the first step, not measured: a server at its
    daily peak has compiled its documents and filled its pools long before (the first like after
    a start costs several times the next)."""
    org = given["orgs"][0]
    for n in range(3):
        token = given["sellers"][n % len(given["sellers"])]
        for variables in FILTERS:
            _graphql(url, token, FEED, {"first": 20, **variables})
        _graphql(url, token, CHALLENGE, {"id": str(org["challenge"])})
        _graphql(url, token, LIKE, {"postId": str(org["posts"][n])})
        _graphql(url, token, COMMENT, {"input": {"postId": str(org["posts"][n]), "body": "Bravo !"}})
        _graphql(url, token, CREATE_POST, {"input": {"kind": "WIN", "body": "Premier contrat #charge",
                                                     "idempotencyKey": f"warm-{n}"}})
        _graphql(url, org["manager"], RECORD, {
            "m": str(org["metric"]), "p": str(given["seller_ids"][n % len(given["seller_ids"])]),
            "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "k": f"warm-{n}"})


def _ask(pipes: list[Any], *command: Any) -> list[Any]:
    for pipe in pipes:
        pipe.send(command)
    return [pipe.recv() for pipe in pipes]


def _sum(answers: list[dict[str, int]]) -> dict[str, int]:
    return {key: sum(a[key] for a in answers) for key in answers[0]}


def _cpu_of(fleet: Instances) -> float:
    return sum(_cpu_s(instance.pid) for instance in fleet.instances)


def _rss_of(fleet: Instances) -> int:
    return sum(_rss_kib(instance.pid) for instance in fleet.instances)


def _each(fleet: Instances, before: dict[str, Any] | None = None, wall: float = 0.0) -> dict[str, Any]:
    """Each instance's CPU seconds, throttled seconds and RSS, and the helpers' (Caddy, the
    worker) CPU seconds; given `before` and the wall time since, CPU as a share of one core."""
    now: dict[str, Any] = {
        "instances": [{"name": i.name, "cpu_s": _cpu_s(i.pid), "rss_mib": _rss_kib(i.pid) / 1024,
                       "throttling": i.quota.throttling() if i.quota else (0.0, 0, 0)} for i in fleet.instances],
        "helpers": {name: _cpu_s(popen.pid) for name, popen in fleet.helpers.items()},
    }
    if before is None:
        return now
    for i, b in zip(now["instances"], before["instances"], strict=True):
        i["cpu_pct"] = 100 * (i["cpu_s"] - b["cpu_s"]) / wall
        (seconds, periods, throttled), (seconds_b, periods_b, throttled_b) = i["throttling"], b["throttling"]
        i["throttled_s"], i["throttled_share"] = seconds - seconds_b, (throttled - throttled_b) / max(1, periods - periods_b)
    now["helpers"] = {name: 100 * (cpu - before["helpers"][name]) / wall for name, cpu in now["helpers"].items()}
    return now


def _fit(steps: list[dict[str, float]]) -> tuple[float, float] | None:
    """Server CPU seconds = a × requests + b × events delivered, least squares over the steps:
    the CPU of one request and of one event delivered to one socket."""
    rows = [(s["requests"], s["events"], s["cpu_s"] - s["idle_cpu_s"]) for s in steps if s["requests"] > 0]
    if len(rows) < 2:
        return None
    srr = sum(r * r for r, _, _ in rows)
    see = sum(e * e for _, e, _ in rows)
    sre = sum(r * e for r, e, _ in rows)
    src = sum(r * c for r, _, c in rows)
    sec = sum(e * c for _, e, c in rows)
    det = srr * see - sre * sre
    if abs(det) < 1e-9:
        return None
    return (src * see - sec * sre) / det, (sec * srr - src * sre) / det


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load.capacity")
    parser.add_argument("--steps", default="1000,2500,5000,10000", help="connected phones per step")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of the day's mix per step")
    parser.add_argument("--org-size", type=int, default=0, help="sellers per organisation (default: one network)")
    parser.add_argument("--socket-processes", type=int, default=4)
    parser.add_argument("--open-rate", type=float, default=400.0, help="new sockets per second, all processes")
    parser.add_argument("--all-steps", action="store_true", help="run every step even after a budget breaks")
    parser.add_argument("--instances", type=int, default=1,
                        help="app instances as deployed (compose's environment, its worker, Caddy in front) when > 1")
    parser.add_argument("--proxy", action="store_true", help="one instance as deployed too, behind Caddy (like for like)")
    parser.add_argument("--cpu-quota", type=float, default=None,
                        help="cores each instance may use (its own cgroup, cpu.cfs_quota_us), e.g. 0.5")
    args = parser.parse_args()
    steps = [int(s) for s in args.steps.split(",")]
    database = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/elan_dayload")
    redis = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
    rates = rates_per_hour()
    data_dir = Path(tempfile.mkdtemp(prefix="elan-bench-day-"))
    tokens = data_dir / "load.json"
    env = {**os.environ, "DATABASE_URL": database, "REDIS_URL": redis, "ELAN_DATA_DIR": str(data_dir),
           "ELAN_DEMO": "0", "ELAN_MIGRATE_ON_START": "0", "LOG_LEVEL": "warning"}
    print(f"day-pace capacity: steps {steps}, {args.duration:.0f} s each, org size {args.org_size or 'all'}; "
          f"per phone and hour {rates}; load average {os.getloadavg()[0]:.1f}", flush=True)
    try:
        fleet = Instances(args.instances, args.cpu_quota, args.proxy, env, data_dir)
    except QuotaRefused as error:
        sys.exit(f"capacity: {error}")
    began = time.monotonic()
    subprocess.run([sys.executable, "-m", "bench.load.seed", str(max(steps)), str(tokens), str(args.org_size)],
                   cwd=ROOT, env=fleet.seed_environment(), check=True)
    given = json.loads(tokens.read_text())
    print(f"seeded {len(given['sellers'])} sellers in {len(given['orgs'])} organisation(s) in "
          f"{time.monotonic() - began:.0f} s", flush=True)
    holders: list[Any] = []
    pipes: list[Any] = []
    results: list[dict[str, Any]] = []
    try:
        fleet.start()
        http, ws = fleet.http, fleet.ws
        print(f"{len(fleet.instances)} instance(s) " + (f"behind Caddy at {http}" if fleet.deployed else f"at {http}")
              + f"; {fleet.quota_line()}" + (f"; logs in {data_dir / 'logs'}" if fleet.deployed else ""), flush=True)
        _warm(http, given)
        time.sleep(1)
        idle_rss = _rss_of(fleet)
        cpu_idle, wall_idle = _cpu_of(fleet), time.monotonic()
        time.sleep(5)
        idle_cpu = (_cpu_of(fleet) - cpu_idle) / (time.monotonic() - wall_idle)
        print(f"server pid(s) {', '.join(str(i.pid) for i in fleet.instances)}, idle: RSS {idle_rss / 1024:.0f} MiB, "
              f"CPU {100 * idle_cpu:.1f} % (their background work; taken off before the fit)", flush=True)
        for _ in range(args.socket_processes):
            parent, child = multiprocessing.Pipe()
            holder = multiprocessing.Process(target=sockets_process, args=(ws, child), daemon=True)
            holder.start()
            holders.append(holder)
            pipes.append(parent)
        print("| phones | connected | req/s (target) | reads p95 | writes p95 | failed | events delivered | "
              "lost | server RSS | per phone | server CPU | load |", flush=True)
        print("|---|---|---|---|---|---|---|---|---|---|---|---|", flush=True)
        opened = 0
        before = _sum(_ask(pipes, "counts"))
        for step in steps:
            # the new phones' sockets, spread over the holders, at a pace (a day, not a storm)
            share: list[list[tuple[str, int]]] = [[] for _ in pipes]
            for index in range(opened, step):
                org = given["seller_org"][index]
                share[index % len(pipes)].append((given["sellers"][index], given["orgs"][org]["challenge"]))
            opening, at_opening = time.monotonic(), _each(fleet)
            for pipe, phones in zip(pipes, share, strict=True):
                pipe.send(("open", phones, args.open_rate / len(pipes)))
            for pipe in pipes:
                pipe.recv()
            opened = step
            open_s = time.monotonic() - opening
            opened_by = _each(fleet, at_opening, open_s)
            time.sleep(2)
            # the day's mix of these phones
            parent, child = multiprocessing.Pipe()
            driver = multiprocessing.Process(target=requests_process,
                                             args=(http, given, step, args.duration, rates, child), daemon=True)
            driver.start()
            assert parent.recv() == "ready"
            counts_before = _sum(_ask(pipes, "counts"))
            cpu_before, wall_before = _cpu_of(fleet), time.monotonic()
            each_before = _each(fleet)
            parent.send("go")
            report = parent.recv()
            driver.join(10)
            cpu_s, wall = _cpu_of(fleet) - cpu_before, time.monotonic() - wall_before
            each = _each(fleet, each_before, wall)
            time.sleep(1)
            _ask(pipes, "mark")
            tag = f"{step}x{int(time.time())}"
            _markers(http, given, tag)
            missed = _ask(pipes, "await", tag, 20.0)
            counts_after = _sum(_ask(pipes, "counts"))
            rss = _rss_of(fleet)
            sockets = [instance.sockets() for instance in fleet.instances]
            latencies = report["latencies"]
            reads = [v for name, values in latencies.items() if MIX[name][2] == "read" for v in values]
            writes = [v for name, values in latencies.items() if MIX[name][2] == "write" for v in values]
            requests = len(reads) + len(writes)
            failed = sum(report["failures"].values()) + report["unfinished"]
            events = counts_after["events"] - counts_before["events"]
            lost = (counts_after["gaps"] - counts_before["gaps"]) + sum(m[0] + m[1] for m in missed)
            connected = counts_after["connected"]
            figures = {
                "phones": step, "connected": connected, "failed_sockets": counts_after["failed"],
                "closed_sockets": counts_after["closed"] - before["closed"], "open_s": open_s,
                "requests": requests, "req_s": requests / report["seconds"],
                "target_req_s": sum(per_second(step, rates).values()),
                "reads_p50": percentile(reads, 0.5), "reads_p95": percentile(reads, 0.95),
                "writes_p50": percentile(writes, 0.5), "writes_p95": percentile(writes, 0.95),
                "p95_by_kind": {name: percentile(values, 0.95) for name, values in latencies.items()},
                "failed": failed, "samples": report["samples"], "events": events, "lost": lost,
                "missed_markers": [sum(m[0] for m in missed), sum(m[1] for m in missed)],
                "socket_errors": counts_after["errors"] - counts_before["errors"],
                "rss_mib": rss / 1024, "kib_per_phone": (rss - idle_rss) / max(1, connected),
                "cpu_s": cpu_s, "cpu_pct": 100 * cpu_s / wall, "load": os.getloadavg()[0],
                "client_late_s": report["late_s"], "duration_s": wall, "idle_cpu_s": idle_cpu * wall,
                "instances": [{**e, "sockets": n} for e, n in zip(each["instances"], sockets, strict=True)],
                "helpers": each["helpers"], "ceiling_pct": 100 * (args.cpu_quota or 1.0),
                "opening": opened_by["instances"],
            }
            results.append(figures)
            print(f"| {step:,} | {connected:,} ({counts_after['failed']} failed) | {figures['req_s']:.1f} "
                  f"({figures['target_req_s']:.1f}) | {figures['reads_p95']:.0f} ms | {figures['writes_p95']:.0f} ms | "
                  f"{failed} | {events:,} ({events / wall:,.0f}/s) | {lost} | {figures['rss_mib']:.0f} MiB | "
                  f"{figures['kib_per_phone']:.0f} KiB | {figures['cpu_pct']:.0f} % | {figures['load']:.1f} |", flush=True)
            print("    by request (count, p95): " + ", ".join(
                      f"{k} {len(latencies[k])}" + (f" {v:.0f} ms" if latencies[k] else "")
                      for k, v in figures["p95_by_kind"].items())
                  + f"; {events / wall / max(1, connected):.2f} events per phone per second"
                  + f"; server CPU {cpu_s:.1f} s over {wall:.0f} s"
                  + f"; sockets opened in {open_s:.1f} s; client late by up to {report['late_s'] * 1000:.0f} ms"
                  + f"; clients: socket holders {counts_after['client_rss_kib'] / 1024:.0f} MiB and "
                    f"{(counts_after['client_cpu_ms'] - counts_before['client_cpu_ms']) / 10 / wall:.0f} % of a core, "
                    f"request driver {100 * report['cpu_s'] / wall:.0f} %"
                  + (f"; failures: {report['samples']}" if report["samples"] else "")
                  + (f"; socket errors {figures['socket_errors']}" if figures["socket_errors"] else ""), flush=True)
            print("    per instance: " + "; ".join(
                      f"{i['name']} CPU {i['cpu_pct']:.0f} %" + (f" (quota {figures['ceiling_pct']:.0f} %, throttled "
                                                                f"{i['throttled_s']:.1f} s, in "
                                                                f"{100 * i['throttled_share']:.0f} % of its periods)"
                                                                if args.cpu_quota else "")
                      + f", RSS {i['rss_mib']:.0f} MiB, {i['sockets']:,} sockets" for i in figures["instances"])
                  + f" (sockets {sum(sockets):,} held, {connected:,} connected)"
                  + "".join(f"; {name} CPU {pct:.0f} %" for name, pct in figures["helpers"].items())
                  + "; while the sockets opened: " + ", ".join(
                      f"{i['name']} CPU {i['cpu_pct']:.0f} %" + (f" (throttled in {100 * i['throttled_share']:.0f} % of "
                                                                f"its periods)" if args.cpu_quota else "")
                      for i in opened_by["instances"]), flush=True)
            figures["broken"] = [why for why, bad in (
                (f"reads p95 {figures['reads_p95']:.0f} ms ≥ {READ_BUDGET_MS:.0f}", figures["reads_p95"] >= READ_BUDGET_MS),
                (f"writes p95 {figures['writes_p95']:.0f} ms ≥ {WRITE_BUDGET_MS:.0f}", figures["writes_p95"] >= WRITE_BUDGET_MS),
                (f"{failed} failed requests", failed > 0),
                (f"{step - connected} phones not connected", connected < step),
                (f"{lost} events lost", lost > 0),
                (f"{figures['socket_errors']} errors on sockets", figures["socket_errors"] > 0),
            ) if bad]
            if figures["broken"] and not args.all_steps:
                break
        _summary(results)
        if results:
            _project(results, args.org_size)
    finally:
        for pipe in pipes:
            try:
                pipe.send(("stop",))
            except OSError:
                pass
        for holder in holders:
            holder.join(30)
            if holder.is_alive():
                holder.kill()
        fleet.stop()
    out = os.environ.get("BENCH_DAY_JSON")
    if out:
        Path(out).write_text(json.dumps(results, indent=1))


def _project(results: list[dict[str, Any]], org_size: int, phones: int = 10_000) -> None:
    """The last step's costs carried to `phones`: requests grow with the phones, events with the
    phones times the people of the same organisation (a like reaches every colleague's feed)."""
    fit = _fit(results)
    last = results[-1]
    if not last["requests"] or not last["events"]:
        return
    if fit and fit[0] > 0 and fit[1] > 0:
        per_request, per_event, how = fit[0], fit[1], "the fit"
    else:  # one step: the CPU split by the share a request and an event took in it is unknown; bound both
        busy = max(0.0, last["cpu_s"] - last["idle_cpu_s"])
        per_request, per_event, how = 0.0, busy / last["events"], "events taking all of the CPU (an upper bound)"
    size = org_size or phones
    factor = (phones / last["phones"]) * (min(size, phones) / min(size or last["phones"], last["phones"]))
    events_s = last["events"] / last["duration_s"] * factor
    requests_s = last["req_s"] * phones / last["phones"]
    cores = last["idle_cpu_s"] / last["duration_s"] + per_request * requests_s + per_event * events_s
    print(f"projected at {phones:,} phones (organisations of {size:,}): {requests_s:.0f} req/s, {events_s:,.0f} events "
          f"delivered/s, ≈ {cores:.1f} cores of server CPU by {how} (one server process uses at most one core, or its quota); memory ≈ "
          f"{last['kib_per_phone'] * phones / 1024 / 1024:.1f} GiB", flush=True)


def _summary(results: list[dict[str, Any]]) -> None:
    held = [r for r in results if not r["broken"]]
    broken = [r for r in results if r["broken"]]
    if held:
        best = held[-1]
        print(f"held: {best['phones']:,} connected phones, {best['req_s']:.1f} req/s, reads p95 {best['reads_p95']:.0f} ms, "
              f"writes p95 {best['writes_p95']:.0f} ms, {best['events']:,} events, none lost, "
              f"{best['kib_per_phone']:.0f} KiB per phone", flush=True)
    else:
        print("held: no step", flush=True)
    if broken:
        first = broken[0]
        print(f"broke at {first['phones']:,} phones: {'; '.join(first['broken'])}", flush=True)
        cores = os.cpu_count() or 1
        busiest = max(first["instances"], key=lambda i: i["cpu_pct"])
        opener = max(first["opening"], key=lambda i: i.get("throttled_share", 0.0))
        if first["connected"] < first["phones"] and opener.get("throttled_share", 0.0) >= 0.05:
            why = (f"opening the sockets: {opener['name']} at {opener['cpu_pct']:.0f} % of a core, throttled in "
                   f"{100 * opener['throttled_share']:.0f} % of its periods while they opened (a socket whose "
                   f"connection_init waits over 3 s is closed with 4408: see --open-rate)")
        elif busiest["cpu_pct"] >= 0.85 * first["ceiling_pct"]:
            why = (f"the server process's CPU ({busiest['name']}: {busiest['cpu_pct']:.0f} % of a core, its ceiling "
                   f"{first['ceiling_pct']:.0f} %)")
        elif busiest["throttled_share"] >= 0.05:
            why = (f"the CPU quota: {busiest['name']} at {busiest['cpu_pct']:.0f} % of a core on average hit its "
                   f"{first['ceiling_pct']:.0f} % in {100 * busiest['throttled_share']:.0f} % of the 100-ms periods "
                   f"(throttled {busiest['throttled_s']:.1f} s): bursts wait for the next period")
        elif first["load"] >= 2 * cores:
            why = (f"the machine's run queue (load {first['load']:.1f} on {cores} cores) more than the server process "
                   f"({busiest['name']}: {busiest['cpu_pct']:.0f} % of a core): clients, PostgreSQL or other work "
                   f"share the cores")
        else:
            why = (f"waiting, not the server's CPU ({busiest['name']}: {busiest['cpu_pct']:.0f} %): see the p95 by request "
                   f"(PostgreSQL, locks on hot rows) and the failures")
        print(f"limited by: {why}", flush=True)
    fit = _fit(results)
    last = results[-1] if results else None
    if last:
        busy = max(0.0, last["cpu_s"] - last["idle_cpu_s"])
        per_request = 1000 * busy / max(1, last["requests"])
        per_event = 1e6 * busy / max(1, last["events"])
        print(f"server CPU at {last['phones']:,} phones: {last['cpu_pct']:.0f} % of one core over "
              f"{len(last['instances'])} instance(s) (one process: {last['ceiling_pct']:.0f} % is its ceiling; "
              f"{100 * last['idle_cpu_s'] / last['duration_s']:.1f} % idle work), {per_request:.1f} ms per "
              f"request if requests were all of the rest, {per_event:.0f} µs per event "
              f"delivered if events were; memory {last['kib_per_phone']:.0f} KiB per connected phone "
              f"(10,000 phones: {last['kib_per_phone'] * 10_000 / 1024 / 1024:.1f} GiB)", flush=True)
    if fit and (fit[0] <= 0 or fit[1] <= 0):
        print(f"fit over the steps not determined ({1000 * fit[0]:.2f} ms per request, {1e6 * fit[1]:.1f} µs per event: "
              f"too few requests per step; the full search's 60-s steps give it)", flush=True)
    elif fit:
        a, b = fit
        print(f"fit over the steps: server CPU ≈ {1000 * a:.2f} ms per request + {1e6 * b:.1f} µs per event "
              f"delivered to one socket", flush=True)
        if last and last["requests"]:
            busy = max(1e-9, last["cpu_s"] - last["idle_cpu_s"])
            print(f"at {last['phones']:,} phones, events are ≈ {100 * b * last['events'] / busy:.0f} % of the server's "
                  f"busy CPU, requests ≈ {100 * a * last['requests'] / busy:.0f} %", flush=True)


if __name__ == "__main__":
    main()
