"""The complete feed on phones: a best practice with a photo, a colleague's comment arriving
live with its notification, and a like and a comment made offline that arrive exactly once."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.async_api import expect

from server.feed.models import Comment, Like, Post, PostImage
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, signed_in
from tests.feed.documents import ADD_COMMENT
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.e2e


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (33, 86, 160)).save(out, "JPEG")
    return out.getvalue()


async def test_a_best_practice_with_a_photo_gets_a_live_comment_and_offline_reactions_arrive_once(
    live_server, phones
):
    # given two colleagues of the same region
    network = await make_network()
    author, _ = await signed_in(network.points_of_sale["Lille"], name="Camille Durand")
    colleague, colleague_token = await signed_in(network.points_of_sale["Arras"], name="Hugo Lefèvre")
    camille = await phones()
    await sign_in(camille.page, author.email)

    # when Camille shares a best practice with a photo
    page = camille.page
    await page.get_by_role("button", name="Publier", exact=True).click()
    await page.get_by_role("radio", name="Bonne pratique").check()
    await page.get_by_label("Votre message").fill("Le rappel à J+2\nUn appel court deux jours après l'essai #relance")
    await page.get_by_test_id("photo-input").set_input_files(
        files=[{"name": "vitrine.jpg", "mimeType": "image/jpeg", "buffer": photo()}]
    )
    publish = page.get_by_role("dialog").get_by_role("button", name="Publier")
    await expect(publish).to_be_enabled(timeout=10_000)
    await expect(page.locator(".photo-previews progress")).to_have_count(0)
    await publish.click()

    # then the card shows the photo with its size reserved, and the tag
    card = page.locator("article", has_text="Le rappel à J+2")
    await expect(card).to_be_visible()
    image = card.locator(".post-images img")
    await expect(image).to_have_attribute("width", "720")
    await expect(image).to_have_attribute("height", "540")
    await expect(card.locator(".tag-chip")).to_have_text("#relance")
    post = await Post.get(author_id=author.id)
    assert post.kind == "BEST_PRACTICE" and await PostImage.filter(post_id=post.id).count() == 1

    # when Camille opens it and Hugo comments
    await card.get_by_role("link", name="0 commentaire").click()
    await page.wait_for_url(f"**/posts/{post.id}")
    await expect(page.get_by_text("Aucun commentaire pour l’instant. Soyez le premier !")).to_be_visible()
    async with GraphQLClient(live_server.url, token=colleague_token) as hugo_api:
        await hugo_api.execute(ADD_COMMENT, {"input": {"postId": str(post.id), "body": "Je teste ça lundi !"}})

    # then the comment arrives live, and Camille is notified
    await expect(page.locator(".comment", has_text="Je teste ça lundi !")).to_be_visible(timeout=10_000)
    await page.goto("/notifications")
    await expect(page.get_by_text("Hugo Lefèvre a commenté votre publication")).to_be_visible(timeout=10_000)

    # when Hugo, offline, likes and comments on his phone, then closes the app
    hugo = await phones()
    await sign_in(hugo.page, colleague.email)
    await hugo.page.goto(f"/posts/{post.id}")
    hugo_card = hugo.page.locator("article", has_text="Le rappel à J+2")
    await expect(hugo_card).to_be_visible()
    await hugo.context.set_offline(True)
    await hugo_card.get_by_test_id("like-button").click()
    await expect(hugo_card.locator(".pending-chip")).to_have_text("En attente")
    await expect(hugo_card.get_by_test_id("like-count")).to_have_text("1")
    await hugo.page.get_by_label("Votre commentaire").fill("Bravo, hors ligne mais convaincu")
    await hugo.page.get_by_role("button", name="Envoyer").click()
    await expect(hugo.page.locator(".comment.is-pending", has_text="hors ligne")).to_be_visible()
    assert await Like.filter(post_id=post.id).count() == 0
    await hugo.page.close()

    # then, back online, reopening the app sends both, exactly once
    await hugo.context.set_offline(False)
    hugo.page = await hugo.context.new_page()
    await hugo.page.goto(f"/posts/{post.id}")
    sent = hugo.page.locator(".comment:not(.is-pending)", has_text="hors ligne")
    await expect(sent).to_be_visible(timeout=15_000)
    await expect(hugo.page.locator(".pending-chip")).to_have_count(0)
    await expect(hugo.page.locator("article").get_by_test_id("like-count")).to_have_text("1")
    await hugo.page.reload()
    await expect(hugo.page.locator(".comment", has_text="hors ligne")).to_have_count(1)
    assert await Like.filter(post_id=post.id, user_id=colleague.id).count() == 1
    assert await Comment.filter(post_id=post.id, author_id=colleague.id, body__contains="hors ligne").count() == 1
    assert (await Post.get(id=post.id)).like_count == 1
    assert camille.console_errors == []
