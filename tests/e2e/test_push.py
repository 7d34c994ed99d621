"""Web Push in Chromium: the service worker shows the server's payload as a notification,
a tap opens the leaderboard, nothing is shown over the very screen it is about, and the
tab bar counts unread notifications live."""

from __future__ import annotations

import asyncio
import json

import pytest
from playwright.async_api import expect

from server.accounts.models import User
from server.db import atomic
from server.network.models import Unit
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.push.payload import notification_payload
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, make_user

pytestmark = pytest.mark.e2e

LISTEN_TO_WORKER = """() => {
  window.fromWorker = [];
  navigator.serviceWorker.addEventListener('message', (event) => window.fromWorker.push(event.data));
}"""
NOTIFICATIONS_SHOWN = """async () => {
  const registration = await navigator.serviceWorker.ready;
  return (await registration.getNotifications()).map((n) => ({
    title: n.title, body: n.body, tag: n.tag, icon: n.icon, badge: n.badge, lang: n.lang, data: n.data,
  }));
}"""
TAP_NOTIFICATION = """async () => {
  const [notification] = await self.registration.getNotifications();
  self.dispatchEvent(new NotificationEvent('notificationclick', { notification }));
}"""


# one evaluation that resolves once a service worker controls the page; waits for_function
# would poll with an eval that the app's CSP (script-src 'self') refuses
UNTIL_CONTROLLED = """new Promise((resolve) => {
  if (navigator.serviceWorker.controller) resolve(true);
  else navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true });
})"""


async def until_controlled(page, timeout: float = 15.0) -> None:
    await asyncio.wait_for(page.evaluate(UNTIL_CONTROLLED), timeout)


async def until_true(page, expression: str, timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.1)):
        if await page.evaluate(expression):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"still false after {timeout} s: {expression}")


async def colleague(user_id: int, name: str) -> User:
    """Someone of the person's point of sale called `name` (made the first time)."""
    person = await User.get(id=user_id)
    found = await User.filter(organization_id=person.organization_id, display_name=name).first()
    return found or await make_user(await Unit.get(id=person.unit_id), name=name)


async def challenge_name(challenge_id: int) -> str:
    """What the challenge is called now (a push names it at send time, by its id)."""
    from server.challenges.models import Challenge

    found = await Challenge.get_or_none(id=challenge_id)
    return found.name if found is not None else "Printemps des utilitaires"


async def overtaken(user_id: int, challenge_id: int = 7):
    async with atomic():
        return await notify(
            user_id,
            NotificationKind.RANK_OVERTAKEN,
            params={"challengeId": challenge_id, "challenge": await challenge_name(challenge_id), "rank": 4},
            actor=await colleague(user_id, "Thomas Petit"),
            link=f"/challenges/{challenge_id}",
        )


async def shown_notifications(page, count: int, timeout: float = 10.0) -> list[dict]:
    """The notifications on screen, once there are `count` of them."""
    for _ in range(int(timeout / 0.1)):
        shown = await page.evaluate(NOTIFICATIONS_SHOWN)
        if len(shown) == count:
            return shown
        await asyncio.sleep(0.1)
    raise AssertionError(f"expected {count} notification(s), saw {shown}")


class PushChannel:
    """Delivers push messages to the page's service worker through the DevTools protocol."""

    def __init__(self, cdp, origin: str) -> None:
        self.cdp = cdp
        self.origin = origin
        self.registration_id: str | None = None

    async def open(self) -> None:
        found = asyncio.get_running_loop().create_future()

        def registered(event) -> None:
            for registration in event["registrations"]:
                if not registration.get("isDeleted") and not found.done():
                    found.set_result(registration["registrationId"])

        self.cdp.on("ServiceWorker.workerRegistrationUpdated", registered)
        await self.cdp.send("ServiceWorker.enable")
        self.registration_id = await asyncio.wait_for(found, 10)

    async def deliver(self, payload: dict) -> None:
        await self.cdp.send(
            "ServiceWorker.deliverPushMessage",
            {"origin": self.origin, "registrationId": self.registration_id, "data": json.dumps(payload)},
        )


