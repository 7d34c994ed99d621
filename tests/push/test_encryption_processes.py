"""Large batches are encrypted in the worker's own processes: what the devices decrypt is
the same, each message arrives once, and stopping the worker leaves no process behind."""

from __future__ import annotations

import asyncio
import multiprocessing
import uuid
from datetime import UTC, datetime

from server.push.models import PushMessage, PushStatus, PushSubscription
from server.push.policy import LIMITS
from server.push.worker import in_server_worker, start_in_server, stop_in_server
from tests.factories import make_network, make_user
from tests.push.push_service import LocalPushService

DEVICES = 4


async def fall_due(user_id: int, subscriptions: list[PushSubscription], seqs: range) -> None:
    now = datetime.now(UTC)
    await PushMessage.bulk_create(
        [
            PushMessage(
                subscription_id=subscriptions[n % len(subscriptions)].id,
                user_id=user_id,
                kind="BADGE_RECEIVED",
                event_key=uuid.uuid4().hex,
                payload={"seq": n, "title": "Badge", "body": f"Badge n° {n} : « Pro du conseil »"},
                not_before=now,
            )
            for n in seqs
        ]
    )


async def test_a_large_batch_is_encrypted_in_the_worker_processes_and_arrives_whole(
    live_server, push_service: LocalPushService, quick_push, monkeypatch
):
    # given the in-server worker, whose processes take batches of 8 messages or more
    monkeypatch.setattr(LIMITS, "pool_min_messages", 8)
    monkeypatch.setattr(LIMITS, "batch_size", 20)
    worker = in_server_worker()
    assert worker is not None and worker.encryption.processes >= 1
    network = await make_network()
    user = await make_user(network.points_of_sale["Lille"])
    devices = [push_service.new_device() for _ in range(DEVICES)]
    subscriptions = [
        await PushSubscription.create(user_id=user.id, endpoint=d.endpoint, p256dh=d.p256dh, auth=d.auth)
        for d in devices
    ]
    token_of = {s.id: d.token for s, d in zip(subscriptions, devices, strict=True)}

    def arrived() -> list[int]:
        mine = {d.token for d in devices}
        return [a.payload["seq"] for a in push_service.arrivals if a.token in mine]

    # when 40 messages fall due: the first large batch starts the processes (it is
    # encrypted in place meanwhile)
    await fall_due(user.id, subscriptions, range(40))
    worker.wake()
    await push_service.wait_until(lambda: len(arrived()) == 40, timeout=20)
    for _ in range(300):
        if worker.encryption.running:
            break
        await asyncio.sleep(0.05)
    assert worker.encryption.running
    before = worker.encryption.sealed_in_pool
    # and 40 more once they are up
    await fall_due(user.id, subscriptions, range(40, 80))
    worker.wake()
    await push_service.wait_until(lambda: len(arrived()) == 80, timeout=20)

    # then the processes encrypted those, and every device decrypted its own messages,
    # each once, signed and whole
    assert worker.encryption.sealed_in_pool - before == 40
    assert sorted(arrived()) == list(range(80))
    rows = {m.payload["seq"]: m for m in await PushMessage.filter(user_id=user.id)}
    for arrival in push_service.arrivals:
        if arrival.token in token_of.values():
            row = rows[arrival.payload["seq"]]
            assert arrival.token == token_of[row.subscription_id]
            assert arrival.payload["body"] == f"Badge n° {row.payload['seq']} : « Pro du conseil »"
    assert not push_service.rejections
    for _ in range(50):
        if await PushMessage.filter(user_id=user.id, status=PushStatus.SENT).count() == 80:
            break
        await asyncio.sleep(0.05)
    assert await PushMessage.filter(user_id=user.id, status=PushStatus.SENT).count() == 80

    # when the server stops its worker
    await stop_in_server()
    try:
        # then its encryption processes are gone with it
        assert multiprocessing.active_children() == []
    finally:
        await start_in_server()
