"""Offline on a phone: a post with a photo, a like and a comment wait on the device; the app is
closed; once the network is back the service worker sends them itself, with no page open, and
each arrives exactly once."""

from __future__ import annotations

import asyncio

import pytest
from playwright.async_api import expect

from server.feed.models import Comment, Like, Post, PostImage, PostKind
from server.feed.services import create_post
from server.media.models import Media
from server.network.scope import scope_of_user
from tests.e2e.test_feed_complete import photo
from tests.e2e.test_feed_slice import sign_in
from tests.factories import make_network, make_user

pytestmark = pytest.mark.e2e

OFFLINE_BODY = "Vitrine refaite ce matin, photo prise hors ligne #vitrine"


async def arrived(hugo_id: int, post_id: int) -> bool:
    return (
        await Like.filter(post_id=post_id, user_id=hugo_id).exists()
        and await Comment.filter(post_id=post_id, author_id=hugo_id).exists()
        and await Post.filter(author_id=hugo_id, body=OFFLINE_BODY).exists()
    )


async def test_the_service_worker_sends_what_was_queued_offline_with_the_app_closed(live_server, phones):
    # given Hugo on Camille's post, with the app installed (service worker in control)
    network = await make_network()
    camille = await make_user(network.points_of_sale["Lille"], name="Camille Durand")
    hugo = await make_user(network.points_of_sale["Arras"], name="Hugo Lefèvre")
    post = await create_post(await scope_of_user(camille), PostKind.WIN, "Trois financements signés ce matin")
    phone = await phones()
    page = phone.page
    await sign_in(page, hugo.email)
    assert await page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    await page.goto(f"/posts/{post.id}")
    card = page.locator("article", has_text="Trois financements")
    await expect(card).to_be_visible()

    # when, offline, he likes and comments, then shares a photo from the composer
    await phone.context.set_offline(True)
    await card.get_by_test_id("like-button").click()
    await expect(card.locator(".pending-chip")).to_have_text("En attente")
    await page.get_by_label("Votre commentaire").fill("Bravo, envoyé depuis le parking")
    await page.get_by_role("button", name="Envoyer").click()
    await expect(page.locator(".comment.is-pending", has_text="parking")).to_be_visible()
    await page.get_by_role("button", name="Publier", exact=True).click()
    await page.get_by_label("Votre message").fill(OFFLINE_BODY)
    await page.get_by_test_id("photo-input").set_input_files(
        files=[{"name": "vitrine.jpg", "mimeType": "image/jpeg", "buffer": photo()}]
    )
    await expect(page.locator(".photo-previews .pending-chip")).to_have_text("En attente")
    await page.get_by_role("dialog").get_by_role("button", name="Publier").click()

    # then the post waits on the phone as « en attente », with its photo previewed
    pending = page.get_by_test_id("pending-post")
    await expect(pending).to_contain_text(OFFLINE_BODY)
    await expect(pending.locator(".pending-chip")).to_have_text("En attente")
    await expect(pending.locator("img")).to_have_count(1)
    assert await pending.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert not await arrived(hugo.id, post.id)

    # when he closes the app, and only then the network comes back
    await page.close()
    assert phone.context.pages == []
    await phone.context.set_offline(False)

    # then the service worker sends everything with no page open
    for _ in range(120):
        if await arrived(hugo.id, post.id):
            break
        await asyncio.sleep(0.25)
    assert phone.context.pages == []
    assert await arrived(hugo.id, post.id), "the service worker did not send the outbox"

    # and each action arrived exactly once, the post with its photo
    shared = await Post.get(author_id=hugo.id, body=OFFLINE_BODY)
    images = await PostImage.filter(post_id=shared.id).values_list("media_id", flat=True)
    assert len(images) == 1
    assert await Media.filter(owner_id=hugo.id).count() == 1  # uploaded once, no orphan left
    assert await Like.filter(post_id=post.id).count() == 1
    assert (await Post.get(id=post.id)).like_count == 1
    assert await Comment.filter(post_id=post.id, author_id=hugo.id).count() == 1
    assert await Post.filter(author_id=hugo.id).count() == 1

    # when he opens the app again
    page = await phone.context.new_page()
    await page.goto("/")

    # then nothing waits any more, and the post shows its photo from the server
    mine = page.locator("article.post-card:not(.is-pending)", has_text="photo prise hors ligne")
    await expect(mine).to_be_visible(timeout=10_000)
    await expect(mine.locator(".post-images img")).to_have_attribute("width", "720")
    await expect(page.get_by_test_id("pending-post")).to_have_count(0)
    await expect(page.locator(".pending-chip")).to_have_count(0)
    await page.reload()
    await expect(page.locator("article.post-card", has_text="photo prise hors ligne")).to_have_count(1)
    assert await Comment.filter(post_id=post.id, author_id=hugo.id).count() == 1
    assert await Post.filter(author_id=hugo.id).count() == 1
