"""Tapping a push notification in the phone's tray, the way a person does: with the app
closed it opens a new window straight on the leaderboard, in the person's language; with
the app open on another screen it brings that window there instead of opening another.

Chromium hands the notification to the tray (tests/push/notification_tray.py), whose tap
makes Chromium fire a real `notificationclick`: `clients.openWindow` works only then.
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator

import pytest
from playwright.async_api import expect

from server.push.payload import notification_payload
from tests.e2e.conftest import ARGS, CHROMIUM, PHONE
from tests.e2e.test_push import PushChannel, challenge_name, overtaken, until_controlled
from tests.factories import PASSWORD, make_network, make_user
from tests.push.notification_tray import NotificationTray

pytestmark = pytest.mark.e2e


@pytest.fixture
async def tray() -> AsyncIterator[NotificationTray]:
    tray = NotificationTray()
    await tray.start()
    try:
        yield tray
    finally:
        await tray.stop()


@pytest.fixture
async def english_phone(browser, live_server, tray: NotificationTray) -> AsyncIterator[object]:
    """A phone whose browser speaks English and shows notifications in `tray`. A profile of
    its own (not an incognito context), as on a real phone: Chromium routes a tap on a
    notification back to the profile that showed it."""
    context = await browser.browser_type.launch_persistent_context(
        tempfile.mkdtemp(prefix="elan-phone-"),
        executable_path=CHROMIUM,
        args=ARGS,
        env={"DBUS_SESSION_BUS_ADDRESS": tray.address},
        viewport=PHONE,
        base_url=live_server.url,
        locale="en-GB",
        has_touch=True,
        is_mobile=True,
    )
    await context.grant_permissions(["notifications"], origin=live_server.url)
    try:
        yield context
    finally:
        await context.close()


async def sign_in_in_english(page, email: str) -> None:
    await page.goto("/")
    await page.wait_for_url("**/login")
    await page.get_by_label("Email address").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(lambda url: not url.endswith("/login"))


async def test_a_tap_with_the_app_closed_opens_the_leaderboard_in_a_new_window_in_her_language(
    live_server, english_phone, tray: NotificationTray
):
    # given Julie, who reads Élan in English, signed in once on her phone (service worker
    # installed, notifications allowed)
    network = await make_network()
    julie = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    julie.language = "en"
    await julie.save(update_fields=["language"])
    app = english_phone.pages[0] if english_phone.pages else await english_phone.new_page()
    errors: list[str] = []
    await sign_in_in_english(app, julie.email)
    await until_controlled(app)
    # and then she closed the app: her phone shows its home screen, no window of Élan
    home = await english_phone.new_page()
    await app.close()
    assert [page.url for page in english_phone.pages] == ["about:blank"]
    channel = PushChannel(await english_phone.new_cdp_session(home), live_server.url)
    await channel.open()

    # when Thomas overtakes her and the push the server wrote for her arrives
    notification = await overtaken(julie.id)
    await channel.deliver(await notification_payload(notification, julie.language, "rank-7"))

    # then her tray shows it in English
    [shown] = await tray.wait_for(1)
    assert shown.title == "Leaderboard"
    assert f"Thomas Petit just overtook you in “{await challenge_name(7)}”: you are 4th" in shown.body
    assert "default" in shown.actions

    # when she taps it
    async with english_phone.expect_page(timeout=15_000) as opening:
        tray.tap(shown)
    opened = await opening.value
    opened.on("pageerror", lambda error: errors.append(str(error)))

    # then Élan opens in a new window, straight on that challenge's leaderboard, in English
    await opened.wait_for_url("**/challenges/7", timeout=15_000)
    await expect(opened.get_by_role("heading", name="Challenge leaderboard")).to_be_visible(timeout=15_000)
    assert await opened.evaluate("document.documentElement.lang") == "en"
    # and the notification left the tray
    assert tray.shown == []

    # when, the app now open on another screen, a push about another challenge is tapped
    await opened.goto("/notifications")
    await channel.deliver(await notification_payload(await overtaken(julie.id, challenge_id=8), julie.language, "rank-8"))
    [second] = await tray.wait_for(1)
    tray.tap(second)

    # then the open window goes to that leaderboard, and no second window opens
    await opened.wait_for_url("**/challenges/8", timeout=15_000)
    await expect(opened.get_by_role("heading", name="Challenge leaderboard")).to_be_visible()
    app_windows = [page for page in english_phone.pages if page.url.startswith(live_server.url)]
    assert app_windows == [opened]
    assert errors == []
