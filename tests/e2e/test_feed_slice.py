"""The foundation's live slice on two phones: one seller posts a win, a colleague sees it
appear without reloading and likes it; both see the count change."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from server.accounts.models import Role
from server.feed.models import PostKind
from server.feed.services import create_post
from server.network.scope import scope_of_user
from tests.factories import PASSWORD, make_network, make_user

pytestmark = pytest.mark.e2e


async def sign_in(page, email: str) -> None:
    await page.goto("/")
    await page.wait_for_url("**/login")
    await page.get_by_label("Adresse e-mail").fill(email)
    await page.get_by_label("Mot de passe").fill(PASSWORD)
    await page.get_by_role("button", name="Se connecter").click()
    await page.wait_for_url(lambda url: not url.endswith("/login"))


async def test_a_win_appears_live_on_a_colleagues_phone_and_is_liked(live_server, phones):
    # given two sellers of the same network, each signed in on a phone
    network = await make_network()
    author = await make_user(network.points_of_sale["Lille"], name="Camille Durand")
    colleague = await make_user(network.points_of_sale["Arras"], name="Hugo Lefèvre")
    manager = await make_user(network.regions["Nord"], Role.MANAGER, name="Marc Delaunay")
    await create_post(await scope_of_user(manager), PostKind.ANNOUNCEMENT, "Le challenge de novembre commence lundi.")
    camille, hugo = await phones(), await phones()
    await sign_in(camille.page, author.email)
    await sign_in(hugo.page, colleague.email)
    await expect(hugo.page.get_by_test_id("connection-status")).to_have_attribute("data-state", "connected")

    # when Camille posts a win
    await camille.page.get_by_role("button", name="Publier", exact=True).click()
    await camille.page.get_by_label("Votre message").fill("Trois e-City livrées ce matin !")
    await camille.page.get_by_role("dialog").get_by_role("button", name="Publier").click()
    await expect(camille.page.locator("article", has_text="Trois e-City livrées ce matin !")).to_be_visible()

    # then Hugo sees it arrive without reloading, announced by the banner
    banner = hugo.page.get_by_test_id("new-posts-banner")
    await expect(banner).to_be_visible(timeout=10_000)
    await expect(banner).to_have_text("1 nouvelle publication")
    await banner.click()
    card = hugo.page.locator("article", has_text="Trois e-City livrées ce matin !")
    await expect(card).to_be_visible()

    # when Hugo likes it
    await card.get_by_test_id("like-button").click()

    # then both phones show one like
    await expect(card.get_by_test_id("like-count")).to_have_text("1")
    camille_card = camille.page.locator("article", has_text="Trois e-City livrées ce matin !")
    await expect(camille_card.get_by_test_id("like-count")).to_have_text("1", timeout=10_000)
    await expect(card.get_by_test_id("like-button")).to_have_attribute("aria-pressed", "true")

    # and nothing went wrong in either page
    assert camille.console_errors == [] and hugo.console_errors == []


async def test_the_app_is_installable_and_its_service_worker_registers(live_server, phones):
    phone = await phones()
    await phone.page.goto("/login")
    manifest_href = await phone.page.locator('link[rel="manifest"]').get_attribute("href")
    manifest = await (await phone.page.request.get(manifest_href)).json()
    assert manifest["name"] == "Élan" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any("maskable" in icon.get("purpose", "") for icon in manifest["icons"])
    registered = await phone.page.evaluate(
        "async () => { const r = await navigator.serviceWorker.ready; return !!r.active; }"
    )
    assert registered
    assert phone.console_errors == []


async def test_the_interface_speaks_english_when_the_browser_prefers_it(live_server, phones):
    phone = await phones(locale="en-GB")
    await phone.page.goto("/login")
    await expect(phone.page.get_by_role("button", name="Sign in")).to_be_visible()
