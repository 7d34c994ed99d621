"""Dashboard figures against independently computed values on a 5,000-person network; live updates; CSV."""

from __future__ import annotations

import asyncio
import csv
import io
import time
from datetime import UTC, datetime

import pytest

from server.accounts.models import Role
from server.accounts.services import open_session
from server.network.scope import scope_of_user
from server.training import quizzes
from tests.dashboards.network5000 import expected_figures, expected_trend, generate
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient, Subscription
from tests.training.factories import make_module, make_quiz

FIGURES = "people assigned started notStarted completed completionRate quizAverage quizScoresCount"
DASHBOARD = f"""
query D($id: ID) {{ unitDashboard(unitId: $id) {{ unitName satisfactionIndex satisfactionTarget
  figures {{ {FIGURES} }}
  satisfactionTrend {{ month index sampleSize }}
  subUnits {{ unitId name rank satisfactionIndex figures {{ {FIGURES} }} }} }} }}
"""
CSV_EXPORT = "query X($id: ID!, $t: DashboardTable!) { dashboardCsv(unitId: $id, table: $t) }"
LIVE = f"""
subscription L($id: ID) {{ unitDashboard(unitId: $id) {{ version dashboard {{ figures {{ {FIGURES} }} }} }} }}
"""
MY_LIVE = "subscription { myDashboard { version dashboard { modulesCompleted quizAverage quizzesTaken } } }"


@pytest.fixture(scope="module")
async def network5000(live_server):
    return await generate(datetime.now(UTC).date())


async def test_figures_match_the_data_on_5000_people(live_server, network5000):
    # given 5,000 people over 4 regions and 100 points of sale, and head office (5,001)
    generated = network5000
    token = await open_session(generated.admin)
    async with GraphQLClient(live_server.url, token=token) as client:
        # when head office opens its dashboard and a region's
        started = time.perf_counter()
        board = (await client.execute(DASHBOARD))["unitDashboard"]
        elapsed = time.perf_counter() - started
        region = (await client.execute(DASHBOARD, {"id": str(generated.regions[2].id)}))["unitDashboard"]
    # then every figure equals what the generator recorded
    assert board["figures"] == expected_figures(generated.people)
    trend = {p["month"]: p["index"] for p in board["satisfactionTrend"]}
    assert trend == expected_trend(generated.surveys, None)
    for row in board["subUnits"]:
        index = next(i for i, r in enumerate(generated.regions) if str(r.id) == row["unitId"])
        assert row["figures"] == expected_figures([p for p in generated.people if p.region == index])
    ranks = [(r["rank"], r["figures"]["completionRate"]) for r in board["subUnits"]]
    assert ranks == sorted(ranks, key=lambda pair: (pair[0], -pair[1]))
    assert region["figures"] == expected_figures([p for p in generated.people if p.region == 2])
    assert {p["month"]: p["index"] for p in region["satisfactionTrend"]} == expected_trend(generated.surveys, 2)
    assert len(region["subUnits"]) == 25
    pos7 = next(r for r in region["subUnits"] if r["name"] == "PDV 2-7")
    assert pos7["figures"] == expected_figures([p for p in generated.people if p.pos == 57])
    assert elapsed < 10, f"head office dashboard took {elapsed:.1f}s"


async def test_the_people_csv_has_everyone_with_their_figures(live_server, network5000):
    generated = network5000
    token = await open_session(generated.admin)
    async with GraphQLClient(live_server.url, token=token, **{"Accept-Language": "fr"}) as client:
        text = (await client.execute(CSV_EXPORT, {"id": str(generated.regions[1].id), "t": "PEOPLE"}))["dashboardCsv"]
        units = (await client.execute(CSV_EXPORT, {"id": str(generated.root.id), "t": "SUB_UNITS"}))["dashboardCsv"]
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["personne", "unité", "formations assignées", "commencées", "terminées", "moyenne quiz (%)"]
    people = {p.id: p for p in generated.people if p.region == 1}
    assert len(rows) - 1 == len(people) == 1250
    assert sum(int(r[4]) for r in rows[1:]) == sum(len(p.completed) for p in people.values())
    unit_rows = list(csv.reader(io.StringIO(units), delimiter=";"))
    assert [r[1] for r in unit_rows[1:]] and len(unit_rows) == 5