async def test_a_push_shows_a_notification_whose_tap_opens_the_leaderboard(live_server, phones):
    # given Julie signed in on her phone, notifications allowed, the service worker in control
    network = await make_network()
    julie = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    phone = await phones()
    await phone.context.grant_permissions(["notifications"], origin=live_server.url)
    await sign_in(phone.page, julie.email)
    await until_controlled(phone.page)
    channel = PushChannel(await phone.context.new_cdp_session(phone.page), live_server.url)
    await channel.open()
    # the notifications subscription is live once the socket is up and the server has it
    await expect(phone.page.get_by_test_id("connection-status")).to_have_attribute("data-state", "connected")
    await asyncio.sleep(0.5)

    # when Thomas overtakes her: the notification centre's count goes up live on the tab bar
    notification = await overtaken(julie.id)
    await expect(phone.page.get_by_test_id("unread-badge")).to_have_text("1", timeout=10_000)

    # and the push the server made for it reaches the service worker
    await channel.deliver(await notification_payload(notification, "fr", "rank-7"))

    # then a French notification with icon and badge is shown, tagged by challenge
    [shown] = await shown_notifications(phone.page, 1)
    assert shown["title"] == "Classement"
    assert shown["body"] == f"Thomas Petit vient de vous dépasser dans « {await challenge_name(7)} » : vous êtes 4e"
    assert shown["tag"] == "rank-7" and shown["lang"] == "fr"
    assert shown["icon"].endswith("/icon-192.png") and shown["badge"].endswith("/badge-72.png")
    assert shown["data"] == {"link": "/challenges/7"}

    # when she taps it
    # Playwright attaches to the worker's target asynchronously: wait until it is known
    for _ in range(50):
        if phone.context.service_workers:
            break
        await phone.page.wait_for_timeout(100)
    [worker] = phone.context.service_workers
    await worker.evaluate(TAP_NOTIFICATION)

    # then her open window goes to the challenge's leaderboard, and the notification is gone
    await phone.page.wait_for_url("**/challenges/7", timeout=10_000)
    await expect(phone.page.get_by_role("heading", name="Classement du challenge")).to_be_visible()
    assert await phone.page.evaluate(NOTIFICATIONS_SHOWN) == []

    # when another rank change of that challenge arrives while she looks at that very screen
    # (a fresh DevTools session: the tap's navigation may have moved the page to another process)
    channel = PushChannel(await phone.context.new_cdp_session(phone.page), live_server.url)
    await channel.open()
    await phone.page.evaluate(LISTEN_TO_WORKER)
    await phone.page.bring_to_front()
    await until_true(phone.page, "document.hasFocus() && document.visibilityState === 'visible'")
    await channel.deliver(await notification_payload(await overtaken(julie.id), "fr", "rank-7"))
    # then the worker got it and told the open screen instead of covering it with a notification
    await until_true(phone.page, "window.fromWorker.some((m) => m.type === 'PUSH_RECEIVED' && m.link === '/challenges/7')")
    assert await phone.page.evaluate(NOTIFICATIONS_SHOWN) == []
    # but a push about another screen is shown
    other = await overtaken(julie.id, challenge_id=8)
    await channel.deliver(await notification_payload(other, "fr", "rank-8"))
    await shown_notifications(phone.page, 1)
    assert phone.console_errors == []

    # and the notification centre lists what happened; opening it clears the tab's count
    await phone.page.get_by_role("link", name="Notifications").click()
    await phone.page.wait_for_url("**/notifications")
    lines = phone.page.locator(".notification-list li")
    await expect(lines.first).to_contain_text("Thomas Petit vient de vous dépasser")
    await expect(lines).to_have_count(3)
    await expect(phone.page.get_by_test_id("unread-badge")).to_have_count(0, timeout=10_000)
