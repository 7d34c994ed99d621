"""The performance plan on a phone at 360×740 with the French demo: Julie reads her team's active
people week by week; head office retargets an action of the review and its effect changes; the
partner agency's Léo builds a challenge from the shortcut its grant allows, then switches to a
brand that granted only dashboards and the builder is closed to him."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from server.accounts.models import User
from server.agency.models import AgencyChoice
from server.challenges.models import Challenge
from server.plans.models import ImprovementAction
from tests.e2e.test_every_route import AXE, AXE_RUN, sign_in
from tests.e2e.test_our_plan import LAYOUT
from tests.factories import demo_network

pytestmark = pytest.mark.e2e


async def fits_the_phone(page) -> None:  # type: ignore[no-untyped-def]
    layout = await page.evaluate(LAYOUT)
    assert layout["width"] <= 360 and layout["small"] == [], layout
    if not await page.evaluate("() => typeof axe !== 'undefined'"):
        await page.evaluate(AXE)
    assert await page.evaluate(AXE_RUN) == []


async def test_a_seller_reads_twelve_weeks_and_head_office_retargets_an_action(live_server, phones):
    # given the demo network
    await demo_network()
    # when Julie opens « Notre plan »
    julie = await phones()
    await sign_in(julie.page, "seller@elan.example")
    await julie.page.goto("/notre-plan")
    # then her point of sale's active people show week by week, this week last
    weeks = julie.page.get_by_test_id("plan-weeks")
    await expect(weeks.get_by_role("heading", name="Personnes actives, semaine par semaine")).to_be_visible()
    await expect(weeks.locator("li")).to_have_count(12)
    await expect(weeks).to_contain_text("Cette semaine :")
    await fits_the_phone(julie.page)
    assert julie.console_errors == []
    # when head office, in English, opens the review and retargets Versailles' action plan (put
    # back as the demo has it afterwards: the demo network is shared by the tests that follow)
    action = await ImprovementAction.get(title="Accueil en moins de 2 minutes le samedi")
    try:
        await _retarget(phones)
    finally:
        await ImprovementAction.filter(id=action.id).update(indicator=action.indicator, baseline=action.baseline)


async def _retarget(phones) -> None:  # type: ignore[no-untyped-def]
    boss = await phones(locale="en-GB")
    await sign_in(boss.page, "admin@elan.example", "Sign in")
    await boss.page.goto("/notre-plan/revue")
    card = boss.page.locator(".plan-effect").filter(has_text="Accueil en moins de 2 minutes le samedi")
    await expect(card.locator(".lever-muted").first).to_have_text("Action plan · Élan Versailles · Satisfaction")
    await card.get_by_text("Change the targeted indicator").click()
    await card.get_by_label("Targeted indicator").select_option(label="Active this week")
    await fits_the_phone(boss.page)
    await card.get_by_role("button", name="Save the indicator").click()
    # then it is saved, and the card now reads the weekly active people
    await expect(boss.page.get_by_role("status").filter(has_text="Indicator changed")).to_be_visible()
    retargeted = boss.page.locator(".plan-effect").filter(has_text="Accueil en moins de 2 minutes le samedi")
    await expect(retargeted.locator(".lever-muted").first).to_have_text("Action plan · Élan Versailles · Active this week")
    await expect(retargeted).not_to_contain_text("Before 68")
    assert boss.console_errors == []


async def test_the_agency_builds_a_challenge_then_loses_the_builder_on_a_dashboards_only_brand(live_server, phones):
    # given the demo network, whose agency Léo may build challenges and modules (and Banque Horizon only read)
    await demo_network()
    # (his brand put back as the demo has it afterwards: the tests that follow share the demo)
    agency = await User.get(email="agence@elan.example")
    choice = await AgencyChoice.get_or_none(user_id=agency.id)
    try:
        await _build_then_switch(phones)
    finally:
        await AgencyChoice.filter(user_id=agency.id).delete()
        if choice is not None:
            await AgencyChoice.create(user_id=agency.id, grant_id=choice.grant_id)


async def _build_then_switch(phones) -> None:  # type: ignore[no-untyped-def]
    leo = await phones()
    await sign_in(leo.page, "agence@elan.example")
    page = leo.page
    bad: list[str] = []

    async def log_bad(response):  # type: ignore[no-untyped-def]
        if response.status >= 400:
            bad.append(f"{response.status} {response.url} {response.request.post_data}")
    page.on("response", log_bad)
    # when he opens his profile menu
    await page.get_by_role("button", name="Menu du profil de Léo Garnier").click()
    menu = page.get_by_role("navigation", name="Autres pages")
    await expect(menu.get_by_role("link", name="Contenus")).to_be_visible()
    # then the challenge builder is offered, and it opens
    await menu.get_by_role("link", name="Créer un challenge").click()
    await page.wait_for_url("**/challenges/new")
    await expect(page.get_by_role("heading", name="Nouveau challenge")).to_be_visible()
    await expect(page.get_by_text("Réservé aux managers")).to_have_count(0)
    await fits_the_phone(page)
    # when he builds one as a draft
    await page.get_by_label("Nom").fill("Challenge de l'agence")
    await page.get_by_role("button", name="Suivant").click()
    await page.locator("[data-testid^=weight-]").first.fill("1")
    await page.get_by_role("button", name="Suivant").click()
    await page.get_by_role("button", name="Enregistrer comme brouillon").click()
    # then the API took it, for the brand, as his
    await expect(page.get_by_text("Brouillon enregistré : relisez-le, puis publiez-le.")).to_be_visible()
    made = await Challenge.get(name="Challenge de l'agence")
    assert made.created_by_id == (await User.get(email="agence@elan.example")).id
    # and the module builder opens too
    await page.goto("/contenus")
    await expect(page.get_by_role("link", name="Nouvelle formation")).to_be_visible()
    await fits_the_phone(page)
    # when he switches to Banque Horizon, which granted dashboards only
    await page.goto("/notre-plan")
    await page.get_by_test_id("brand-switcher").get_by_label("Marque").select_option(label="Banque Horizon")
    await page.get_by_role("button", name="Changer de marque").click()
    await expect(page.get_by_test_id("brand-switcher")).to_contain_text("vous travaillez pour Banque Horizon")
    # then the builders are closed to him, and no longer offered
    await page.goto("/challenges/new")
    await expect(page.get_by_role("heading", name="Réservé aux managers")).to_be_visible()
    await page.goto("/contenus")
    await expect(page.get_by_role("heading", name="Réservé aux managers")).to_be_visible()
    await page.get_by_role("button", name="Menu du profil de Léo Garnier").click()
    await expect(page.get_by_role("navigation", name="Autres pages").get_by_role("link", name="Créer un challenge")).to_have_count(0)
    await fits_the_phone(page)
    assert leo.console_errors == [], bad
