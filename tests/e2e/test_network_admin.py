"""Head office runs its network in the browser at 360×740: the tree from the profile menu, a
point of sale added, moved under another region and closed; the change log, narrowed."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from server.accounts.models import Role
from server.accounts.people import update_person
from server.audit.models import AuditEntry
from server.network.models import Unit
from server.network.scope import scope_of_user
from tests.e2e.screen_checks import screen_problems
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, make_user

pytestmark = pytest.mark.e2e


async def test_an_admin_adds_moves_and_closes_a_point_of_sale(live_server, phones):
    # given head office's admin
    network = await make_network()
    admin = await make_user(network.root, Role.ADMIN, "Isabelle Marchand")
    phone = await phones()
    page = phone.page
    await sign_in(page, admin.email)

    # when she opens « Réseau » from the profile menu
    await page.get_by_role("button", name="Menu du profil de Isabelle Marchand").click()
    await page.get_by_role("link", name="Réseau").click()
    await page.wait_for_url("**/admin/network")
    tree = page.get_by_role("list", name="Arborescence du réseau")
    await expect(tree).to_contain_text("Lille Centre")
    assert await screen_problems(page) == []

    # and adds a point of sale under Nord
    await page.get_by_role("button", name="Ajouter une unité").click()
    sheet = page.get_by_role("dialog", name="Nouvelle unité")
    await sheet.get_by_label("Sous").select_option(label="Nord")
    await sheet.get_by_label("Niveau").select_option(label="Point de vente")
    await sheet.get_by_label("Nom").fill("Douai Gare")
    await sheet.get_by_label("Ville").fill("Douai")
    await sheet.get_by_label("Code externe (ERP)").fill("PDV-DOUAI")
    assert await screen_problems(page) == []
    await sheet.get_by_role("button", name="Ajouter", exact=True).click()
    # then it is in the tree with its code
    await expect(page.get_by_text("« Douai Gare » ajouté.")).to_be_visible()
    await expect(tree.get_by_role("listitem").filter(has_text="Douai Gare")).to_contain_text("Point de vente · PDV-DOUAI · Douai · 0 personne")

    # when she moves it under Sud-Ouest
    await page.get_by_role("button", name="Modifier Douai Gare").click()
    sheet = page.get_by_role("dialog", name="Douai Gare")
    await sheet.get_by_label("Déplacer sous").select_option(label="Sud-Ouest")
    await sheet.get_by_role("button", name="Déplacer", exact=True).click()
    await expect(page.get_by_text("« Douai Gare » est maintenant sous « Sud-Ouest ».")).to_be_visible()
    douai = await Unit.get(organization_id=network.organization_id, external_code="PDV-DOUAI")
    assert douai.path.startswith(network.regions["Sud-Ouest"].path)

    # and closes it, confirming
    await page.get_by_role("button", name="Modifier Douai Gare").click()
    sheet = page.get_by_role("dialog", name="Douai Gare")
    await sheet.get_by_role("button", name="Fermer cette unité").click()
    confirm = sheet.get_by_role("alertdialog", name="Fermer « Douai Gare » ?")
    await expect(confirm).to_contain_text("Elle garde son historique")
    assert await screen_problems(page) == []
    await confirm.get_by_role("button", name="Oui, fermer").click()
    # then it shows as closed, and leaves the tree when closed units are hidden
    await expect(page.get_by_text("« Douai Gare » est fermé.")).to_be_visible()
    await expect(tree.get_by_role("listitem").filter(has_text="Douai Gare")).to_contain_text("Fermé")
    await page.get_by_label("Afficher les unités fermées").uncheck()
    await expect(tree).not_to_contain_text("Douai Gare")
    assert phone.console_errors == []


async def test_head_office_reads_the_change_log_and_narrows_it(live_server, phones):
    # given an admin who made a seller a manager, and a challenge published earlier
    network = await make_network()
    admin = await make_user(network.root, Role.ADMIN, "Isabelle Marchand")
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    scope = await scope_of_user(admin)
    await update_person(scope, seller.id, role=Role.MANAGER)
    await AuditEntry.create(organization_id=network.organization_id, actor_id=admin.id, action="challenge.published",
                            detail={"challenge_id": 3, "name": "Printemps VO", "status": "LIVE"})
    phone = await phones()
    page = phone.page
    await sign_in(page, admin.email)

    # when she opens « Journal des modifications » from the profile menu
    await page.get_by_role("button", name="Menu du profil de Isabelle Marchand").click()
    await page.get_by_role("link", name="Journal des modifications").click()
    await page.wait_for_url("**/admin/audit")
    changes = page.get_by_role("list", name="Modifications")
    # then she reads who changed what, before → after
    julie = changes.get_by_role("listitem").filter(has_text="Julie Moreau")
    await expect(julie).to_contain_text("Personne modifiée · Julie Moreau")
    await expect(julie).to_contain_text("Rôle : Membre de l’équipe → Manager")
    await expect(changes.get_by_role("listitem").filter(has_text="Printemps VO")).to_contain_text("Challenge publié")
    assert await screen_problems(page) == []

    # when she keeps only the changes about people
    await page.get_by_label("Type de modification").select_option(label="Personnes et invitations")
    # then the challenge is gone
    await expect(changes).not_to_contain_text("Printemps VO")
    await expect(changes).to_contain_text("Julie Moreau")
    assert phone.console_errors == []
