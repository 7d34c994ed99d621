"""Two `python -m server worker` processes on PostgreSQL; one is killed mid-batch."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import uuid
from datetime import UTC, datetime

import pytest

from server.push.models import PushMessage, PushStatus, PushSubscription
from server.push.worker import in_server_worker, start_in_server, stop_in_server
from tests.conftest import ROOT
from tests.factories import make_network, make_user
from tests.push.push_service import LocalPushService

MESSAGES = 240
BATCH = 20
LANES = 2  # batches a worker has in flight at once


async def start_worker(origin: str) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "PUSH_ALLOWED_ORIGINS": origin,
        "PUSH_LEASE_SECONDS": "5",  # longer than a batch takes, even on a loaded machine
        "PUSH_BATCH_SIZE": str(BATCH),
        "PUSH_CONCURRENCY": "10",
        "PUSH_LANES": str(LANES),
        "PUSH_POLL_SECONDS": "0.2",
        "PUSH_POOL_MIN_MESSAGES": "10",  # each batch goes through the encryption processes
        "LOG_LEVEL": "warning",
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", "worker", cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )


@pytest.mark.postgres_redis
async def test_killing_a_worker_mid_batch_loses_nothing_and_repeats_only_its_in_flight_rows(live_server):
    # given the in-server worker paused, a slow push service, and 240 messages in the outbox
    await stop_in_server()
    service = LocalPushService(delay=0.05)
    origin = await service.start()
    workers: list[asyncio.subprocess.Process] = []
    try:
        network = await make_network()
        user = await make_user(network.points_of_sale["Lille"])
        devices = [service.new_device() for _ in range(8)]
        subscriptions = [
            await PushSubscription.create(user_id=user.id, endpoint=d.endpoint, p256dh=d.p256dh, auth=d.auth)
            for d in devices
        ]
        now = datetime.now(UTC)
        await PushMessage.bulk_create(
            [
                PushMessage(
                    subscription_id=subscriptions[n % len(subscriptions)].id,
                    user_id=user.id,
                    kind="BADGE_RECEIVED",
                    event_key=uuid.uuid4().hex,
                    payload={"seq": n, "body": f"message {n}"},
                    not_before=now,
                )
                for n in range(MESSAGES)
            ]
        )
        ids = {m.id for m in await PushMessage.filter(user_id=user.id)}
        # when two workers share the work and the first is killed (SIGKILL) a third of the way
        workers = [await start_worker(origin), await start_worker(origin)]
        doomed = workers[0]
        await service.wait_until(lambda: len(service.arrivals) >= MESSAGES // 3, timeout=60)
        mine = f"{_host()}:{doomed.pid}:"
        # the doomed worker itself has delivered a batch (on a loaded machine the other may
        # have taken the first third alone)
        for _ in range(300):
            if doomed.returncode is not None or await PushMessage.exists(status=PushStatus.SENT, claimed_by__startswith=mine):
                break
            await asyncio.sleep(0.02)
        assert doomed.returncode is None, f"the first worker exited early ({doomed.returncode})"
        in_flight: set[int] = set()
        for _ in range(400):
            # freeze it (SIGSTOP) to read exactly what it holds, then kill it; if it was
            # between two batches at that instant, let it go on and try again
            doomed.send_signal(signal.SIGSTOP)
            in_flight = {
                m.id
                for m in await PushMessage.filter(user_id=user.id, status=PushStatus.PENDING, claimed_by__startswith=mine)
            }
            delivered_some = await PushMessage.exists(status=PushStatus.SENT, claimed_by__startswith=mine)
            if in_flight and delivered_some:
                break
            doomed.send_signal(signal.SIGCONT)
            await asyncio.sleep(0.02)
        encrypting = _children(doomed.pid)
        doomed.send_signal(signal.SIGKILL)
        await doomed.wait()
        assert in_flight, (
            "the worker should have died with rows in flight: it had sent "
            f"{await PushMessage.filter(status=PushStatus.SENT, claimed_by__startswith=mine).count()}, "
            f"{await PushMessage.filter(user_id=user.id, status=PushStatus.PENDING).count()} were still pending"
        )
        # and its encryption processes die with it instead of lingering
        assert encrypting, "the worker should have started its encryption processes"
        for _ in range(100):
            if not any(_alive(pid) for pid in encrypting):
                break
            await asyncio.sleep(0.1)
        assert not any(_alive(pid) for pid in encrypting)
        # then the survivor sends everything, including what the dead one had claimed
        await service.wait_until(lambda: len({a.payload["seq"] for a in service.arrivals}) == MESSAGES, timeout=90)
        for _ in range(100):
            if await PushMessage.filter(id__in=ids, status=PushStatus.SENT).count() == MESSAGES:
                break
            await asyncio.sleep(0.1)
        assert await PushMessage.filter(id__in=ids, status=PushStatus.SENT).count() == MESSAGES
        # and nothing went twice except rows the killed worker had in flight (at-least-once,
        # as the push protocol allows: the same tag replaces the notification on the phone)
        seqs = [a.payload["seq"] for a in service.arrivals]
        twice = {s for s in seqs if seqs.count(s) > 1}
        rows = {m.payload["seq"]: m.id for m in await PushMessage.filter(id__in=ids)}
        assert {rows[s] for s in twice} <= in_flight
        assert len(twice) <= BATCH * LANES
        # and both workers did part of the work
        senders = {m.claimed_by.split(":")[1] for m in await PushMessage.filter(id__in=ids) if m.claimed_by}
        assert str(doomed.pid) in senders and str(workers[1].pid) in senders
        assert not service.rejections
    finally:
        for process in workers:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
                await process.wait()
        await service.stop()
        if in_server_worker() is None:
            await start_in_server()


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _host() -> str:
    import socket

    return socket.gethostname()
