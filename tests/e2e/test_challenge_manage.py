"""Managing a challenge after the wizard, on two phones: the manager edits a draft (a qualitative
criterion, only the top 2 named), publishes it; a seller sees it live with the leaders and her
neighbours by name only; the manager closes it early (final ranking frozen, winners in the feed)
and reads a correction and its reason in the result audit."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import expect

from tests.challenges.given import arena, live_challenge, sell
from tests.e2e.test_feed_slice import sign_in

pytestmark = pytest.mark.e2e

NAMES = ["Julie Moreau", "Thomas Petit", "Camille Roux", "Léa Garnier", "Hugo Lefèvre", "Chloé Girard",
         "Nathan Bonnet", "Manon Mercier"]


def row(page, rank: int):
    return page.locator(f"[data-testid=board-row][data-rank='{rank}']")


async def test_a_manager_edits_publishes_and_closes_a_challenge_then_reads_the_audit(live_server, phones):
    # given a draft challenge of Nord's manager, and sales recorded while it is still a draft
    found = await arena(sellers=8, names=NAMES)
    draft = await live_challenge(found, draft=True, name="Challenge de printemps")
    for seller, sold in zip(found.sellers, [5, 9, 8, 7, 6, 4, 3, 2], strict=True):
        await sell(found, seller, sold)
    manager, seller = await phones(), await phones()
    page = manager.page
    await sign_in(page, found.manager.email)

    # when the manager opens the draft from the challenges list
    await page.goto("/challenges")
    await page.get_by_role("link", name=re.compile("Challenge de printemps")).click()
    await page.get_by_test_id("manage-challenge").click()
    await expect(page.get_by_test_id("challenge-status")).to_have_text("Brouillon")

    # and adds a qualitative criterion and names only the top 2
    await page.get_by_test_id("add-criterion").click()
    criterion = page.get_by_test_id("criterion")
    await criterion.get_by_label("Critère").select_option(label="Satisfaction client")
    await criterion.get_by_label("Poids").fill("0.5")
    await page.get_by_label("Seulement les premiers, plus les participants autour de moi").check()
    await page.get_by_test_id("challenge-top-n").fill("0")
    await page.get_by_role("button", name="Enregistrer les règles").click()
    # then a bad number of leaders is caught next to its field
    await expect(page.get_by_test_id("error-topN")).to_have_text("Indiquez un nombre entier de 1 à 100.")
    await page.get_by_test_id("challenge-top-n").fill("2")
    await page.get_by_role("button", name="Enregistrer les règles").click()
    await expect(page.get_by_text("Règles enregistrées.")).to_be_visible()

    # when he publishes it: its period has begun, so it goes live at once
    await expect(page.get_by_test_id("publish-outcome")).to_contain_text("en cours tout de suite")
    await page.get_by_role("button", name="Publier maintenant").click()
    await expect(page.get_by_text("Challenge publié : il est en cours.")).to_be_visible()
    await page.wait_for_url(f"**/challenges/{draft.id}")

    # then Julie, 5th, sees it live: the top 2 and her neighbours by name, no one else
    await sign_in(seller.page, found.sellers[0].email)
    await seller.page.goto(f"/challenges/{draft.id}")
    await expect(seller.page.get_by_role("heading", name="Challenge de printemps")).to_be_visible()
    await expect(seller.page.get_by_test_id("my-rank")).to_have_text("Vous êtes 5e sur 8")
    await expect(seller.page.get_by_text("Seuls les 2 premiers sont affichés par leur nom")).to_be_visible()
    shown = {1: "Thomas Petit", 2: "Camille Roux", 3: "Léa Garnier", 4: "Hugo Lefèvre", 5: "Moi",
             6: "Chloé Girard", 7: "Nathan Bonnet", 8: "Participant masqué"}
    for rank, name in shown.items():
        await expect(row(seller.page, rank)).to_contain_text(name)
    await expect(seller.page.get_by_text("Manon Mercier")).to_have_count(0)
    await expect(seller.page.get_by_text("Formations suivies")).to_have_count(0)
    await expect(seller.page.get_by_text("Satisfaction client")).to_be_visible()  # in how her score is computed
    await expect(seller.page.get_by_test_id("manage-challenge")).to_have_count(0)

    # when the manager comes back to manage it: its rules are frozen, and he closes it early
    await page.get_by_test_id("manage-challenge").click()
    await expect(page.get_by_test_id("rules-frozen")).to_contain_text("ses règles sont figées")
    await expect(page.get_by_test_id("rules-summary")).to_contain_text("Satisfaction client (poids 0,5)")
    await expect(page.get_by_role("textbox", name="Nom", exact=True)).to_have_count(0)
    await page.get_by_role("button", name="Clôturer maintenant…").click()
    confirm = page.get_by_role("alertdialog")
    await expect(confirm).to_contain_text("Le classement final sera figé")
    await expect(confirm).to_contain_text("Les gagnants seront annoncés dans le fil d’actualité")
    await confirm.get_by_role("button", name="Oui, clôturer et annoncer les gagnants").click()

    # then the final ranking is shown frozen, on his phone and on Julie's
    await page.wait_for_url(f"**/challenges/{draft.id}")
    await expect(page.get_by_test_id("final-ranking")).to_contain_text("classement final figé")
    await expect(page.get_by_test_id("challenge-status")).to_have_text("Clôturé")
    await expect(row(page, 1)).to_contain_text("Thomas Petit")
    await seller.page.reload()
    await expect(seller.page.get_by_test_id("final-ranking")).to_be_visible()
    await expect(seller.page.get_by_text("Classement final, figé à la clôture.")).to_be_visible()
    await expect(seller.page.get_by_test_id("my-rank")).to_have_text("Vous êtes 5e sur 8")
    # and the winners are announced in the feed, naming only the top 2 as the challenge does
    await seller.page.goto("/")
    await expect(seller.page.get_by_text(re.compile(
        # « … » and « ! » keep their no-break spaces (lib/i18n.ts keepTogether)
        r"Challenge «\sChallenge de printemps\s» terminé\s! Podium\s: 1er Thomas Petit, 2e Camille Roux, 3e Un participant"))
    ).to_be_visible()

    # when the manager corrects one of Julie's sales, with its reason, then opens the audit
    await page.goto("/challenges/manage")
    await page.get_by_test_id("result-person").select_option(label="Julie Moreau · Lille Centre")
    await page.get_by_test_id("result-value").fill("-1")
    await page.get_by_label("Motif (obligatoire pour une correction négative)").fill("Vente annulée : financement refusé")
    await page.get_by_test_id("result-submit").click()
    await expect(page.get_by_text("Résultat enregistré.")).to_be_visible()
    await page.get_by_test_id("open-audit").click()
    await expect(page.get_by_role("heading", name="Journal des résultats")).to_be_visible()
    await page.get_by_test_id("audit-corrections").check()
    # then he sees the correction: who, what, why
    entries = page.get_by_test_id("audit-entry")
    await expect(entries).to_have_count(1)
    await expect(entries.first).to_contain_text("Julie Moreau")
    await expect(entries.first).to_contain_text("−1 véh.")
    await expect(entries.first).to_contain_text("Correction")
    await expect(entries.first).to_contain_text("Motif : Vente annulée : financement refusé")
    await expect(entries.first).to_contain_text("Saisi par Marc Delaunay")
    # and without the filter, the sales recorded before
    await page.get_by_test_id("audit-corrections").uncheck()
    await expect(entries).to_have_count(9)
    assert not manager.console_errors, manager.console_errors
    assert not seller.console_errors, seller.console_errors


async def test_the_wizard_sets_qualitative_criteria_and_top_n_privacy(live_server, phones):
    # given Nord's manager on the wizard
    found = await arena(sellers=2)
    manager = await phones()
    page = manager.page
    await sign_in(page, found.manager.email)
    await page.goto("/challenges/new")
    # when he goes on without a name, he is told so next to it
    await page.get_by_role("button", name="Suivant").click()
    await expect(page.get_by_test_id("error-name")).to_have_text("Donnez un nom au challenge (2 à 120 caractères).")
    await page.get_by_label("Nom").fill("Challenge formation et ventes")
    await page.get_by_role("button", name="Suivant").click()
    # and he weighs the sales, and a customer-satisfaction criterion
    await page.get_by_test_id(f"weight-{found.metric.id}").fill("2")
    await page.get_by_test_id("add-criterion").click()
    await page.get_by_test_id("criterion").get_by_label("Critère").select_option(label="Satisfaction client")
    await page.get_by_role("button", name="Suivant").click()
    # and names only the top 3, then keeps it as a draft
    await page.get_by_label("Seulement les premiers, plus les participants autour de moi").check()
    await page.get_by_test_id("challenge-top-n").fill("3")
    await page.get_by_role("button", name="Enregistrer comme brouillon").click()
    # then its management page opens on the draft, with what he chose
    await expect(page.get_by_text("Brouillon enregistré : relisez-le, puis publiez-le.")).to_be_visible()
    await expect(page.get_by_test_id("challenge-status")).to_have_text("Brouillon")
    await expect(page.get_by_role("textbox", name="Nom", exact=True)).to_have_value("Challenge formation et ventes")
    await expect(page.get_by_test_id("criterion").get_by_label("Critère")).to_have_value("SATISFACTION")
    await expect(page.get_by_test_id("challenge-top-n")).to_have_value("3")
    assert not manager.console_errors, manager.console_errors


async def test_rules_that_froze_meanwhile_are_refused_in_the_managers_words(live_server, phones):
    # given a draft open in its manager's edit form
    from server.challenges.lifecycle import publish_challenge
    from server.network.scope import scope_of_user

    found = await arena(sellers=2)
    draft = await live_challenge(found, draft=True, name="Challenge d'été")
    manager = await phones()
    page = manager.page
    await sign_in(page, found.manager.email)
    await page.goto(f"/challenges/{draft.id}/edit")
    await expect(page.get_by_test_id("challenge-status")).to_have_text("Brouillon")
    # when it is published from elsewhere, then he saves a new name
    await publish_challenge(await scope_of_user(found.manager), draft.id)
    await page.get_by_role("textbox", name="Nom", exact=True).fill("Challenge d'été (bis)")
    await page.get_by_role("button", name="Enregistrer les règles").click()
    # then the form says why, in the catalogue's words, and nothing changed
    await expect(page.get_by_role("alert")).to_have_text(
        "Le challenge est en cours : ses règles sont figées, seule sa description peut encore changer.")
    from server.challenges.models import Challenge

    assert (await Challenge.get(id=draft.id)).name == "Challenge d'été"
