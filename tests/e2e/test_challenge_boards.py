"""Leaderboards a seller can trust at 360×740 (shared ranks, one number format, a breakdown that
adds up), the challenge cards, a pending duel, a race, and the showroom TV opened by a kiosk
link at 1920×1080 and 3840×2160 with no name cut."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.async_api import expect

from server.challenges.duels import create_duel
from server.challenges.kiosk import create_kiosk_link
from server.challenges.models import ChallengeFormat
from server.network.scope import scope_of_user
from tests.challenges.given import arena, live_challenge, sell
from tests.conftest import ROOT
from tests.e2e.test_feed_slice import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.e2e
SHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp/elan-e2e-screens"))
NAMES = ["Inès Martin", "Hugo Bernard", "Chloé Dubois", "Nathan Leroy"]
LONG = "Marie-Charlotte de La Rochefoucauld-Montmorency"


async def sign_in_en(page, email: str) -> None:
    await page.goto("/")
    await page.wait_for_url("**/login")
    await page.get_by_label("Email address").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(lambda url: not url.endswith("/login"))


async def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


AXE = Path(os.environ.get("AXE_CORE_JS", ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js"))


async def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings in the screen's content (the shell has its own
    test) as it is (once the PWA's
    devDependencies hold axe-core: the every-route test brings it)."""
    if not AXE.exists():
        return []
    await page.evaluate(AXE.read_text() + "\n;undefined")  # evaluated, not a script tag: the CSP allows no inline script
    found = await page.evaluate(
        """async () => (await axe.run(document.querySelector('main') ?? document, { resultTypes: ['violations'] })).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)"""
    )
    return list(found)


async def no_horizontal_overflow(page) -> None:
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    viewport = await page.evaluate("() => window.innerWidth")
    assert width <= viewport, f"the page is {width} px wide in {viewport}"


async def small_targets(page, scope: str) -> list[str]:
    return await page.evaluate(
        """(scope) => [...document.querySelectorAll(`${scope} button, ${scope} a, ${scope} summary`)]
          .filter((e) => e.offsetParent !== null)
          .map((e) => [e.textContent.trim(), e.getBoundingClientRect()])
          .filter(([, r]) => r.width < 44 || r.height < 44).map(([text, r]) => `${text} ${r.width}x${r.height}`)""",
        scope,
    )


async def cut_names(page) -> list[str]:
    return await page.evaluate(
        """() => [...document.querySelectorAll('[data-testid=board-name], [data-testid=podium-name], [data-testid=tv-title]')]
          .filter((e) => e.scrollWidth > e.clientWidth).map((e) => `${e.textContent} ${e.scrollWidth}>${e.clientWidth}`)"""
    )