async def test_every_table_exports_with_its_header(live_server):
    network = await make_network()
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    await signed_in(network.points_of_sale["Lille"], name="=HYPERLINK(\"http://x\")")
    async with GraphQLClient(live_server.url, token=token, **{"Accept-Language": "en"}) as client:
        people = (await client.execute(CSV_EXPORT, {"id": str(network.regions["Nord"].id), "t": "PEOPLE"}))["dashboardCsv"]
        # a name that a spreadsheet would run as a formula is kept as text
        assert "'=HYPERLINK" in people
        for table, first in (("SUB_UNITS", "rank"), ("PEOPLE", "person"), ("ACTION_PLANS", "point of sale"),
                             ("SATISFACTION", "month"), ("ASSESSMENTS", "person")):
            text = (await client.execute(CSV_EXPORT, {"id": str(network.regions["Nord"].id), "t": table}))["dashboardCsv"]
            assert text.split(";")[0] == first, table


async def test_a_manager_outside_cannot_open_another_units_dashboard(live_server):
    network = await make_network()
    _, token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    _, seller_token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as client:
        errors = await client.errors(DASHBOARD, {"id": str(network.regions["Nord"].id)})
        assert errors[0]["extensions"]["code"] == "FORBIDDEN"
        csv_errors = await client.errors(CSV_EXPORT, {"id": str(network.regions["Nord"].id), "t": "PEOPLE"})
        assert csv_errors[0]["extensions"]["code"] == "FORBIDDEN"
    async with GraphQLClient(live_server.url, token=seller_token) as client:
        assert (await client.errors(DASHBOARD))[0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_managers_dashboard_updates_live_when_a_seller_completes_and_passes(live_server):
    # given a module with its quiz for Lille, and the Nord manager's dashboard open
    network = await make_network()
    manager, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, seller_token = await signed_in(network.points_of_sale["Lille"])
    module_id = await make_module(manager, [network.points_of_sale["Lille"]], sections=1, role=Role.MEMBER)
    quiz_id = await make_quiz(manager, module_id=module_id, pass_mark=0)
    _, far_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    async with (
        Subscription(live_server.ws_url, token=manager_token) as board,
        Subscription(live_server.ws_url, token=seller_token) as mine,
        Subscription(live_server.ws_url, token=far_token) as far,
    ):
        await board.connect()
        await board.subscribe(LIVE)
        await mine.connect()
        await mine.subscribe(MY_LIVE)
        await far.connect()
        await far.subscribe(LIVE)
        first = (await board.next())["payload"]["data"]["unitDashboard"]
        await mine.next()
        await far.next()
        assert first["version"] == 0 and first["dashboard"]["figures"]["completed"] == 0
        # when the seller reads the module and passes its quiz
        async with GraphQLClient(live_server.url, token=seller_token) as client:
            await client.execute(
                "mutation($id: ID!) { recordTrainingProgress(moduleId: $id, sectionsDone: 1) { __typename } }",
                {"id": str(module_id)},
            )
        await quizzes.submit_quiz_attempt(await scope_of_user(seller), quiz_id, {})
        # then the manager's figures follow (possibly in one or two updates)
        figures = first["dashboard"]["figures"]
        deadline = time.monotonic() + 5
        while figures["completed"] == 0 or figures["quizScoresCount"] == 0:
            assert time.monotonic() < deadline
            update = (await board.next())["payload"]["data"]["unitDashboard"]
            assert update["version"] > 0
            figures = update["dashboard"]["figures"]
        assert figures["completed"] == 1 and figures["started"] == 1 and figures["quizAverage"] == 0.0
        # and the seller's own dashboard too
        me = (await mine.next())["payload"]["data"]["myDashboard"]["dashboard"]
        while me["modulesCompleted"] == 0 or me["quizzesTaken"] == 0:
            me = (await mine.next())["payload"]["data"]["myDashboard"]["dashboard"]
        assert me == {"modulesCompleted": 1, "quizAverage": 0.0, "quizzesTaken": 1}
        # while another region's manager hears nothing
        assert await far.nothing_within(0.5)
    await asyncio.sleep(0)
