"""Actions shown only to those allowed, and a post written offline that is published once."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from server.accounts.models import Role
from server.feed.models import Post, PostKind
from server.feed.services import NewPost, PostContent, create_post
from server.network.scope import scope_of_user
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, make_user

pytestmark = pytest.mark.e2e


async def test_moderation_actions_show_only_to_those_allowed_and_an_offline_post_goes_out_once(
    live_server, phones
):
    # given a seller's best practice, the seller and the regional manager on their phones
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Camille Durand")
    manager = await make_user(network.regions["Nord"], Role.MANAGER, name="Marc Delaunay")
    practice = await create_post(
        await scope_of_user(seller), NewPost(kind=PostKind.BEST_PRACTICE, content=PostContent(body="Le café du samedi"))
    )
    camille, marc = await phones(), await phones()
    await sign_in(camille.page, seller.email)
    await sign_in(marc.page, manager.email)

    # then the author may edit and delete, not hide; the manager may hide and recommend
    await camille.page.goto(f"/posts/{practice.id}")
    await expect(camille.page.get_by_role("button", name="Modifier")).to_be_visible()
    await expect(camille.page.get_by_role("button", name="Supprimer", exact=True)).to_be_visible()
    await expect(camille.page.get_by_role("button", name="Masquer")).to_have_count(0)
    await expect(camille.page.get_by_role("button", name="Signaler")).to_have_count(0)
    await marc.page.goto(f"/posts/{practice.id}")
    await expect(marc.page.get_by_role("button", name="Masquer")).to_be_visible()
    await expect(marc.page.get_by_role("button", name="Signaler")).to_be_visible()
    await marc.page.get_by_role("button", name="Recommander à mon équipe").click()
    await expect(marc.page.locator(".post-recommended")).to_contain_text("Recommandé par Marc Delaunay")

    # when Camille writes a win without network
    await camille.page.goto("/")
    await expect(camille.page.locator("article", has_text="Le café du samedi").first).to_be_visible()
    await camille.context.set_offline(True)
    await camille.page.get_by_role("button", name="Publier", exact=True).click()
    await camille.page.get_by_label("Votre message").fill("Vente flotte signée sans réseau")
    await camille.page.get_by_role("dialog").get_by_role("button", name="Publier").click()
    waiting = camille.page.locator("article.is-pending", has_text="Vente flotte signée sans réseau")
    await expect(waiting).to_be_visible()
    assert not await Post.filter(author_id=seller.id, body__contains="sans réseau").exists()

    # then back online it is published once, and no longer waits
    await camille.context.set_offline(False)
    await camille.page.evaluate("window.dispatchEvent(new Event('online'))")
    await expect(waiting).to_have_count(0, timeout=15_000)
    assert await Post.filter(author_id=seller.id, body="Vente flotte signée sans réseau").count() == 1
