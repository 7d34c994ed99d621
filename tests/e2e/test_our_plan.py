"""« Notre plan » on a phone at 360×740: a seller reads her point of sale's plan and her next
step; a regional manager, in English, compares its points of sale side by side."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from server.accounts.models import Role
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_user
from tests.plans.test_my_plan import plan_world

pytestmark = pytest.mark.e2e

# what the every-route check asks of a screen: nothing wider than the phone, thumb-sized targets
LAYOUT = """() => {
  const small = [...document.querySelectorAll('main a, main button, main input, main select')]
    .filter((e) => e.offsetParent !== null && !e.closest('.lever-table-wrap td'))
    .map((e) => (['checkbox', 'radio'].includes(e.type) && e.closest('label') ? e.closest('label') : e))
    .map((e) => [e.textContent.trim() || e.getAttribute('aria-label') || e.tagName + ':' + (e.type || ''), e.getBoundingClientRect()])
    .filter(([, r]) => r.width < 44 || r.height < 44)
    .map(([name]) => name);
  return { width: document.documentElement.scrollWidth, small };
}"""


async def test_a_seller_reads_notre_plan_and_a_manager_compares_points_of_sale(live_server, phones):
    # given this quarter's plan, Ana (who finished its module) and the Nord manager
    network, _, ana, _, _, _ = await plan_world()
    manager = await make_user(network.regions["Nord"], Role.MANAGER, name="Marc Delaunay")
    seller = await phones()
    # when Ana opens « Notre plan » from her results
    await sign_in(seller.page, ana.email)
    await seller.page.goto("/resultats")
    await seller.page.get_by_role("link", name="Notre plan").click()
    await seller.page.wait_for_url("**/notre-plan")
    # then she sees her next step, her point of sale and where training stands against its objective
    step = seller.page.get_by_test_id("plan-next-step").first
    await expect(step).to_contain_text("Ma prochaine étape")
    await expect(step).to_contain_text("Réussir le quiz")
    unit = seller.page.get_by_test_id("plan-unit")
    await expect(unit.get_by_role("heading", name="Lille Centre")).to_be_visible()
    await expect(unit.locator("[data-lever=TRAINING]")).to_contain_text("50 %")
    await expect(unit.locator("[data-lever=TRAINING]")).to_contain_text("Objectif 80 %")
    layout = await seller.page.evaluate(LAYOUT)
    assert layout["width"] <= 360 and layout["small"] == []
    assert seller.console_errors == []
    # when the manager opens it in English
    boss = await phones(locale="en-GB")
    await sign_in_en(boss.page, manager.email)
    await boss.page.goto("/notre-plan")
    # then Nord comes first, with its two points of sale side by side, and one opens on a tap
    await expect(boss.page.get_by_role("heading", name="Our plan")).to_be_visible()
    await expect(boss.page.get_by_role("heading", name="Nord")).to_be_visible()
    await expect(boss.page.get_by_role("heading", name="3 units side by side")).to_be_visible()
    await boss.page.get_by_role("button", name="Lille Centre").click()
    await expect(boss.page.get_by_test_id("plan-unit").get_by_role("heading", name="Lille Centre")).to_be_visible()
    # Lille's own plan: its details, no table, and a way back to Nord's
    await expect(boss.page.get_by_test_id("plan-unit").locator("[data-lever=TRAINING]")).to_contain_text("50%")
    await expect(boss.page.get_by_role("heading", name="3 units side by side")).to_have_count(0)
    back = boss.page.get_by_role("button", name="‹ Back to the plan of Nord")
    await expect(back).to_be_visible()
    layout = await boss.page.evaluate(LAYOUT)
    assert layout["width"] <= 360 and layout["small"] == []
    await back.click()
    await expect(boss.page.get_by_role("heading", name="3 units side by side")).to_be_visible()
    await expect(boss.page.get_by_test_id("plan-unit").get_by_role("heading", name="Nord")).to_be_visible()
    await boss.page.get_by_role("button", name="Lille Centre").click()
    await expect(boss.page.get_by_test_id("plan-unit").get_by_role("heading", name="Lille Centre")).to_be_visible()
    # when the manager sets Lille's training target to 90 % for the plan's whole period
    await boss.page.get_by_text("Targets of Lille Centre").click()
    await boss.page.get_by_label("Target (0 to 100, 1 to 4 for skills)").fill("90")
    await boss.page.get_by_role("button", name="Save the target").click()
    # then it is saved, written in the history, and the plan shows it live as Lille's own target
    await expect(boss.page.get_by_role("status").filter(has_text="Target saved.")).to_be_visible()
    await expect(boss.page.get_by_test_id("objective-history")).to_contain_text("Marc Delaunay: Training of Lille Centre")
    training = boss.page.get_by_test_id("plan-unit").locator("[data-lever=TRAINING]")
    await expect(training).to_contain_text("Target 90")
    await expect(training).to_contain_text("set for this unit")
    layout = await boss.page.evaluate(LAYOUT)
    assert layout["width"] <= 360 and layout["small"] == []
    # when the manager opens the quarterly review
    await boss.page.get_by_role("link", name="Quarterly review").click()
    await expect(boss.page.get_by_role("heading", name="Plan review: what worked")).to_be_visible()
    await expect(boss.page.get_by_role("button", name="Print")).to_be_visible()
    layout = await boss.page.evaluate(LAYOUT)
    assert layout["width"] <= 360 and layout["small"] == []
    assert boss.console_errors == []


async def sign_in_en(page, email: str) -> None:
    from tests.factories import PASSWORD

    await page.goto("/")
    await page.wait_for_url("**/login")
    await page.get_by_label("Email address").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(lambda url: not url.endswith("/login"))


async def test_head_office_gives_a_function_on_notre_plan(live_server, phones):
    # given head office and Claire, a head-office person without a function
    network, admin, _, _, _, _ = await plan_world()
    await make_user(network.root, Role.MEMBER, name="Claire Vidal")
    phone = await phones()
    await sign_in(phone.page, admin.email)
    await phone.page.goto("/notre-plan")
    # when head office finds Claire in « Fonctions du siège » and gives her Qualité
    await phone.page.get_by_text("Fonctions du siège").click()
    await phone.page.get_by_label("Chercher une personne du siège").fill("Claire")
    await phone.page.get_by_role("button", name="Claire Vidal").click()
    await phone.page.get_by_role("checkbox", name="Qualité").check()
    await phone.page.get_by_role("button", name="Enregistrer les fonctions").click()
    # then she is listed under Qualité, and the screen fits the phone
    await expect(phone.page.locator("summary + ul")).to_contain_text("Qualité · Claire Vidal")
    # when head office makes Qualité the owner of the satisfaction lever
    await phone.page.locator("#lever-owner-SATISFACTION").select_option(label="Qualité")
    # then the plan says who owns it, live
    await expect(phone.page.locator("[data-lever=SATISFACTION]")).to_contain_text("piloté par Qualité")
    layout = await phone.page.evaluate(LAYOUT)
    assert layout["width"] <= 360 and layout["small"] == []
    assert phone.console_errors == []
