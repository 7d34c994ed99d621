"""An English phone reads what Élan wrote in English: the notification centre and the feed's
automatic posts, at 360×740, with no French outside the organisation's own names."""

from __future__ import annotations

from playwright.async_api import expect

from server.accounts.models import Role
from server.feed.system_posts import create_system_post
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.push.models import PushSubscription
from tests.factories import make_network, make_user, signed_in

FRENCH = ("Vous ", "vous ", "reçoit", "entre dans", "terminé", "Bravo", "Un participant", "il y a", "«", "»")
CHALLENGE, BADGE = "Printemps des utilitaires", "Roi du financement"


async def test_an_english_phone_reads_notifications_and_automatic_posts_in_english(live_server, phones):
    # given Julie, whose phone speaks English, Karim who overtook her, and Sarah who awarded him a badge
    network = await make_network()
    julie, token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    karim = await make_user(network.points_of_sale["Lille"], name="Karim Benali")
    elodie = await make_user(network.points_of_sale["Lille"], name="Élodie Martin")
    sarah = await make_user(network.regions["Nord"], Role.MANAGER, name="Sarah François")
    await notify(julie.id, NotificationKind.RANK_OVERTAKEN, actor=karim, push=False,
                 params={"challengeId": 0, "challenge": CHALLENGE, "rank": 3})
    await notify(julie.id, NotificationKind.DUEL_INVITATION, actor=sarah, push=False, params={"challengeId": 0, "days": 7})
    for fan in (karim, elodie, sarah):
        await notify(julie.id, NotificationKind.POST_LIKED, actor=fan, push=False, params={"postId": 1}, group_key="like:1")
    await create_system_post(karim, "BADGE_AWARDED", {"userId": karim.id, "badgeId": 0, "badge": BADGE, "emoji": "🏅",
                                                       "byId": sarah.id})
    await create_system_post(sarah, "CHALLENGE_PODIUM", {"challengeId": 0, "challenge": CHALLENGE, "podium": [
        {"rank": 1, "userId": karim.id}, {"rank": 2, "hidden": True}, {"rank": 3, "userId": julie.id}]})
    await PushSubscription.create(user_id=julie.id, endpoint="https://fcm.googleapis.com/fcm/send/x", p256dh="k", auth="a",
                                  user_agent="Python-urllib/3.11")

    # when she opens the app on her English phone
    phone = await phones(locale="en-GB")
    page = phone.page
    await phone.context.add_cookies([{"name": "elan_session", "value": token, "url": live_server.url}])
    await page.goto("/")

    # then the feed's automatic posts are in English
    posts = page.locator(".post-card .post-body")
    await expect(posts.first).to_be_visible(timeout=10_000)
    await expect(page.get_by_text("Podium: 1st Karim Benali, 2nd A participant, 3rd Julie Moreau.", exact=False)).to_be_visible()
    await expect(page.get_by_text(f"🏅 Karim Benali received the “{BADGE}” badge, awarded by Sarah François.")).to_be_visible()
    feed_text = await page.locator("main").inner_text()
    assert not [word for word in FRENCH if word in feed_text], feed_text

    # and the notification centre too, with times in English words
    await page.goto("/notifications")
    lines = page.locator(".notification-text")
    await expect(lines).to_have_count(3, timeout=10_000)
    assert await lines.all_inner_texts() == [
        "Sarah François and 2 others like your post",
        "Sarah François challenges you to a duel",
        f"Karim Benali just overtook you in “{CHALLENGE}”: you are 3rd",
    ]
    times = await page.locator(".notification-time").all_inner_texts()
    assert all(t in ("now",) or t.endswith("ago") or t == "yesterday" for t in times), times
    centre = await page.locator("main").inner_text()
    assert not [word for word in FRENCH if word in centre], centre

    # and her registered device has a readable name, never its raw user agent
    await page.goto("/settings/notifications")
    await expect(page.locator(".device-name")).to_have_text("Unknown device", timeout=10_000)
    assert "Python-urllib" not in await page.locator("main").inner_text()
    # and nothing overflows the phone's width
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert phone.console_errors == []
