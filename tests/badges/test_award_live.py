"""The person awarded hears it live on the notifications subscription (the PWA's animation)."""

from __future__ import annotations

import asyncio

from server.accounts.models import Role
from server.accounts.services import open_session
from server.network.scope import scope_of_user
from tests.badges.factories import make_badge
from tests.factories import make_network, make_user
from tests.graphql_client import GraphQLClient, Subscription

LIVE = "subscription { notifications { type notification { kind text link } unreadCount } }"
AWARD = """
mutation Award($badgeId: ID!, $userIds: [ID!]!) {
  awardBadge(badgeId: $badgeId, userIds: $userIds, reason: "Trois essais transformés") { __typename }
}
"""


async def test_the_recipient_is_told_live_when_a_badge_is_awarded(live_server):
    network = await make_network()
    badge = await make_badge(network, "Esprit d'équipe")
    manager = await make_user(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    seller = await make_user(network.points_of_sale["Lille"])
    async with Subscription(live_server.ws_url, token=await open_session(seller)) as live:
        assert (await live.connect())["type"] == "connection_ack"
        await live.subscribe(LIVE)
        snapshot = (await live.next())["payload"]["data"]["notifications"]
        assert snapshot["type"] == "SNAPSHOT" and snapshot["unreadCount"] == 0
        async with GraphQLClient(live_server.url, token=await open_session(manager)) as client:
            await client.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(seller.id)]})
        message = await live.next()
    event = message["payload"]["data"]["notifications"]
    assert event["type"] == "NOTIFICATION" and event["unreadCount"] == 1
    assert event["notification"] == {
        "kind": "BADGE_RECEIVED",
        "text": "Vous recevez le badge « Esprit d'équipe »",
        "link": f"/people/{seller.id}",
    }


async def test_a_revoked_badges_announcement_leaves_the_feed_live(live_server):
    from server.badges.awarding import award_badge, revoke_award

    network = await make_network()
    badge = await make_badge(network, "Esprit d'équipe")
    manager = await make_user(network.regions["Nord"], Role.MANAGER)
    seller = await make_user(network.points_of_sale["Lille"])
    award = (await award_badge(await scope_of_user(manager), badge.id, [seller.id], "Merci pour le coup de main")).awards[0]
    async with Subscription(live_server.ws_url, token=await open_session(seller)) as live:
        await live.connect()
        await live.subscribe("subscription { feedEvents { type postId } }")
        await asyncio.sleep(0.3)  # the server starts listening once it has the subscribe message
        await revoke_award(manager, award.id, "Attribué par erreur")
        message = await live.next()
    assert message["payload"]["data"]["feedEvents"] == {"type": "POST_REMOVED", "postId": str(award.recognition_post_id)}