async def test_equal_scores_share_a_rank_and_every_number_reads_the_same(live_server, phones):
    # given three sellers level at 50 % and Nathan at 30 %
    found = await arena(sellers=4, names=NAMES)
    challenge = await live_challenge(found, name="Challenge de décembre", prizes="Un week-end à Deauville")
    ines, hugo, chloe, nathan = found.sellers
    for seller in (ines, hugo, chloe):
        await sell(found, seller, 5)
    await sell(found, nathan, 3)
    phone = await phones()
    # when Hugo opens the challenge
    await sign_in(phone.page, hugo.email)
    await phone.page.goto(f"/challenges/{challenge.id}")
    # then he is 1st ex aequo, the rule one tap away, and the three share the podium's first step
    await expect(phone.page.get_by_test_id("my-rank")).to_have_text("Vous êtes 1er ex aequo sur 4")
    podium = phone.page.get_by_test_id("podium").locator("[data-testid=board-row]")
    await expect(podium).to_have_count(3)
    assert [await p.get_attribute("data-rank") for p in await podium.all()] == ["1", "1", "1"]
    await expect(phone.page.locator("[data-testid=board-row]", has_text="Nathan Leroy")).to_have_attribute("data-rank", "4")
    rule = phone.page.get_by_test_id("tie-rule").first
    await rule.locator("summary").click()
    await expect(rule).to_contain_text("À score égal, même rang")
    # and his score, the breakdown and its total all read « 50 % »
    await expect(phone.page.get_by_test_id("ring-score")).to_have_text("50\u202f%")
    await expect(phone.page.get_by_test_id("breakdown-part")).to_have_text(["50\u202f%"])
    await expect(phone.page.get_by_test_id("breakdown-total")).to_have_text("50\u202f%")
    await expect(phone.page.get_by_test_id("breakdown")).not_to_contain_text("Encore 0")
    await no_horizontal_overflow(phone.page)
    assert await serious_violations(phone.page) == []
    await shot(phone.page, "board-ties-360")

    # when Nathan opens it
    await phone.page.goto("/")
    other = await phones()
    await sign_in(other.page, nathan.email)
    await other.page.goto(f"/challenges/{challenge.id}")
    # then he is 4th, and one more place is 20 % away (never « Encore 0 »)
    await expect(other.page.get_by_test_id("my-rank")).to_have_text("Vous êtes 4e sur 4")
    await expect(other.page.get_by_test_id("breakdown")).to_contain_text("Encore 20\u202f% pour gagner une place.")
    await no_horizontal_overflow(other.page)
    # and in English, Chloé reads the same board in her language's format
    english = await phones(locale="en-GB")
    await sign_in_en(english.page, chloe.email)
    await english.page.goto(f"/challenges/{challenge.id}")
    await expect(english.page.get_by_test_id("my-rank")).to_have_text("You are 1st (tied) of 4")
    await expect(english.page.get_by_test_id("ring-score")).to_have_text("50%")
    await expect(english.page.get_by_test_id("breakdown-total")).to_have_text("50%")
    await shot(english.page, "board-ties-360-en")
    assert not phone.console_errors and not other.console_errors, phone.console_errors + other.console_errors
    assert not english.console_errors, english.console_errors


async def test_cards_show_rank_progress_time_prize_and_leader_and_a_pending_duel_waits(live_server, phones):
    # given a live challenge where Chloé is 2nd ex aequo, and a duel Hugo sent her
    found = await arena(sellers=4, names=NAMES)
    await live_challenge(found, name="Challenge de décembre", prizes="Un week-end à Deauville")
    ines, hugo, chloe, nathan = found.sellers
    await sell(found, ines, 7)
    await sell(found, hugo, 4)
    await sell(found, chloe, 4)
    await create_duel(await scope_of_user(hugo), chloe.id, found.metric.id, 7)
    phone = await phones()
    # when she opens the challenges
    await sign_in(phone.page, chloe.email)
    await phone.page.goto("/challenges")
    card = phone.page.locator("[data-testid=challenge-card]", has_text="Challenge de décembre")
    # then the card says her rank, her progress, the time left, the prize and who leads
    await expect(card.get_by_test_id("card-rank")).to_contain_text("2e ex aequo")
    await expect(card.get_by_test_id("card-rank")).to_contain_text("40\u202f% / 100\u202f%")
    await expect(card.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "40")
    await expect(card.get_by_test_id("card-time")).to_contain_text("encore")
    await expect(card).to_contain_text("Un week-end à Deauville")
    await expect(card.get_by_test_id("card-leader")).to_have_text("En tête : Inès Martin")
    # and the duel waits for her answer, never a « Brouillon »
    duel = phone.page.locator("[data-testid=challenge-card]", has=phone.page.get_by_test_id("duel-pending"))
    await expect(duel.get_by_test_id("duel-pending")).to_have_text("En attente")
    await expect(duel.get_by_role("button", name="Relever le défi")).to_be_visible()
    await expect(duel.get_by_role("button", name="Décliner")).to_be_visible()
    await expect(phone.page.get_by_text("Brouillon")).to_have_count(0)
    await no_horizontal_overflow(phone.page)
    assert await small_targets(phone.page, "[data-testid=challenge-card]") == []
    assert await serious_violations(phone.page) == []
    await shot(phone.page, "cards-360")
    assert not phone.console_errors, phone.console_errors


