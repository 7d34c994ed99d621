"""Train and Evaluate on two phones: a seller completes a module and passes its quiz; the
manager's dashboard, open on the other phone, follows without reloading."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from server.accounts.models import Role
from server.network.scope import scope_of_user
from server.training import authoring, quiz_authoring
from server.training.content import AssignmentInput, ModuleContent, SectionInput
from server.training.quiz_authoring import ChoiceInput, QuestionInput, QuizContent
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, make_user

pytestmark = pytest.mark.e2e


async def _module_with_quiz(manager, pos) -> int:
    author = await scope_of_user(manager)
    module = await authoring.create_module(
        author,
        ModuleContent(
            "Accueil client en concession",
            "Les 5 premières minutes",
            10,
            [
                SectionInput("Les 30 premières secondes", "## Un regard\nSaluez **dans les 30 secondes**.\n- Levez-vous\n- Souriez"),
                SectionInput("Écouter", "Posez des *questions ouvertes*."),
            ],
            [AssignmentInput(pos.id, Role.MEMBER)],
        ),
        publish=True,
    )

    def choices(*marks: tuple[str, bool]) -> list[ChoiceInput]:
        return [ChoiceInput(text, right) for text, right in marks]

    await quiz_authoring.create_quiz(
        author,
        QuizContent(
            "Quiz accueil",
            [
                QuestionInput("Dans quel délai saluer un client ?", choices(("30 secondes", True), ("5 minutes", False)), False, "Le client sait qu'il est vu."),
                QuestionInput("Que demander en découverte ?", choices(("L'usage", True), ("La remise", False), ("Le calendrier", True)), True, "Usage et calendrier."),
            ],
            pass_mark_percent=100,
            shuffle=False,
        ),
        module_id=module.id,
    )
    return module.id


async def test_a_seller_completes_a_module_and_passes_its_quiz_while_the_manager_watches(live_server, phones):
    # given a seller of Lille with a module to follow, and the Nord manager
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    manager = await make_user(network.regions["Nord"], Role.MANAGER, name="Marc Delaunay")
    seller = await make_user(lille, name="Julie Moreau")
    await _module_with_quiz(manager, lille)
    julie, marc = await phones(), await phones()
    await sign_in(marc.page, manager.email)
    await sign_in(julie.page, seller.email)

    # and the manager's team dashboard open, showing nothing completed yet
    await marc.page.goto("/resultats")
    await marc.page.get_by_role("link", name="Tableau de bord de mon équipe").click()
    await expect(marc.page.get_by_test_id("unit-completed")).to_have_text("0", timeout=10_000)
    await expect(marc.page.get_by_test_id("unit-quiz-average")).to_have_text("–")

    # when the seller opens « Apprendre » and reads the module
    await julie.page.get_by_role("link", name="Apprendre").click()
    card = julie.page.get_by_role("link", name="Accueil client en concession")
    await expect(card.get_by_test_id("training-status")).to_have_text("À commencer")
    await card.click()
    await expect(julie.page.get_by_role("heading", name="Un regard")).to_be_visible()
    await expect(julie.page.locator(".training-text strong")).to_have_text("dans les 30 secondes")
    await julie.page.get_by_role("button", name="Section suivante").click()
    await expect(julie.page.get_by_test_id("section-position")).to_have_text("Section 2 sur 2")
    await julie.page.get_by_role("button", name="Passer le quiz").click()

    # and answers the quiz: one mistake first, her score at once, the corrections kept for later
    corrections_later = "Les corrections et les explications s’affichent une fois le quiz réussi ou vos essais épuisés."
    await expect(julie.page.get_by_test_id("quiz-corrections-later")).to_have_text(corrections_later)
    await julie.page.get_by_label("30 secondes").check()
    await julie.page.get_by_label("L'usage").check()
    await julie.page.get_by_role("button", name="Valider mes réponses").click()
    await expect(julie.page.get_by_test_id("quiz-result")).to_contain_text("Pas encore")
    await expect(julie.page.get_by_test_id("quiz-score")).to_have_text("50 %")
    await expect(julie.page.get_by_test_id("quiz-corrections-later")).to_have_text(corrections_later)
    await expect(julie.page.get_by_text("Usage et calendrier.")).to_have_count(0)
    await expect(julie.page.locator(".quiz-choice-right")).to_have_count(0)
    await expect(marc.page.get_by_test_id("unit-quiz-average")).to_have_text("50 %", timeout=10_000)

    # then retries and passes, which completes the module
    await julie.page.get_by_role("button", name="Réessayer").click()
    await julie.page.get_by_label("30 secondes").check()
    await julie.page.get_by_label("L'usage").check()
    await julie.page.get_by_label("Le calendrier").check()
    await julie.page.get_by_role("button", name="Valider mes réponses").click()
    await expect(julie.page.get_by_test_id("quiz-score")).to_have_text("100 %")
    await expect(julie.page.get_by_test_id("quiz-result")).to_contain_text("La formation est terminée.")
    # with, now that it is passed, the corrections and their explanations
    await expect(julie.page.get_by_text("Usage et calendrier.")).to_be_visible()
    await expect(julie.page.get_by_test_id("quiz-corrections-later")).to_have_count(0)

    # and the manager's dashboard follows, live
    await expect(marc.page.get_by_test_id("unit-completed")).to_have_text("1", timeout=10_000)
    await expect(marc.page.get_by_test_id("unit-completion")).to_have_text("100 %")
    await expect(marc.page.get_by_test_id("unit-quiz-average")).to_have_text("100 %")

    # and the seller's own results say so
    await julie.page.get_by_role("link", name="Résultats").click()
    await expect(julie.page.get_by_test_id("my-modules-completed")).to_have_text("1/1")
    assert julie.console_errors == [] and marc.console_errors == []


async def test_two_sellers_edit_their_action_plan_live_on_two_phones(live_server, phones):
    # given two sellers of Lille and their point of sale's action plan
    from server.evaluation.action_plans import create_plan

    network = await make_network()
    lille = network.points_of_sale["Lille"]
    nadia = await make_user(lille, name="Nadia Benali")
    hugo = await make_user(lille, name="Hugo Petit")
    plan = await create_plan(await scope_of_user(nadia), lille.id, "Retrouver 80 à l'accueil")
    nadia_phone, hugo_phone = await phones(), await phones()
    await sign_in(nadia_phone.page, nadia.email)
    await sign_in(hugo_phone.page, hugo.email)
    await nadia_phone.page.goto(f"/point-de-vente/plans/{plan.id}")
    await hugo_phone.page.goto(f"/point-de-vente/plans/{plan.id}")
    await expect(nadia_phone.page.get_by_role("heading", name="Retrouver 80 à l'accueil")).to_be_visible()

    # when Hugo adds an action for Nadia
    await hugo_phone.page.get_by_label("Action", exact=True).fill("Rappeler les clients sous 48 h")
    await hugo_phone.page.get_by_label("Responsable").select_option(label="Nadia Benali")
    await hugo_phone.page.get_by_role("button", name="Ajouter").click()

    # then it appears on Nadia's phone without reloading, and her "done" shows on Hugo's
    item = nadia_phone.page.get_by_test_id("action-item")
    await expect(item).to_contain_text("Rappeler les clients sous 48 h", timeout=10_000)
    await expect(item).to_contain_text("Nadia Benali")
    await item.get_by_role("combobox").select_option(label="Fait")
    await expect(hugo_phone.page.get_by_test_id("plan-progress")).to_have_text("100 % réalisé", timeout=10_000)
    assert nadia_phone.console_errors == [] and hugo_phone.console_errors == []
