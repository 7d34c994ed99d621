"""Delivery through the local push service: text, headers, VAPID, and the service's answers."""

from __future__ import annotations

import asyncio
import time

from server.accounts.models import User
from server.challenges.models import Challenge
from server.db import atomic
from server.network.models import Unit
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.push.models import PushMessage, PushStatus, PushSubscription
from tests.factories import make_user
from tests.graphql_client import GraphQLClient
from tests.push.conftest import REGISTER, outbox_row, person_with_device
from tests.push.push_service import Scripted

CHALLENGE = "Printemps des utilitaires"


async def colleague(user_id: int, name: str) -> User:
    """Someone of the person's point of sale called `name` (made the first time)."""
    person = await User.get(id=user_id)
    found = await User.filter(organization_id=person.organization_id, display_name=name).first()
    return found or await make_user(await Unit.get(id=person.unit_id), name=name)


async def overtaken(user_id: int, rank: int = 4, by: str = "Thomas Petit", challenge_id: int = 7) -> None:
    """What the challenges domain does when a result moves someone past this seller."""
    async with atomic():
        await notify(
            user_id,
            NotificationKind.RANK_OVERTAKEN,
            params={"challengeId": challenge_id, "challenge": CHALLENGE, "rank": rank},
            actor=await colleague(user_id, by),
            link=f"/challenges/{challenge_id}",
        )


async def test_an_overtaken_seller_gets_the_french_alert_with_a_link_to_the_leaderboard(
    live_server, push_service, quick_push
):
    # given Julie's phone registered for pushes
    julie = await person_with_device(live_server, push_service)
    # when Thomas overtakes her in a challenge
    sent_at = time.time()
    await overtaken(julie.user_id)
    # then her phone gets, within seconds, the French alert that opens the leaderboard
    await push_service.wait_until(lambda: push_service.arrived(julie.device), timeout=5)
    [arrival] = push_service.arrived(julie.device)
    assert arrival.at - sent_at < 3
    # (the push names the challenge from its id when it is sent: whatever challenge 7 of the
    # test database is called now, or the title the notification kept)
    named = await Challenge.get_or_none(id=7)
    title = named.name if named is not None else CHALLENGE
    assert arrival.payload["body"] == f"Thomas Petit vient de vous dépasser dans « {title} » : vous êtes 4e"
    assert arrival.payload["title"] == "Classement"
    assert arrival.payload["link"] == "/challenges/7"
    assert arrival.payload["tag"] == "rank-7" and arrival.payload["lang"] == "fr"
    assert arrival.payload["icon"] and arrival.payload["badge"]
    # and the push service saw a signed, urgent, collapsible message
    assert arrival.urgency == "high" and arrival.topic == "rank-7" and arrival.ttl > 0
    assert not push_service.rejections
    row = await outbox_row(julie.user_id, PushStatus.SENT)
    assert row.attempts == 1


async def test_a_gone_subscription_is_deleted(live_server, push_service, quick_push):
    # given a phone whose browser has since unsubscribed
    julie = await person_with_device(live_server, push_service)
    push_service.script(julie.device, Scripted(410))
    # when a push is due for it
    await overtaken(julie.user_id)
    # then the push service's 410 removes the subscription and its outbox rows
    await push_service.wait_until(lambda: push_service.hits.get(julie.device.token) == 1)
    for _ in range(50):
        if not await PushSubscription.exists(endpoint=julie.device.endpoint):
            break
        await asyncio.sleep(0.05)
    assert not await PushSubscription.exists(endpoint=julie.device.endpoint)
    assert not await PushMessage.exists(user_id=julie.user_id)


