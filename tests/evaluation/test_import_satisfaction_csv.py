"""Satisfaction: CSV import all-or-nothing with a per-row report; the index and its trend."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from server.accounts.models import Role
from server.evaluation.models import SatisfactionSurvey, SurveyKind
from server.evaluation.satisfaction import SurveyInput, months_back, record_surveys
from server.network.scope import scope_of_user
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.factories import captured

IMPORT = """
mutation I($csv: String!) { importSatisfactionCsv(csv: $csv) { __typename
  ... on ImportSatisfactionSuccess { imported }
  ... on ImportSatisfactionRejected { message rows { line column code message } }
  ... on UserError { code } } }
"""
POS = """
query P($id: ID) { pointOfSale(unitId: $id) { unitName index target belowTarget
  trend { month index sampleSize } surveys { kind value sampleSize normalised } } }
"""


async def test_a_file_with_bad_rows_is_reported_row_by_row_and_nothing_is_recorded(live_server):
    # given a manager of Nord and a file with three good rows and three bad ones
    network = await make_network()
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    bordeaux = network.points_of_sale["Bordeaux"]
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    csv = "\n".join(
        [
            "point_of_sale;kind;value;sample_size;period_start;period_end",
            f"{lille.id};NPS;42;120;2026-09-01;2026-09-30",
            "Arras Gare;SCORE_10;8,4;80;2026-09-01;2026-09-30",
            f"{bordeaux.id};NPS;10;50;2026-09-01;2026-09-30",  # line 4: outside the scope
            f"{lille.id};NPS;140;50;2026-10-01;2026-10-31",  # line 5: an NPS above 100
            f"{arras.id};SCORE_10;7;80;2026-10-01;2026-10-31",
            f"{arras.id};CSAT;7;80;31/10/2026;2026-10-31",  # line 7: unknown kind
        ]
    )
    async with GraphQLClient(live_server.url, token=token, **{"Accept-Language": "fr"}) as client:
        # when the file is imported
        rejected = (await client.execute(IMPORT, {"csv": csv}))["importSatisfactionCsv"]
        # then nothing is recorded and each bad row is named
        assert rejected["__typename"] == "ImportSatisfactionRejected"
        assert rejected["message"] == "3 ligne(s) en erreur : rien n'a été importé."
        assert [(r["line"], r["column"], r["code"]) for r in rejected["rows"]] == [
            (4, "point_of_sale", "csv_unknown_point_of_sale"),
            (5, "value", "survey_value_invalid"),
            (7, "kind", "csv_kind_invalid"),
        ]
        assert not await SatisfactionSurvey.filter(unit_id__in=[lille.id, arras.id, bordeaux.id]).exists()
        # and once the bad rows are removed, the rest goes in at once
        good = "\n".join(line for n, line in enumerate(csv.split("\n"), start=1) if n not in (4, 5, 7))
        with captured("evaluation.satisfaction_recorded") as seen:
            accepted = (await client.execute(IMPORT, {"csv": good}))["importSatisfactionCsv"]
    assert accepted == {"__typename": "ImportSatisfactionSuccess", "imported": 3}
    assert await SatisfactionSurvey.filter(unit_id__in=[lille.id, arras.id]).count() == 3
    assert sorted(p["unit_id"] for _, p in seen) == sorted([lille.id, arras.id])


async def test_a_header_without_a_column_is_refused(live_server):
    network = await make_network()
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=token) as client:
        data = (await client.execute(IMPORT, {"csv": "point_of_sale,kind,value\n1,NPS,3"}))["importSatisfactionCsv"]
    assert data["rows"] == [{"line": 1, "column": "sample_size", "code": "csv_column_missing", "message": "Colonne manquante dans l'en-tête."}]


async def test_a_seller_cannot_import(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as client:
        data = (await client.execute(IMPORT, {"csv": "x"}))["importSatisfactionCsv"]
    assert data["__typename"] == "NotAllowedError"


async def test_the_index_is_sample_weighted_by_month_against_the_target(live_server):
    # given two months of surveys in Lille: an NPS and a 0–10 score in the latest month
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, token = await signed_in(lille)
    today = datetime.now(UTC).date()
    this_month, last_month = months_back(today, 2)[1], months_back(today, 2)[0]
    await record_surveys(
        await scope_of_user(manager),
        [
            SurveyInput(lille.id, SurveyKind.SCORE_10, 9.0, 100, last_month, last_month.replace(day=28)),
            SurveyInput(lille.id, SurveyKind.NPS, 20.0, 300, this_month, this_month),  # 60 on the index
            SurveyInput(lille.id, SurveyKind.SCORE_10, 8.0, 100, this_month, this_month),  # 80
        ],
    )
    from server.evaluation.satisfaction import set_target

    admin, _ = await signed_in(network.root, Role.ADMIN)
    await set_target(await scope_of_user(admin), None, 70.0)
    # when the seller opens « Mon point de vente »
    async with GraphQLClient(live_server.url, token=token) as client:
        pos = (await client.execute(POS))["pointOfSale"]
    # then (60×300 + 80×100) / 400 = 65, below the 70 target; last month 90
    assert pos["unitName"] == "Lille Centre"
    assert pos["index"] == 65.0 and pos["target"] == 70.0 and pos["belowTarget"] is True
    assert len(pos["trend"]) == 6
    assert pos["trend"][-1] == {"month": this_month.isoformat(), "index": 65.0, "sampleSize": 400}
    assert pos["trend"][-2] == {"month": last_month.isoformat(), "index": 90.0, "sampleSize": 100}
    assert all(p["index"] is None for p in pos["trend"][:-2])
    assert {s["normalised"] for s in pos["surveys"]} == {60.0, 80.0, 90.0}


async def test_another_point_of_sale_cannot_read_it(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Arras"])
    async with GraphQLClient(live_server.url, token=token) as client:
        data = await client.execute(POS, {"id": str(network.points_of_sale["Lille"].id)})
    assert data["pointOfSale"] is None


@pytest.mark.parametrize(
    ("kind", "value", "expected"), [(SurveyKind.NPS, -100, 0.0), (SurveyKind.NPS, 100, 100.0), (SurveyKind.SCORE_10, 7.5, 75.0)]
)
def test_each_survey_kind_is_brought_to_the_index_scale(kind, value, expected):
    from server.evaluation.satisfaction import normalised

    assert normalised(kind, value) == expected


def test_months_back_crosses_the_year():
    assert months_back(date(2026, 2, 14), 3) == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
