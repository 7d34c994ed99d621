"""Content authoring at 360×740 in French: a manager writes a module and its quiz, previews it and
publishes it to his point of sale, where a seller follows it; head office writes a skills grid
and assesses someone with it; a manager duplicates last month's challenge and deletes a draft."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.async_api import expect

from server.accounts.models import Role
from server.accounts.services import open_session
from server.badges.models import Award, Badge, BadgeKind
from server.challenges.lifecycle import close_challenge
from server.challenges.models import Challenge, ChallengeStatus, Metric
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, make_user
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.e2e
PARIS = ZoneInfo("Europe/Paris")
CREATE_CHALLENGE = """
mutation CreateChallenge($input: CreateChallengeInput!) {
  createChallenge(input: $input) { __typename ... on ChallengeSuccess { challenge { id } } }
}
"""


async def open_authoring(page) -> None:  # type: ignore[no-untyped-def]
    """Through the profile menu, as a person would."""
    await page.get_by_role("button", name="Menu du profil", exact=False).click()
    await page.get_by_role("link", name="Contenus").click()
    await expect(page.get_by_role("heading", name="Contenus", exact=True)).to_be_visible()


async def test_a_manager_writes_previews_and_publishes_a_module_that_a_seller_follows(live_server, phones):
    # given the manager of Lille and a seller of Lille, each on a phone
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    manager = await make_user(lille, Role.MANAGER, name="Marc Lefèvre")
    seller = await make_user(lille, name="Julie Moreau")
    marc, julie = await phones(), await phones()
    await sign_in(marc.page, manager.email)
    await sign_in(julie.page, seller.email)
    page = marc.page

    # when he writes a module with two sections, a video in the first, for Lille's sellers
    await open_authoring(page)
    await page.get_by_role("link", name="Nouvelle formation").click()
    await page.get_by_label("Titre", exact=True).fill("Accueil client")
    await page.get_by_label("Résumé").fill("Les 5 premières minutes")
    await page.get_by_label("Durée (minutes)").fill("20")
    first = page.get_by_role("group", name="Section 1")
    await first.get_by_label("Titre de la section").fill("Un regard")
    await first.get_by_label("Texte").fill("## Saluer\nSaluez **dans les 30 secondes**.")
    await first.get_by_label("Lien de la vidéo").fill("https://youtu.be/dQw4w9WgXcQ")
    await page.get_by_role("button", name="Ajouter une section").click()
    second = page.get_by_role("group", name="Section 2")
    await second.get_by_label("Titre de la section").fill("Écouter")
    await second.get_by_label("Texte").fill("- L'usage\n- Le calendrier")
    await page.get_by_label("Lille Centre").check()
    await page.get_by_label("Rôle").select_option(label="Les vendeurs")
    await page.get_by_label("À terminer avant le").fill((date.today() + timedelta(days=14)).isoformat())
    await page.get_by_role("button", name="Enregistrer le brouillon").click()

    # then it is a draft, which the seller does not see
    await expect(page).to_have_url(re.compile(r"/contenus/formations/\d+$"))
    await expect(page.get_by_test_id("module-publication")).to_have_text("Brouillon")
    await julie.page.goto("/apprendre")
    await expect(julie.page.get_by_text("Aucune formation ne vous est assignée pour l’instant.")).to_be_visible()

    # when he adds its quiz: one question, « 30 secondes » right, with its explanation
    await page.get_by_role("button", name="Ajouter un quiz").click()
    question = page.get_by_role("group", name="Question 1")
    await question.get_by_label("Question", exact=True).fill("Dans quel délai saluer un client ?")
    await question.get_by_label("Réponse 1", exact=True).fill("30 secondes")
    await question.get_by_label("Réponse 2", exact=True).fill("5 minutes")
    await question.get_by_label("Explication (montrée avec la correction)").fill("Le client sait qu'il est vu.")
    await page.get_by_role("button", name="Enregistrer le quiz").click()
    await expect(page.get_by_text("Quiz enregistré.").first).to_be_visible()
    await expect(page.get_by_role("group", name="Question 1").get_by_label("La réponse 1 est juste")).to_be_checked()

    # and previews the module: as the seller will read it, the video in its player
    await page.get_by_role("button", name="Aperçu").click()
    await expect(page.get_by_role("note")).to_contain_text("Aperçu")
    await expect(page.get_by_role("heading", name="Un regard")).to_be_visible()
    await expect(page.locator(".training-text strong")).to_have_text("dans les 30 secondes")
    await expect(page.locator(".module-video iframe")).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    await page.get_by_role("button", name="Section suivante").click()
    await expect(page.get_by_test_id("section-position")).to_have_text("Section 2 sur 2")
    await expect(page.get_by_text("La formation se termine par son quiz.")).to_be_visible()

    # and publishes it
    await page.get_by_role("link", name="‹ Retour à la formation").click()
    await page.get_by_role("main").get_by_role("button", name="Publier", exact=True).click()
    await expect(page.get_by_test_id("module-publication")).to_have_text("Publiée")

    # then the seller finds it, reads it and passes its quiz, which completes it
    await julie.page.reload()
    card = julie.page.get_by_role("link", name="Accueil client")
    await expect(card.get_by_test_id("training-status")).to_have_text("À commencer")
    await card.click()
    await expect(julie.page.get_by_role("heading", name="Un regard")).to_be_visible()
    await julie.page.get_by_role("button", name="Section suivante").click()
    await julie.page.get_by_role("button", name="Passer le quiz").click()
    await julie.page.get_by_label("30 secondes").check()
    await julie.page.get_by_role("button", name="Valider mes réponses").click()
    await expect(julie.page.get_by_test_id("quiz-score")).to_have_text("100 %")
    await expect(julie.page.get_by_test_id("quiz-result")).to_contain_text("La formation est terminée.")
    await expect(julie.page.get_by_text("Le client sait qu'il est vu.")).to_be_visible()

    # and the author's quiz, now taken, keeps its answers: only its words may change
    await page.reload()
    await expect(page.get_by_role("note").filter(has_text="déjà été passé une fois")).to_be_visible()
    await expect(page.get_by_label("Seuil de réussite (%)")).to_be_disabled()
    assert marc.console_errors == [] and julie.console_errors == []


async def test_head_office_writes_a_skills_grid_and_assesses_a_seller_with_it(live_server, phones):
    # given head office, its « Conseiller financement certifié » label, and a seller of Lille
    network = await make_network()
    admin = await make_user(network.root, Role.ADMIN, name="Claire Martin")
    julie = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    await Badge.create(
        organization_id=network.organization_id, kind=BadgeKind.LABEL, name="Conseiller financement certifié",
        levels=["Bronze", "Argent", "Or"],
    )
    claire = await phones()
    await sign_in(claire.page, admin.email)
    page = claire.page

    # when she writes a grid of two skills, each with its four levels, granting the label
    await open_authoring(page)
    await page.get_by_role("link", name="Grilles de compétences").click()
    await page.get_by_role("button", name="Nouvelle grille").click()
    await page.get_by_label("Métier").fill("Conseiller financement")
    await page.get_by_label("Label obtenu après une évaluation réussie").select_option(label="Conseiller financement certifié")
    levels = ["Découvre", "Applique avec aide", "Maîtrise", "Transmet"]
    for index, skill in enumerate(["Présenter la LOA", "Conclure"]):
        if index:
            await page.get_by_role("button", name="Ajouter une compétence").click()
        group = page.get_by_role("group", name=f"Compétence {index + 1}")
        await group.get_by_label("Compétence", exact=True).fill(skill)
        for level, text in enumerate(levels):
            await group.get_by_label(f"Niveau {level + 1}").fill(f"{skill} : {text}")
    await page.get_by_role("button", name="Créer la grille").click()

    # then the grid is listed with its label
    await expect(page.get_by_text("Grille « Conseiller financement » créée.")).to_be_visible()
    await expect(page.get_by_text("donne le label « Conseiller financement certifié »", exact=False)).to_be_visible()

    # when she assesses the seller with it from Lille's dashboard, every skill mastered
    await page.goto(f"/equipe/{network.points_of_sale['Lille'].id}")
    await page.get_by_role("button", name="Évaluer une personne").click()
    await page.get_by_label("Personne").select_option(label="Julie Moreau · Lille Centre")
    await page.get_by_label("Grille").select_option(label="Conseiller financement")
    for skill in ("Présenter la LOA", "Conclure"):
        await page.get_by_role("group", name=skill).get_by_label(f"3 · {skill} : Maîtrise").check()
    await page.get_by_role("button", name="Enregistrer et partager").click()

    # then the assessment is recorded with the grid's levels, and the seller holds the label
    await expect(page.get_by_role("heading", name="Évaluation · Conseiller financement")).to_be_visible()
    await expect(page.get_by_text("Conclure : Maîtrise")).to_be_visible()
    label = await Badge.get(organization_id=network.organization_id, name="Conseiller financement certifié")
    assert await Award.filter(badge_id=label.id, user_id=julie.id).exists()
    assert claire.console_errors == []


async def test_a_manager_duplicates_last_months_challenge_and_deletes_a_draft(live_server, phones):
    # given the Nord manager's challenge of last month, closed, and a seller of Lille
    network = await make_network()
    nord = network.regions["Nord"]
    manager = await make_user(nord, Role.MANAGER, name="Marc Delaunay")
    await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    metric = await Metric.create(organization_id=network.organization_id, name="Véhicules neufs vendus")
    today = datetime.now(PARIS)
    year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    starts = datetime(year, month, 1, tzinfo=PARIS)
    ends = datetime(year, month, monthrange(year, month)[1], 23, 59, 59, tzinfo=PARIS)
    async with GraphQLClient(live_server.url, token=await open_session(manager)) as client:
        created = (await client.execute(CREATE_CHALLENGE, {"input": {
            "name": "Challenge du mois", "startsAt": starts.isoformat(), "endsAt": ends.isoformat(),
            "scopeUnitId": str(nord.id), "metrics": [{"metricId": str(metric.id), "weight": 1}],
        }}))["createChallenge"]
    source_id = int(created["challenge"]["id"])
    await close_challenge(source_id)
    marc = await phones(timezone_id="Europe/Paris")  # his phone and his account are in Paris time
    await sign_in(marc.page, manager.email)
    page = marc.page

    # when he starts a challenge from the « Course à l'objectif » template, its rules are filled in
    await page.goto("/challenges/new")
    await page.get_by_text("Partir d’un modèle ou d’un challenge passé").click()
    await page.get_by_role("button", name="Course à l’objectif").click()
    await expect(page.get_by_label("Nom")).to_have_value("Course à l’objectif")

    # when, from « Contenus », he opens last month's challenge and duplicates it
    await open_authoring(page)
    await page.get_by_role("link", name="Challenges : dupliquer, supprimer un brouillon").click()
    await page.get_by_role("link", name="Challenge du mois").click()
    await page.get_by_test_id("manage-challenge").click()
    await page.get_by_role("button", name="Dupliquer en brouillon").click()

    # then a draft of this month opens, to check and publish
    await page.wait_for_url(lambda url: url.endswith("/edit") and f"/challenges/{source_id}/" not in url)
    copy_id = int(page.url.rstrip("/").split("/")[-2])
    await expect(page.get_by_test_id("challenge-status")).to_have_text("Brouillon")
    await expect(page.get_by_label("Début")).to_have_value(f"{today.year}-{today.month:02d}-01")
    copy = await Challenge.get(id=copy_id)
    assert copy.status == ChallengeStatus.DRAFT and copy.starts_at.astimezone(PARIS).month == today.month

    # when he deletes that draft, after confirming
    await page.get_by_role("button", name="Supprimer le brouillon").click()
    await expect(page.get_by_role("alertdialog")).to_contain_text("Supprimer ce brouillon ?")
    await page.get_by_role("button", name="Oui, supprimer").click()

    # then it is gone, and last month's challenge stays
    await expect(page).to_have_url(re.compile(r"/challenges$"))
    await expect(page.get_by_text("Brouillon supprimé.")).to_be_visible()
    assert not await Challenge.filter(id=copy_id).exists()
    assert (await Challenge.get(id=source_id)).status == ChallengeStatus.CLOSED
    assert marc.console_errors == []
