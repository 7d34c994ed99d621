"""Privacy in the browser, at 360×740: a seller downloads « Mes données » and hides from the
boards from « Confidentialité »; head office reads the works-council register, sets a retention
period, and erases a seller who left from « Personnes »."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime

import pytest
from playwright.async_api import expect

from server.accounts.models import Role, User
from server.challenges.models import LeaderboardPrivacy
from server.privacy.models import PrivacyPolicy
from server.privacy.pseudonym import marker_of, pseudonym_of
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, make_user

pytestmark = pytest.mark.e2e

# what a phone screen must hold: nothing wider than the screen, every control at least 44 px
LAYOUT = """() => {
  const wide = document.documentElement.scrollWidth > window.innerWidth + 1;
  const small = [...document.querySelectorAll('main button, main a[href], main input, main select')]
    .filter((el) => el.offsetParent !== null && el.type !== 'checkbox' && el.type !== 'radio')
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width < 44 || r.height < 44).length;
  return { wide, small };
}"""


async def open_menu_link(page, name: str, link: str) -> None:
    await page.get_by_role("button", name=f"Menu du profil de {name}").click()
    await page.get_by_role("link", name=link).click()


async def test_a_seller_downloads_her_data_and_hides_from_the_boards(live_server, phones):
    # given a seller signed in on her phone
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    phone = await phones()
    page = phone.page
    await sign_in(page, seller.email)

    # when she opens « Confidentialité » from the profile menu
    await open_menu_link(page, "Julie Moreau", "Confidentialité")
    await page.wait_for_url("**/settings/privacy")
    await expect(page.get_by_role("heading", name="Confidentialité", level=1)).to_be_visible()
    assert await page.evaluate(LAYOUT) == {"wide": False, "small": 0}

    # and asks for her data, then downloads the file
    await page.get_by_role("button", name="Télécharger mes données").click()
    link = page.get_by_role("link", name="Télécharger le fichier")
    await expect(link).to_be_visible()
    async with page.expect_download() as waiting:
        await link.click()
    download = await waiting.value
    document = json.loads(zipfile.ZipFile(io.BytesIO(open(await download.path(), "rb").read())).read("donnees.json"))
    # then the zip holds her profile
    assert document["person"]["displayName"] == "Julie Moreau"

    # when she hides from the leaderboards and the TV screen
    await page.get_by_role("switch", name="Me masquer des classements et de l'écran TV").check()
    await expect(page.get_by_role("status").filter(has_text="enregistr")).to_be_visible()
    # then it is saved where the boards read it
    assert await LeaderboardPrivacy.filter(user_id=seller.id, hidden=True).exists()
    assert phone.console_errors == []


async def test_head_office_keeps_the_register_and_erases_a_seller_who_left(live_server, phones):
    # given head office and a seller who left
    network = await make_network()
    admin = await make_user(network.root, Role.ADMIN, "Isabelle Marchand")
    gone = await make_user(network.points_of_sale["Lille"], name="Paul Lefèvre")
    await User.filter(id=gone.id).update(deactivated_at=datetime.now(UTC))
    phone = await phones()
    page = phone.page
    await sign_in(page, admin.email)

    # when head office opens its personal-data page
    await open_menu_link(page, "Isabelle Marchand", "Données personnelles (siège)")
    await page.wait_for_url("**/admin/privacy")
    # then the register for the works council says what, why, who sees it and how long
    await expect(page.get_by_role("heading", name="Registre pour le CSE")).to_be_visible()
    await expect(page.get_by_role("heading", name="Notifications reçues")).to_be_visible()
    assert await page.evaluate(LAYOUT) == {"wide": False, "small": 0}

    # when it keeps notifications 90 days
    await page.get_by_label("Notifications", exact=True).fill("90")
    await page.get_by_role("button", name="Enregistrer").click()
    await expect(page.get_by_text("90 jours").first).to_be_visible()
    assert (await PrivacyPolicy.get(organization_id=network.organization_id)).notifications_days == 90

    # when it erases the seller who left, from « Personnes »
    await page.goto("/admin/people")
    edit = page.get_by_role("button", name="Modifier Paul Lefèvre")
    await expect(edit).to_be_visible()
    await edit.click()
    erase = page.get_by_role("button", name="Effacer ses données personnelles")
    await expect(erase).to_be_visible()
    await erase.click()
    await page.get_by_role("button", name="Oui, effacer").click()
    # then he is shown as a former colleague
    await expect(page.get_by_text("Ancien collaborateur").first).to_be_visible()
    erased = await User.get(id=gone.id)
    # (stored without language, read « Ancien collaborateur » in French: server.privacy.pseudonym)
    assert erased.erased_at is not None and erased.display_name == marker_of(gone.id)
    await expect(page.get_by_text(pseudonym_of(gone.id, "fr")).first).to_be_visible()
    assert phone.console_errors == []


async def test_the_privacy_screen_speaks_english(live_server, phones):
    # given a seller whose browser prefers English
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    phone = await phones("en-GB")
    page = phone.page
    await page.goto("/")
    await page.wait_for_url("**/login")
    await page.get_by_label("Email").fill(seller.email)
    await page.get_by_label("Password").fill("correct-horse-battery")
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(lambda url: not url.endswith("/login"))
    # when she opens the privacy screen
    await page.goto("/settings/privacy")
    # then it is in English, and fits
    await expect(page.get_by_role("heading", name="Privacy", level=1)).to_be_visible()
    await expect(page.get_by_role("button", name="Download my data")).to_be_visible()
    assert await page.evaluate(LAYOUT) == {"wide": False, "small": 0}
    assert phone.console_errors == []
