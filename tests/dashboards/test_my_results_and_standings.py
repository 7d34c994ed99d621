"""« Mes résultats »: my results against targets and my challenge standings, live."""

from __future__ import annotations

from tests.challenges.given import arena, live_challenge, sell
from tests.graphql_client import GraphQLClient, Subscription

MINE = """
{ myDashboard {
    results { metricName unitLabel total target percent }
    standings { challengeId name rank participantCount score }
} }
"""
LIVE = """
subscription { myDashboard { version dashboard {
    results { metricName total target percent }
    standings { name rank participantCount score }
} } }
"""


def dashboard(message):
    assert message["type"] == "next", message
    return message["payload"]["data"]["myDashboard"]


async def test_my_results_against_targets_and_standings_follow_a_sale_live(live_server):
    # given two sellers of Lille with a target of 10 cars each and a live challenge; Julie sold 3
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    julie, thomas = found.sellers
    challenge = await live_challenge(found, name="Challenge de novembre")
    await sell(found, julie, 3)
    async with GraphQLClient(live_server.url, token=found.tokens[julie.id]) as client:
        mine = (await client.execute(MINE))["myDashboard"]
    assert mine["results"] == [
        {"metricName": "Véhicules neufs vendus", "unitLabel": "véh.", "total": 3.0, "target": 10.0, "percent": 30.0}
    ]
    assert mine["standings"] == [
        {"challengeId": str(challenge.id), "name": "Challenge de novembre", "rank": 1, "participantCount": 2, "score": 30.0}
    ]
    # and Thomas's and Julie's own dashboards are open
    async with Subscription(live_server.ws_url, token=found.tokens[thomas.id]) as board, \
            Subscription(live_server.ws_url, token=found.tokens[julie.id]) as hers:
        await board.connect()
        await board.subscribe(LIVE)
        await hers.connect()
        await hers.subscribe(LIVE)
        assert dashboard(await hers.next())["dashboard"]["standings"][0]["rank"] == 1
        first = dashboard(await board.next())
        assert first["dashboard"]["results"] == [
            {"metricName": "Véhicules neufs vendus", "total": 0.0, "target": 10.0, "percent": 0.0}
        ]
        assert first["dashboard"]["standings"] == [
            {"name": "Challenge de novembre", "rank": 2, "participantCount": 2, "score": 0.0}
        ]
        # when Thomas sells 5 cars
        await sell(found, thomas, 5)
        # then his results and his standing follow live, and Julie sees she is overtaken
        update = dashboard(await board.next())
        overtaken = dashboard(await hers.next())
    assert overtaken["dashboard"]["standings"] == [
        {"name": "Challenge de novembre", "rank": 2, "participantCount": 2, "score": 30.0}
    ]
    assert overtaken["dashboard"]["results"][0]["total"] == 3.0
    assert update["version"] > 0
    assert update["dashboard"]["results"] == [
        {"metricName": "Véhicules neufs vendus", "total": 5.0, "target": 10.0, "percent": 50.0}
    ]
    assert update["dashboard"]["standings"] == [
        {"name": "Challenge de novembre", "rank": 1, "participantCount": 2, "score": 50.0}
    ]


async def test_a_seller_sees_no_one_elses_results(live_server):
    # given Julie sold 4; Thomas sold nothing
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    julie, thomas = found.sellers
    await sell(found, julie, 4)
    # when Thomas opens « Mes résultats »
    async with GraphQLClient(live_server.url, token=found.tokens[thomas.id]) as client:
        mine = (await client.execute(MINE))["myDashboard"]
    # then only his own figures, and no challenge (none is live)
    assert [(r["total"], r["target"]) for r in mine["results"]] == [(0.0, 10.0)]
    assert mine["standings"] == []


UNIT_LIVE = "subscription { unitDashboard { version dashboard { results { metricName total target percent } } } }"


async def test_the_managers_dashboard_shows_the_subtrees_results_against_targets_live(live_server):
    # given two sellers of Lille with 10 cars each to sell (20 for Nord), a live challenge, Julie sold 3
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    julie, thomas = found.sellers
    await live_challenge(found)
    await sell(found, julie, 3)
    # and the Nord manager's dashboard is open
    async with Subscription(live_server.ws_url, token=found.manager_token) as board:
        await board.connect()
        await board.subscribe(UNIT_LIVE)
        first = (await board.next())["payload"]["data"]["unitDashboard"]
        assert first["dashboard"]["results"] == [
            {"metricName": "Véhicules neufs vendus", "total": 3.0, "target": 20.0, "percent": 15.0}
        ]
        # when Thomas sells 5 cars
        await sell(found, thomas, 5)
        # then the subtree's total follows live
        update = (await board.next())["payload"]["data"]["unitDashboard"]
    assert update["version"] > 0
    assert update["dashboard"]["results"] == [
        {"metricName": "Véhicules neufs vendus", "total": 8.0, "target": 20.0, "percent": 40.0}
    ]


async def test_a_result_outside_any_challenge_still_updates_my_results_live(live_server):
    # given a seller with a target of 10 cars and no challenge running
    found = await arena(sellers=1, names=["Inès Roux"])
    [ines] = found.sellers
    async with Subscription(live_server.ws_url, token=found.tokens[ines.id]) as board:
        await board.connect()
        await board.subscribe(LIVE)
        first = dashboard(await board.next())
        assert first["dashboard"]["results"][0]["total"] == 0.0
        assert first["dashboard"]["standings"] == []
        # when her manager records 4 cars
        await sell(found, ines, 4)
        # then « Mes résultats » follows without a reload
        update = dashboard(await board.next())
    assert update["dashboard"]["results"] == [
        {"metricName": "Véhicules neufs vendus", "total": 4.0, "target": 10.0, "percent": 40.0}
    ]
