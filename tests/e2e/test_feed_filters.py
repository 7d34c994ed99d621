"""The feed's filter bar on a phone: a tapped #tag filters the feed, live announcements follow
the filter, « Top de la semaine » ranks it, and the address keeps it across reloads and back."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from server.feed.models import Post, PostKind
from server.feed.services import create_post
from server.network.scope import scope_of_user
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, make_user

pytestmark = pytest.mark.e2e


async def test_filter_by_tag_and_top_of_the_week_survive_a_reload(live_server, phones):
    # given a few posts of the region, one of them much loved this week
    network = await make_network()
    camille = await make_user(network.points_of_sale["Lille"], name="Camille Durand")
    hugo = await make_user(network.points_of_sale["Arras"], name="Hugo Lefèvre")
    await create_post(await scope_of_user(camille), PostKind.BEST_PRACTICE, "Le rappel à J+2 après l'essai #relance")
    loved = await create_post(await scope_of_user(hugo), PostKind.WIN, "Record du mois battu, merci l'équipe")
    await create_post(await scope_of_user(camille), PostKind.WIN, "Vitrine refaite #accueil")
    await Post.filter(id=loved.id).update(like_count=14, comment_count=5)
    phone = await phones()
    page = phone.page
    await sign_in(page, hugo.email)
    cards = page.locator("article.post-card")
    await expect(cards).to_have_count(3)

    # when Hugo taps the #relance tag of a post
    await page.locator("article", has_text="rappel à J+2").get_by_role("link", name="#relance").click()

    # then only the #relance posts remain, the filter shows with one tap to clear it, and it is in the address
    await page.wait_for_url("**/?tag=relance")
    await expect(cards).to_have_count(1)
    await expect(cards.first).to_contain_text("rappel à J+2")
    clear_tag = page.get_by_role("button", name="Retirer le filtre #relance")
    await expect(clear_tag).to_be_visible()

    # when colleagues post live, with and without the tag
    await create_post(await scope_of_user(camille), PostKind.WIN, "Deux clients rappelés, deux essais #relance")
    banner = page.get_by_test_id("new-posts-banner")
    await expect(banner).to_have_text("1 nouvelle publication", timeout=10_000)
    await create_post(await scope_of_user(camille), PostKind.WIN, "Café offert aux clients du samedi")
    await create_post(await scope_of_user(camille), PostKind.WIN, "Relance faite, contrat signé #relance")

    # then only the posts of the filtered feed are announced
    await expect(banner).to_have_text("2 nouvelles publications", timeout=10_000)
    await banner.click()
    await expect(cards).to_have_count(3)
    await expect(page.locator("article", has_text="Café offert")).to_have_count(0)

    # when the page is reloaded, the filter is still there
    await page.reload()
    await expect(cards).to_have_count(3)
    await expect(clear_tag).to_be_visible()

    # when he switches to « Top de la semaine » and clears the tag
    await page.get_by_role("button", name="Top de la semaine").click()
    await page.wait_for_url("**/?tag=relance&order=top")
    await clear_tag.click()
    await page.wait_for_url("**/?order=top")

    # then the most loved post of the week comes first, and stays first after a reload
    await expect(cards.first).to_contain_text("Record du mois")
    await page.reload()
    await expect(page.get_by_role("button", name="Top de la semaine")).to_have_attribute("aria-pressed", "true")
    await expect(cards.first).to_contain_text("Record du mois")
    await expect(page.get_by_test_id("active-filters")).to_have_count(0)

    # and back returns to the previous filter
    await page.go_back()
    await page.wait_for_url("**/?tag=relance&order=top")
    await expect(clear_tag).to_be_visible()
    await expect(page.locator("article", has_text="Record du mois")).to_have_count(0)
    # the bar fits the phone's width
    width = await page.locator(".feed-filters").evaluate("el => el.getBoundingClientRect().width")
    assert width <= 360
    assert phone.console_errors == []
