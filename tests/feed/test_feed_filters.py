"""The filters the feed's filter bar sends: « Mon équipe » and « Ma région » (`within`), and
live announcements that follow the active filter."""

from __future__ import annotations

import asyncio

from tests.factories import make_network, signed_in
from tests.feed.documents import FEED, bodies, create
from tests.graphql_client import GraphQLClient, Subscription
from tests.server_log import describe, server_faults

NEW_POSTS = """
subscription New($filter: FeedFilter) { feedEvents(filter: $filter) { version type post { body } } }
"""


async def test_my_team_and_my_region_follow_where_the_viewer_works(live_server):
    # given sellers of Lille and Arras (region Nord) and of Bordeaux (Sud-Ouest)
    network = await make_network()
    _, lille = await signed_in(network.points_of_sale["Lille"])
    _, arras = await signed_in(network.points_of_sale["Arras"])
    _, bordeaux = await signed_in(network.points_of_sale["Bordeaux"])
    for token, body in ((lille, "Lille gagne"), (arras, "Arras gagne"), (bordeaux, "Bordeaux gagne")):
        async with GraphQLClient(live_server.url, token=token) as seller:
            await create(seller, body=body)

    # when the Lille seller reads each scope
    async with GraphQLClient(live_server.url, token=lille) as seller:

        async def read(filter: dict | None) -> list[str]:  # type: ignore[type-arg]
            return bodies((await seller.execute(FEED, {"first": 10, "filter": filter}))["feed"])

        team = await read({"within": "UNIT"})
        region = await read({"within": "REGION"})
        network_wide = await read({"within": "NETWORK"})
        region_of_bordeaux = await read({"within": "REGION", "unitId": str(network.regions["Sud-Ouest"].id)})

    # then
    assert team == ["Lille gagne"]
    assert region == ["Arras gagne", "Lille gagne"]
    assert network_wide == ["Bordeaux gagne", "Arras gagne", "Lille gagne"]
    assert region_of_bordeaux == []  # two scopes that don't overlap keep nothing


async def test_live_announcements_follow_the_active_filter(live_server):
    # given a seller of Lille listening to the feed filtered on #financement in her region
    network = await make_network()
    _, lille = await signed_in(network.points_of_sale["Lille"])
    _, arras = await signed_in(network.points_of_sale["Arras"])
    _, bordeaux = await signed_in(network.points_of_sale["Bordeaux"])
    async with Subscription(live_server.ws_url, token=lille) as listener:
        assert (await listener.connect())["type"] == "connection_ack"
        await listener.subscribe(NEW_POSTS, {"filter": {"tag": "financement", "within": "REGION"}})
        await asyncio.sleep(0.2)

        # when posts arrive that match and that don't
        async with GraphQLClient(live_server.url, token=arras) as a, GraphQLClient(
            live_server.url, token=bordeaux
        ) as b:
            await create(a, body="Arras sans tag")
            await create(b, body="Bordeaux #financement")
            await create(a, "BEST_PRACTICE", "Arras #Financement en trois étapes")
        heard = await listener.next()

    # then only the one in the filtered feed is announced, numbered without a gap
    event = heard["payload"]["data"]["feedEvents"]
    assert event["type"] == "POST_CREATED"
    assert event["post"]["body"] == "Arras #Financement en trois étapes"
    assert event["version"] == 1


async def test_a_tag_longer_than_any_posts_finds_nothing_and_is_no_server_fault(live_server):
    # given a post tagged #relance
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as seller:
        await create(seller, body="Trois rappels, deux ventes #relance")
        # when the feed is filtered by a tag of 10,000 characters (a hand-made link)
        with server_faults() as faults:
            long = (await seller.execute(FEED, {"first": 10, "filter": {"tag": "x" * 10_000}}))["feed"]
        short = (await seller.execute(FEED, {"first": 10, "filter": {"tag": "relance"}}))["feed"]
    # then it is an empty page, not an error
    assert bodies(long) == [] and bodies(short) == ["Trois rappels, deux ventes #relance"]
    assert describe(faults) == []
