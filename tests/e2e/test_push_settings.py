"""The push settings screen in Chromium: the explanation before the browser's prompt,
the blocked state with its fix, a kind switched off, and a device removed."""

from __future__ import annotations

import asyncio

import pytest
from playwright.async_api import expect

from server.privacy.consent import record_choices
from server.privacy.models import ConsentChannel, NotificationConsent
from server.push.models import PushSettings, PushSubscription
from server.push.policy import KIND_RULES
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, make_user, signed_in

pytestmark = pytest.mark.e2e
ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"


async def test_the_settings_screen_explains_first_and_manages_kinds_and_devices(live_server, phones):
    # given Julie, whose phone was registered for pushes earlier
    network = await make_network()
    julie = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    await PushSubscription.create(
        user_id=julie.id,
        endpoint="https://fcm.googleapis.com/fcm/send/e2e-device",
        p256dh="BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
        auth="tBHItJI5svbpez7KI4CCXg",
        user_agent=ANDROID_CHROME,
    )
    # (registered once consent was asked: the kinds shown were recorded as her choice)
    await record_choices(julie.id, ConsentChannel.PUSH, {str(k): r.pushed_by_default for k, r in KIND_RULES.items()})
    phone = await phones()
    await sign_in(phone.page, julie.email)

    # when she opens the notification centre, then its settings
    await phone.page.get_by_role("link", name="Notifications").click()
    await phone.page.wait_for_url("**/notifications")
    await phone.page.get_by_role("link", name="Réglages").click()
    await phone.page.wait_for_url("**/settings/notifications")

    # then the value is explained before anything is asked
    panel = phone.page.locator(".push-permission")
    await expect(panel).to_have_attribute("data-state", "ask")
    await expect(panel).to_contain_text("quand un collègue vous dépasse au classement")
    # and the browser's answer (here: no) shows the blocked state with how to fix it
    await phone.context.clear_permissions()
    await phone.page.evaluate("() => { Object.defineProperty(Notification, 'requestPermission', { value: async () => 'denied' }); }")
    await panel.get_by_role("button", name="Activer les notifications").click()
    await expect(panel).to_have_attribute("data-state", "blocked")
    await expect(panel).to_contain_text("touchez le cadenas")

    # when she sets quiet hours to end at 07:30 and, its save still on the way, switches off likes
    end = phone.page.get_by_label("À", exact=True)
    likes = phone.page.get_by_role("switch", name="J’aime sur mes publications (résumé groupé)")
    await expect(likes).to_be_checked()
    await end.fill("07:30")  # the browser's input and change: the time is saved
    await likes.uncheck()
    # then both are kept on the server, and the screen shows both once the answers are in (an
    # earlier answer never puts back what a later save changed)
    for _ in range(150):  # allow for a loaded machine
        if await _settings(julie.id) == (False, 7 * 60 + 30):
            break
        await asyncio.sleep(0.1)
    await expect(likes).not_to_be_checked()
    await expect(end).to_have_value("07:30")
    assert await _settings(julie.id) == (False, 7 * 60 + 30)

    # when she removes her registered phone
    devices = phone.page.locator(".device-list")
    await expect(devices).to_contain_text("Chrome sur Android")
    await phone.page.get_by_role("button", name="Retirer l’appareil Chrome sur Android").click()

    # then it is gone from the list and from the server
    await expect(phone.page.get_by_text("Aucun appareil ne reçoit encore vos notifications.")).to_be_visible()
    assert not await PushSubscription.exists(user_id=julie.id)
    assert phone.console_errors == []


async def test_a_phone_registered_before_consent_is_asked_to_choose_in_french_and_english(live_server, phones):
    # given Julie, whose phone was registered before Élan asked which notifications she wants
    network = await make_network()
    julie = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    await PushSubscription.create(user_id=julie.id, endpoint="https://fcm.googleapis.com/fcm/send/e2e-before-consent",
                                  p256dh="k" * 87, auth="a" * 22, user_agent=ANDROID_CHROME)
    phone = await phones()
    await sign_in(phone.page, julie.email)

    # when she opens the notification centre
    await phone.page.get_by_role("link", name="Notifications").click()
    await phone.page.wait_for_url("**/notifications")
    # then it tells her that her pushes are paused, and leads her to choose
    prompt = phone.page.locator(".choice-prompt")
    await expect(prompt).to_contain_text("Vos notifications push sont en pause")
    await prompt.get_by_role("link", name="Choisir mes notifications").click()
    await phone.page.wait_for_url("**/settings/notifications")
    # and the settings show no kind as on, with one tap for the suggested ones
    rank = phone.page.get_by_role("switch", name="Quelqu’un me dépasse dans un challenge")
    await expect(rank).not_to_be_checked()
    await phone.page.get_by_role("button", name="Activer les notifications conseillées").click()

    # then the kinds suggested are on, recorded as her choice, and the prompt is gone
    await expect(rank).to_be_checked()
    await expect(phone.page.locator(".choice-prompt")).to_have_count(0)
    assert await NotificationConsent.exists(user_id=julie.id, channel=ConsentChannel.PUSH, kind="RANK_OVERTAKEN", granted=True)
    assert phone.console_errors == []

    # and Karim, on an English phone in the same case, reads it in English
    karim, token = await signed_in(network.points_of_sale["Lille"], name="Karim Benali")
    await PushSubscription.create(user_id=karim.id, endpoint="https://fcm.googleapis.com/fcm/send/e2e-before-consent-2",
                                  p256dh="k" * 87, auth="a" * 22, user_agent=ANDROID_CHROME)
    english = await phones(locale="en-GB")
    await english.context.add_cookies([{"name": "elan_session", "value": token, "url": live_server.url}])
    await english.page.goto("/notifications")
    await expect(english.page.locator(".choice-prompt")).to_contain_text("Your push notifications are paused")
    await expect(english.page.get_by_role("link", name="Choose my notifications")).to_be_visible()
    assert english.console_errors == []


async def _until(read, expected, tries: int = 50) -> None:
    for _ in range(tries):
        if await read() == expected:
            return
        await asyncio.sleep(0.1)
    assert await read() == expected


async def _settings(user_id: int) -> tuple[bool, int] | None:
    settings = await PushSettings.get_or_none(user_id=user_id)
    if settings is None:
        return None
    return (settings.kinds.get("POST_LIKED", True), settings.quiet_end_minute)
