"""Rotating the VAPID key: devices that subscribed with the old key keep receiving pushes signed
with it (VAPID_PRIVATE_KEY_PREVIOUS) while new subscriptions use the new one, each checked by
the push service against the key that device subscribed with."""

from __future__ import annotations

import asyncio
import os
import sys

from server.db import atomic
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.push.models import PushSubscription
from server.push.vapid import new_private_key
from server.push.worker import start_in_server, stop_in_server
from tests.conftest import ROOT
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.multi_instance import server_process
from tests.push.conftest import QUIET_HOURS_OFF, REGISTER

VAPID = "query VapidPublicKey { vapidPublicKey }"


async def _phone(url: str, token: str, push_service):
    """A browser subscribing with the key the app at `url` gives it, and registering."""
    async with GraphQLClient(url, token=token) as client:
        key = (await client.execute(VAPID))["vapidPublicKey"]
        device = push_service.new_device(application_server_key=key)
        result = await client.execute(REGISTER, device.as_variables())
        assert result["registerPushSubscription"]["__typename"] == "RegisterPushSubscriptionSuccess"
        await client.execute(QUIET_HOURS_OFF)
    return device, key


async def test_after_a_rotation_old_and_new_subscriptions_both_receive_their_pushes(live_server, push_service):
    # given Julie's phone subscribed with today's key
    network = await make_network()
    julie, julie_token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    old_phone, old_key = await _phone(live_server.url, julie_token, push_service)
    old_private = (live_server.data_dir / "vapid_private_key").read_text().strip()
    await stop_in_server()  # from now on only the rotated worker sends
    worker = None
    try:
        # when the key is rotated: the new one current, the old one kept as previous
        rotated = {
            "VAPID_PRIVATE_KEY": new_private_key(),
            "VAPID_PRIVATE_KEY_PREVIOUS": old_private,
            "PUSH_ALLOWED_ORIGINS": push_service.origin,
        }
        async with server_process(live_server, PUSH_WORKER_IN_SERVER="0", **rotated) as url:
            # and Thomas subscribes afterwards, with the key the app now hands out
            thomas, thomas_token = await signed_in(network.points_of_sale["Lille"], name="Thomas Petit")
            new_phone, new_key = await _phone(url, thomas_token, push_service)
        worker = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "server", "worker", cwd=ROOT, env={**os.environ, **rotated},
            stdout=asyncio.subprocess.DEVNULL,
        )
        async with atomic():
            await notify(julie.id, NotificationKind.BADGE_RECEIVED, params={"badge": "Closer du mois"}, link="/me")
            await notify(thomas.id, NotificationKind.BADGE_RECEIVED, params={"badge": "Closer du mois"}, link="/me")
        # then each phone receives its push, signed with the key it subscribed with
        await push_service.wait_until(
            lambda: push_service.arrived(old_phone) and push_service.arrived(new_phone) or push_service.rejections, 30
        )
        assert push_service.rejections == []
        assert new_key != old_key
        assert await PushSubscription.get(user_id=julie.id).values_list("vapid_key", flat=True) == old_key
        assert await PushSubscription.get(user_id=thomas.id).values_list("vapid_key", flat=True) == new_key
    finally:
        if worker is not None:
            worker.terminate()
            await worker.wait()
        await start_in_server()
