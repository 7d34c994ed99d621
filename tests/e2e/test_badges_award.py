"""Recognition end to end in Chromium: a manager awards a badge to two sellers; both see it on
their profile and in the feed (one of them live, with the award animation); one downloads the
signed credential, which verifies with the organisation's key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.async_api import expect

from server.accounts.models import Role
from server.badges.credentials import verify
from server.badges.keys import organization_public_key
from server.network.scope import scope_of_user
from tests.badges.factories import make_badge
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, make_user

pytestmark = pytest.mark.e2e


async def open_my_profile(page) -> None:
    await page.get_by_role("button", name="Menu du profil").click()
    await page.get_by_role("link", name="Mon profil").click()
    await expect(page.get_by_test_id("profile")).to_be_visible()


async def test_a_manager_awards_a_badge_to_two_sellers_who_see_it_and_one_downloads_it(live_server, phones, tmp_path: Path):
    # given a regional manager, two sellers of its region and a badge of the catalogue
    network = await make_network()
    await make_badge(network, "Premier financement", emoji="💶", criteria="Signer son premier financement.")
    manager = await make_user(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    julie = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    karim = await make_user(network.points_of_sale["Arras"], name="Karim Benali")
    boss, julie_phone, karim_phone = await phones(), await phones(), await phones()
    await sign_in(boss.page, manager.email)
    await sign_in(julie_phone.page, julie.email)
    await expect(julie_phone.page.get_by_test_id("connection-status")).to_have_attribute("data-state", "connected")

    # when the manager opens the catalogue and the award flow
    page = boss.page
    await page.get_by_role("button", name="Menu du profil de Marc Delaunay").click()
    await page.get_by_role("link", name="Badges", exact=True).click()
    await expect(page.get_by_role("heading", name="Badges et labels")).to_be_visible()
    await page.get_by_test_id("award-badge-link").click()
    await page.get_by_role("radio", name="Premier financement").check()
    # picks the two sellers by name
    search = page.get_by_label("Rechercher une personne")
    await search.fill("Julie")
    await page.get_by_role("checkbox", name="Julie Moreau").check()
    await search.fill("Karim")
    await page.get_by_role("checkbox", name="Karim Benali").check()
    await expect(page.get_by_text("2 personnes choisies")).to_be_visible()
    await page.get_by_label("Raison").fill("Premiers dossiers de financement bouclés en une semaine")
    await page.get_by_role("button", name="Vérifier et attribuer").click()
    # and confirms
    dialog = page.get_by_role("dialog")
    await expect(dialog).to_contain_text("Attribuer « Premier financement » à 2 personnes ?")
    await expect(dialog).to_contain_text("Julie Moreau")
    await dialog.get_by_role("button", name="Confirmer").click()

    # then the manager is told, and lands on the wall of fame with both awards
    await expect(page.locator(".toast")).to_have_text("Badge attribué à 2 personnes.")
    latest = page.get_by_test_id("wall-latest")
    await expect(latest).to_contain_text("Julie Moreau")
    await expect(latest).to_contain_text("Karim Benali")
    # and narrowing the wall to Lille shows only Julie there
    await page.get_by_role("link", name="Lille Centre").click()
    await expect(page.locator(".wall-unit")).to_have_text("Lille Centre")
    await expect(page.get_by_test_id("wall-latest")).to_contain_text("Julie Moreau")
    await expect(page.get_by_test_id("wall-latest")).not_to_contain_text("Karim Benali")

    # and Julie, already in the app, sees the award animation live
    celebration = julie_phone.page.get_by_test_id("award-celebration")
    await expect(celebration).to_be_visible(timeout=10_000)
    await expect(celebration).to_contain_text("Vous recevez le badge « Premier financement »")
    await celebration.get_by_role("button", name="Voir mon profil").click()
    shelf = julie_phone.page.get_by_test_id("badge-shelf")
    await expect(shelf).to_contain_text("Premier financement")
    await expect(shelf).to_contain_text("Décerné par Marc Delaunay")

    # and Karim, opening the app later, finds it in the feed and on his profile
    await sign_in(karim_phone.page, karim.email)
    await expect(
        karim_phone.page.locator("article", has_text="Karim Benali reçoit le badge « Premier financement »")
    ).to_be_visible()
    await expect(karim_phone.page.locator("article", has_text="Julie Moreau reçoit le badge « Premier financement »")).to_be_visible()
    await open_my_profile(karim_phone.page)
    await expect(karim_phone.page.get_by_test_id("badge-shelf")).to_contain_text("Premier financement")

    # when Julie downloads her credential from her profile
    async with julie_phone.page.expect_download() as download_info:
        await shelf.get_by_test_id("download-credential").click()
    download = await download_info.value
    saved = tmp_path / download.suggested_filename
    await download.save_as(saved)

    # then it is her signed Open Badges 3.0 credential
    assert download.suggested_filename.startswith("badge-premier-financement-")
    credential = json.loads(saved.read_text())
    assert "OpenBadgeCredential" in credential["type"]
    assert credential["credentialSubject"]["achievement"]["name"] == "Premier financement"
    assert verify(credential, await organization_public_key(network.organization_id))
    for phone in (boss, julie_phone, karim_phone):
        assert phone.console_errors == []


async def test_head_office_adds_a_badge_with_an_image_to_the_catalogue(live_server, phones, tmp_path: Path):
    import io

    from PIL import Image

    from tests.badges.factories import head_office

    network = await make_network()
    admin = await head_office(network)
    picture = tmp_path / "client-ravi.png"
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (30, 120, 200)).save(buffer, format="PNG")
    picture.write_bytes(buffer.getvalue())
    phone = await phones()
    await sign_in(phone.page, admin.email)
    page = phone.page
    await page.goto("/badges")
    await page.get_by_role("button", name="Nouveau badge").click()
    await page.get_by_label("Nom").fill("Client ravi")
    await page.get_by_label("Image (JPEG, PNG ou WebP, 2 Mo au plus)").set_input_files(str(picture))
    await page.get_by_label("Catégorie").select_option("CUSTOMER_SATISFACTION")
    await page.get_by_label("Comment l’obtenir").fill("Une publication qui reçoit 10 « j'aime ».")
    await page.get_by_role("button", name="Créer").click()
    await expect(page.locator(".toast")).to_have_text("« Client ravi » est ajouté au catalogue.")
    card = page.locator("li.badge-card", has_text="Client ravi")
    await expect(card).to_contain_text("Satisfaction client")
    image = card.locator("img")
    src = await image.get_attribute("src")
    assert src and src.startswith("/badge-images/") and src.endswith(".png")
    await image.scroll_into_view_if_needed()
    assert await image.evaluate("img => img.decode().then(() => img.naturalWidth)") == 256
    # and head office retires it: it stays in its catalogue, marked retired
    await card.get_by_role("button", name="Retirer du catalogue").click()
    await card.get_by_role("button", name="Retirer", exact=True).click()
    await expect(page.locator(".toast")).to_have_text("« Client ravi » est retiré du catalogue.")
    await expect(page.locator("li.badge-card", has_text="Client ravi")).to_contain_text("Retiré")
    assert phone.console_errors == []


async def test_the_awarder_revokes_a_badge_from_the_profile_and_it_leaves_the_feed(live_server, phones):
    from server.badges.awarding import award_badge

    network = await make_network()
    badge = await make_badge(network, "Esprit d'équipe")
    manager = await make_user(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    julie = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    await award_badge(await scope_of_user(manager), badge.id, [julie.id], "Aide précieuse aux portes ouvertes")
    phone = await phones()
    await sign_in(phone.page, manager.email)
    page = phone.page
    await expect(page.locator("article", has_text="Julie Moreau reçoit le badge « Esprit d'équipe »")).to_be_visible()
    await page.goto(f"/people/{julie.id}")
    shelf = page.get_by_test_id("badge-shelf")
    await expect(shelf).to_contain_text("Esprit d'équipe")
    await shelf.get_by_role("button", name="Révoquer").click()
    await page.get_by_label("Pourquoi révoquer ce badge ?").fill("Attribué à la mauvaise personne")
    await page.get_by_role("button", name="Révoquer le badge").click()
    await expect(page.locator(".toast")).to_have_text("Le badge a été révoqué.")
    await expect(page.get_by_text("Pas encore de badge.")).to_be_visible()
    await page.goto("/")
    await expect(page.get_by_text("Aucune publication pour l’instant")).to_be_visible()
    assert await page.locator("article", has_text="reçoit le badge « Esprit d'équipe »").count() == 0
    assert phone.console_errors == []


async def test_head_office_adds_a_rule_and_past_earners_receive_the_badge_quietly(live_server, phones):
    from server.feed.models import Post, PostKind
    from server.notifications.models import Notification
    from tests.badges.factories import head_office

    network = await make_network()
    admin = await head_office(network)
    await make_badge(network, "Client ravi", emoji="😍", repeatable=True)
    author = await make_user(network.points_of_sale["Lille"], name="Léa Garnier")
    await Post.create(organization_id=network.organization_id, author=author, unit_id=author.unit_id,
                      kind=PostKind.WIN, body="Une cliente ravie", like_count=12)
    phone = await phones()
    await sign_in(phone.page, admin.email)
    page = phone.page
    await page.goto("/badges")
    rules = page.get_by_role("region", name="Règles automatiques")
    await rules.get_by_label("Badge").select_option(label="Client ravi")
    await rules.get_by_label("Quand").select_option("LIKES_ON_POST")
    await rules.get_by_label("Seuil").fill("10")
    await rules.get_by_role("button", name="Ajouter la règle").click()
    await expect(page.locator(".toast")).to_have_text("Règle ajoutée : 1 personne a reçu le badge.")
    await expect(rules).to_contain_text("Client ravi · Une publication atteint N « j’aime » (Seuil 10)")
    assert await Notification.filter(user_id=author.id).count() == 1
    assert await Post.filter(author_id=author.id, kind=PostKind.SYSTEM).count() == 0
    assert phone.console_errors == []
