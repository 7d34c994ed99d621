"""« Se déconnecter de tous les appareils »: from the profile menu of one phone, after a
confirmation, every phone of the person returns to the sign-in screen, the others because the
server closed their live connection."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.e2e.test_feed_slice import sign_in
from tests.factories import PASSWORD, make_network, make_user

pytestmark = pytest.mark.e2e


async def sign_in_in_english(page, email: str) -> None:
    await page.goto("/")
    await page.wait_for_url("**/login")
    await page.get_by_label("Email address").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(lambda url: not url.endswith("/login"))


async def test_signing_out_of_all_devices_returns_every_phone_to_the_sign_in_screen(live_server, phones):
    # given a seller signed in on her phone (in French) and on a second phone (in English),
    # both live
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    phone, other = await phones(), await phones(locale="en-US")
    await sign_in(phone.page, seller.email)
    await sign_in_in_english(other.page, seller.email)
    await expect(other.page.get_by_test_id("connection-status")).to_have_attribute("data-state", "connected")

    # when she asks from the profile menu, then thinks better of it
    page = phone.page
    await page.get_by_role("button", name="Menu du profil de Julie Moreau").click()
    await page.get_by_role("button", name="Se déconnecter de tous les appareils").click()
    confirmation = page.get_by_role("alertdialog", name="Se déconnecter de tous les appareils ?")
    await expect(confirmation).to_contain_text("celui-ci compris")
    await confirmation.get_by_role("button", name="Annuler").click()
    # then nothing happened
    await expect(confirmation).to_be_hidden()
    await expect(page.get_by_role("button", name="Se déconnecter de tous les appareils")).to_be_visible()

    # when she asks again and confirms
    await page.get_by_role("button", name="Se déconnecter de tous les appareils").click()
    await page.get_by_role("button", name="Oui, tout déconnecter").click()

    # then this phone is at the sign-in screen, saying why
    await page.wait_for_url("**/login")
    await expect(page.get_by_role("button", name="Se connecter")).to_be_visible()
    await expect(page.get_by_text("Vous êtes déconnecté de tous vos appareils.")).to_be_visible()
    # and the other phone, untouched, is taken there too by the server closing its connection
    await other.page.wait_for_url("**/login", timeout=5_000)
    await expect(other.page.get_by_role("button", name="Sign in")).to_be_visible()
    await expect(other.page.get_by_text("This session was ended, from another device or by your manager.")).to_be_visible()
    # and neither is signed in any more
    for device in (phone, other):
        me = await device.page.evaluate(
            "async () => (await (await fetch('/graphql', {method: 'POST', headers: {'content-type': 'application/json'},"
            " body: JSON.stringify({query: '{ me { email } }'})})).json()).data.me"
        )
        assert me is None
    assert phone.console_errors == [] and other.console_errors == []
