"""Badges on the dashboards: mine, and those awarded this month in a unit, live."""

from __future__ import annotations

from server.accounts.models import Role
from server.badges.awarding import grant
from server.badges.catalogue import NewBadge, create_badge
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient, Subscription

MINE = "{ myDashboard { badges { name emoji kind level } } }"
LIVE = "subscription { unitDashboard { version dashboard { badgesThisMonth } } }"


async def test_a_badge_shows_on_my_dashboard_and_counts_live_on_the_unit(live_server):
    # given a badge, a seller of Lille and the Nord manager's dashboard open
    network = await make_network()
    admin, _ = await signed_in(network.root, Role.ADMIN)
    manager, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, seller_token = await signed_in(network.points_of_sale["Lille"])
    badge = await create_badge(admin, NewBadge(name="Roi du financement", emoji="💶", criteria="Dix financements"))
    async with Subscription(live_server.ws_url, token=manager_token) as board:
        await board.connect()
        await board.subscribe(LIVE)
        first = (await board.next())["payload"]["data"]["unitDashboard"]
        assert first["dashboard"]["badgesThisMonth"] == 0
        # when the seller is awarded the badge
        await grant(badge, seller, reason="Dix financements en octobre", awarded_by=manager)
        # then the manager's count follows, and the seller sees it among its badges
        update = (await board.next())["payload"]["data"]["unitDashboard"]
    assert update["version"] > 0 and update["dashboard"]["badgesThisMonth"] == 1
    async with GraphQLClient(live_server.url, token=seller_token) as client:
        mine = (await client.execute(MINE))["myDashboard"]["badges"]
    assert mine == [{"name": "Roi du financement", "emoji": "💶", "kind": "BADGE", "level": None}]