async def test_a_race_shows_everyones_progress_to_the_target(live_server, phones):
    # given a race to 100 % where three sellers are level at 40 %
    found = await arena(sellers=4, names=NAMES)
    challenge = await live_challenge(found, name="Course aux 10", format=ChallengeFormat.RACE, race_target=100.0)
    for seller, value in zip(found.sellers, (10, 4, 4, 4), strict=True):
        await sell(found, seller, value)
    phone = await phones()
    # when Hugo opens it
    await sign_in(phone.page, found.sellers[1].email)
    await phone.page.goto(f"/challenges/{challenge.id}")
    # then he sees his way to the target, and everyone's bar, not a ranking of ties
    await expect(phone.page.get_by_test_id("my-race")).to_contain_text("40\u202f% / 100\u202f%")
    await expect(phone.page.get_by_test_id("my-race")).to_contain_text("Encore 60\u202f% pour atteindre l’objectif.")
    bars = phone.page.locator("[data-testid=board-row] [role=progressbar]")
    await expect(bars).to_have_count(4)
    assert [await b.get_attribute("aria-valuenow") for b in await bars.all()] == ["100", "40", "40", "40"]
    await expect(phone.page.get_by_test_id("podium")).to_have_count(0)
    await no_horizontal_overflow(phone.page)
    assert await serious_violations(phone.page) == []
    await shot(phone.page, "race-360")
    assert not phone.console_errors, phone.console_errors


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)], ids=["1080p", "4k"])
async def test_the_kiosk_link_opens_the_tv_board_without_a_session_and_cuts_no_name(live_server, browser, size):
    # given a live challenge with a long name on the board, and a kiosk link for the showroom
    names = [LONG, *NAMES, "Jean-Baptiste Lefèvre-Delacroix", "Anne-Sophie Vandenberghe", "Maximilien Castelnau",
             "Éloïse Saint-Exupéry", "Timothée Grandjean", "Capucine Beaumont", "Gaspard Lemaire"]
    found = await arena(sellers=len(names), names=names)
    challenge = await live_challenge(found, name="Challenge des concessions du Nord — décembre")
    for index, seller in enumerate(found.sellers):
        await sell(found, seller, 12 - index)
    _, token = await create_kiosk_link(await scope_of_user(found.manager), challenge.id, "Showroom de Lille")
    width, height = size
    context = await browser.new_context(viewport={"width": width, "height": height}, base_url=live_server.url, locale="fr-FR")
    errors: list[str] = []
    try:
        page = await context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        # when the screen opens the link, signed in as nobody
        await page.goto(f"/kiosk/{token}")
        # then the board shows: the challenge's name, the countdown, the podium, the rows, the full-screen button
        await expect(page.get_by_test_id("tv-title")).to_have_text("Challenge des concessions du Nord — décembre")
        await expect(page.get_by_test_id("tv-countdown")).to_contain_text("Fin dans")
        await expect(page.get_by_test_id("podium").locator("[data-testid=board-row]")).to_have_count(3)
        await expect(page.locator(".board [data-testid=board-row]")).to_have_count(8)
        button = page.get_by_test_id("tv-fullscreen")
        box = await button.bounding_box()
        assert box and box["height"] >= 44 * height / 1080 * 0.9, box
        await expect(page.get_by_text(LONG)).to_be_visible()
        # and no name is cut, nothing runs off the screen
        assert await cut_names(page) == []
        await no_horizontal_overflow(page)
        assert await serious_violations(page) == []
        await shot(page, f"tv-kiosk-{width}x{height}")
        assert not errors, errors
    finally:
        await context.close()