async def test_429_with_retry_after_is_retried_after_the_given_delay(live_server, push_service, quick_push):
    # given a push service that is busy and asks to come back in 2 seconds
    julie = await person_with_device(live_server, push_service)
    push_service.script(julie.device, Scripted(429, {"Retry-After": "2"}))
    # when a push is due
    await overtaken(julie.user_id)
    # then it is sent again, not before 2 seconds, and delivered
    await push_service.wait_until(lambda: push_service.arrived(julie.device), timeout=8)
    first, second = [a for a in push_service.arrivals if a.token == julie.device.token]
    assert first.answered == 429 and second.answered == 201
    assert second.at - first.at >= 2.0
    row = await outbox_row(julie.user_id, PushStatus.SENT)
    assert row.attempts == 2


async def test_500_is_retried_with_back_off_then_fails_with_its_reason(live_server, push_service, quick_push):
    # given a push service that keeps failing
    julie = await person_with_device(live_server, push_service)
    push_service.script(julie.device, *[Scripted(500)] * 10)
    # when a push is due
    await overtaken(julie.user_id)
    # then it is tried max_attempts (3) times, each later than the one before, and then
    # recorded as failed with the service's answer
    await push_service.wait_until(lambda: push_service.hits.get(julie.device.token, 0) >= 3, timeout=10)
    row = await outbox_row(julie.user_id, PushStatus.FAILED)
    assert row.attempts == 3
    assert row.last_error is not None and row.last_error.startswith("HTTP 500")
    tries = [a.at for a in push_service.arrivals if a.token == julie.device.token]
    assert len(tries) == 3
    assert tries[1] - tries[0] >= 0.1 and tries[2] - tries[1] >= 0.2  # back-off grows
    await asyncio.sleep(0.5)
    assert push_service.hits[julie.device.token] == 3  # and then it stops


async def test_a_redirect_is_not_followed(live_server, push_service, quick_push):
    # given a push service answering with a redirect elsewhere
    julie = await person_with_device(live_server, push_service)
    push_service.script(julie.device, Scripted(307, {"Location": f"{push_service.origin}/elsewhere"}))
    # when a push is due
    await overtaken(julie.user_id)
    # then the redirect target is never called and the row fails with the reason
    await push_service.wait_until(lambda: push_service.hits.get(julie.device.token) == 1)
    row = await outbox_row(julie.user_id, PushStatus.FAILED)
    assert "redirect refused" in (row.last_error or "")
    assert "elsewhere" not in push_service.hits


async def test_an_endpoint_no_longer_allowed_is_not_contacted(live_server, push_service, quick_push, monkeypatch):
    # given a device registered while its push service was allow-listed
    julie = await person_with_device(live_server, push_service)
    # when the allow-list no longer has it and a push is due
    monkeypatch.setattr("server.push.endpoints._allowed_origins", lambda: set())
    await overtaken(julie.user_id)
    # then nothing is sent and the row fails, saying why
    row = await outbox_row(julie.user_id, PushStatus.FAILED)
    assert row.last_error is not None and row.last_error.startswith("endpoint refused")
    assert julie.device.token not in push_service.hits


async def test_an_english_phone_gets_its_alerts_in_english(live_server, push_service, quick_push):
    # given Julie's phone, whose app speaks English, registered for pushes
    julie = await person_with_device(live_server, push_service)
    async with GraphQLClient(live_server.url, token=julie.token) as client:
        again = await client.execute(REGISTER, {**julie.device.as_variables(), "language": "en"})
        assert again["registerPushSubscription"]["__typename"] == "RegisterPushSubscriptionSuccess"
        refused = await client.execute(REGISTER, {**julie.device.as_variables(), "language": "de"})
        assert refused["registerPushSubscription"]["code"] == "language_unsupported"
    # when Thomas overtakes her
    await overtaken(julie.user_id)
    # then the alert on her lock screen is in English
    await push_service.wait_until(lambda: push_service.arrived(julie.device), timeout=5)
    [arrival] = push_service.arrived(julie.device)
    assert arrival.payload["lang"] == "en" and arrival.payload["title"] == "Leaderboard"
    assert arrival.payload["body"].startswith("Thomas Petit")
    assert "vous" not in arrival.payload["body"]
