"""Fixtures of the push tests: the local push service, allow-listed, and quick timings."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from server.push.policy import LIMITS
from tests.factories import Network, make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.push.push_service import Device, LocalPushService

REGISTER = """
mutation Register($endpoint: String!, $p256dh: String!, $auth: String!, $userAgent: String!, $language: String) {
  registerPushSubscription(endpoint: $endpoint, p256dh: $p256dh, auth: $auth, userAgent: $userAgent,
                           language: $language) {
    __typename
    ... on RegisterPushSubscriptionSuccess { device { id userAgent } }
    ... on ValidationError { code message field }
  }
}
"""
QUIET_HOURS_OFF = """
mutation { updatePushPreferences(input: {quietHoursEnabled: false}) { __typename } }
"""


@pytest.fixture(scope="session")
async def push_service(live_server) -> AsyncIterator[LocalPushService]:
    from server.settings import reset_settings

    service = LocalPushService()
    origin = await service.start()
    os.environ["PUSH_ALLOWED_ORIGINS"] = origin
    reset_settings()
    try:
        yield service
    finally:
        await service.stop()


@pytest.fixture
def quick_push(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries and digests in fractions of a second instead of minutes."""
    monkeypatch.setattr(LIMITS, "poll_seconds", 0.1)
    monkeypatch.setattr(LIMITS, "retry_base_seconds", 0.2)
    monkeypatch.setattr(LIMITS, "retry_max_seconds", 2.0)
    monkeypatch.setattr(LIMITS, "max_attempts", 3)
    monkeypatch.setattr(LIMITS, "likes_digest_seconds", 1.0)


@dataclass
class Person:
    user_id: int
    token: str
    device: Device
    name: str
    network: Network


async def person_with_device(
    live_server, push_service: LocalPushService, name: str = "Julie Moreau", quiet_hours: bool = False, unit: str = "Lille"
) -> Person:
    """A seller whose phone registered for pushes through the API, as the PWA does."""
    network = await make_network()
    user, token = await signed_in(network.points_of_sale[unit], name=name)
    device = push_service.new_device()
    async with GraphQLClient(live_server.url, token=token) as client:
        result = (await client.execute(REGISTER, device.as_variables()))["registerPushSubscription"]
        assert result["__typename"] == "RegisterPushSubscriptionSuccess", result
        if not quiet_hours:
            await client.execute(QUIET_HOURS_OFF)
    return Person(user.id, token, device, name, network)


async def outbox_row(user_id: int, status: str, timeout: float = 5.0):
    """The person's (single) outbox row once the worker has recorded `status`."""
    import asyncio

    from server.push.models import PushMessage

    for _ in range(int(timeout / 0.05)):
        row = await PushMessage.filter(user_id=user_id).order_by("-id").first()
        if row is not None and row.status == status:
            return row
        await asyncio.sleep(0.05)
    raise AssertionError(f"no outbox row reached {status}: {row and (row.status, row.last_error)}")
