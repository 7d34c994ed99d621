"""A challenge read once opens again without a network: the last known board, with its time."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import expect

from tests.challenges.given import arena, live_challenge, sell
from tests.e2e.test_feed_slice import sign_in

pytestmark = pytest.mark.e2e

SHELL_CACHED = "navigator.serviceWorker.ready.then(() => true)"


async def test_a_challenge_read_once_opens_offline_as_last_known_with_its_time(live_server, phones):
    # given Julie, second of two, who read her challenge online (the app's shell cached by its worker)
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    challenge = await live_challenge(found, name="Challenge d’hiver")
    await sell(found, found.sellers[1], 3)
    phone = await phones()
    await sign_in(phone.page, found.sellers[0].email)
    await phone.page.goto(f"/challenges/{challenge.id}")
    heading = phone.page.get_by_role("heading", name="Challenge d’hiver")
    await expect(heading).to_be_visible()
    await expect(phone.page.get_by_test_id("my-rank")).to_have_text("Vous êtes 2e sur 2")
    await expect(phone.page.get_by_test_id("last-known")).to_have_count(0)
    assert await phone.page.evaluate(SHELL_CACHED)

    # when she opens it again with no network
    await phone.context.set_offline(True)
    await phone.page.reload()

    # then she reads her standing as it was, told it is the last known and when it was read
    await expect(heading).to_be_visible()
    await expect(phone.page.get_by_test_id("last-known")).to_contain_text("Hors ligne : dernières données connues")
    await expect(phone.page.get_by_test_id("my-rank")).to_have_text("Vous êtes 2e sur 2")

    # while the challenges list, never opened on this phone, says the server cannot be reached
    await phone.page.get_by_role("link", name="Challenges").click()
    await expect(phone.page.get_by_text("Connexion au serveur impossible")).to_be_visible()


async def test_challenges_my_standing_and_my_results_read_once_open_offline_with_their_time(live_server, phones):
    # given Julie, second of two with a target, who read the challenges list, her challenge and
    # « Mes résultats » online
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    challenge = await live_challenge(found, name="Challenge d’hiver")
    await sell(found, found.sellers[0], 2)
    await sell(found, found.sellers[1], 3)
    phone = await phones()
    page = phone.page
    await sign_in(page, found.sellers[0].email)
    await page.goto("/challenges")
    await expect(page.get_by_test_id("card-name")).to_have_text("Challenge d’hiver")
    await expect(page.get_by_test_id("card-rank")).to_contain_text("2e")
    await page.goto(f"/challenges/{challenge.id}")
    await expect(page.get_by_test_id("my-rank")).to_have_text("Vous êtes 2e sur 2")
    await page.goto("/resultats")
    await expect(page.get_by_test_id("my-standings")).to_contain_text("Challenge d’hiver")
    await expect(page.get_by_test_id("my-results")).to_contain_text("Véhicules neufs vendus")
    await expect(page.get_by_test_id("last-known")).to_have_count(0)
    assert await page.evaluate(SHELL_CACHED)

    # when she opens each of them again, the phone without a network
    await phone.context.set_offline(True)
    for path in ("/challenges", f"/challenges/{challenge.id}", "/resultats"):
        await page.goto(path)

        # then each shows what it last showed, told it is the last known and when it was read
        await expect(page.get_by_test_id("last-known")).to_contain_text("Hors ligne : dernières données connues")
        await expect(page.get_by_test_id("last-known")).to_have_text(re.compile(r"connues, \w.*\.$"))
        await expect(page.get_by_text("Connexion au serveur impossible")).to_have_count(0)
        if path == "/challenges":
            await expect(page.get_by_test_id("card-rank")).to_contain_text("2e")
        elif path == "/resultats":
            await expect(page.get_by_test_id("my-standings")).to_contain_text("Challenge d’hiver")
            await expect(page.get_by_test_id("my-results")).to_contain_text("Véhicules neufs vendus")
        else:
            await expect(page.get_by_test_id("my-rank")).to_have_text("Vous êtes 2e sur 2")
