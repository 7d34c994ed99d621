"""The heart of Élan on two phones: a manager records a result, and the seller's open
leaderboard reorders live and tells her « Vous passez 2e ! »."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.challenges.given import arena, live_challenge, sell
from tests.e2e.test_feed_slice import sign_in

pytestmark = pytest.mark.e2e


async def test_a_result_recorded_by_the_manager_moves_the_seller_up_live(live_server, phones):
    # given Julie third of three in a live challenge, her leaderboard open on her phone
    found = await arena(sellers=3, names=["Julie Moreau", "Thomas Petit", "Camille Roux"])
    challenge = await live_challenge(found, name="Challenge de novembre")
    julie, thomas, camille = found.sellers
    await sell(found, thomas, 8)
    await sell(found, camille, 4)
    seller, manager = await phones(), await phones()
    await sign_in(seller.page, julie.email)
    await seller.page.goto(f"/challenges/{challenge.id}")
    await expect(seller.page.get_by_role("heading", name="Challenge de novembre")).to_be_visible()
    mine = seller.page.locator("[data-testid=board-row]", has_text="Moi")
    await expect(mine).to_have_attribute("data-rank", "3")
    await expect(seller.page.get_by_test_id("my-rank")).to_have_text("Vous êtes 3e sur 3")
    await expect(seller.page.get_by_text("Comment mon score est calculé")).to_be_visible()

    # when her manager records 5 vehicles for her from his phone
    await sign_in(manager.page, found.manager.email)
    await manager.page.goto("/challenges/manage")
    await manager.page.get_by_test_id("result-person").select_option(label="Julie Moreau · Lille Centre")
    await manager.page.get_by_test_id("result-value").fill("5")
    await manager.page.get_by_test_id("result-submit").click()
    await expect(manager.page.get_by_text("Résultat enregistré.")).to_be_visible()

    # then, without reloading, her row moves to 2nd and she is told
    await expect(seller.page.get_by_test_id("rank-toast")).to_have_text("Vous passez 2e !", timeout=10_000)
    await expect(mine).to_have_attribute("data-rank", "2")
    await expect(seller.page.locator("[data-testid=board-row]", has_text="Camille Roux")).to_have_attribute("data-rank", "3")
    await expect(seller.page.get_by_test_id("my-rank")).to_have_text("Vous êtes 2e sur 3")
    assert not seller.console_errors, seller.console_errors


async def test_the_tv_mode_shows_the_board_full_screen(live_server, phones):
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    challenge = await live_challenge(found, name="Challenge TV")
    await sell(found, found.sellers[1], 3)
    screen = await phones()
    await sign_in(screen.page, found.sellers[0].email)
    await screen.page.goto(f"/challenges/{challenge.id}/tv")
    await expect(screen.page.get_by_role("heading", name="Challenge TV")).to_be_visible()
    await expect(screen.page.locator("[data-testid=board-row]", has_text="Thomas Petit")).to_have_attribute("data-rank", "1")
