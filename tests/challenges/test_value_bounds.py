"""Result values and targets are finite and bounded (server.challenges.bounds), by hand, by
CSV or by a CRM; and a row stored before that rule (an old 1e308) breaks no screen."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.challenges.bounds import VALUE_MAX
from server.challenges.models import Participant, Result, Target
from tests.challenges.given import arena, live_challenge, now, sell
from tests.graphql_client import GraphQLClient, Subscription

HUGE = 1e308
RECORD = """
mutation($metric: ID!, $participant: ID!, $value: Float!, $at: DateTime!, $key: String!) {
  recordResult(metric: $metric, participant: $participant, value: $value, occurredAt: $at, idempotencyKey: $key) {
    __typename ... on UserError { code message } ... on ValidationError { field } } }
"""
SET_TARGET = """
mutation($metric: ID!, $participant: ID!, $start: DateTime!, $end: DateTime!, $value: Float!) {
  setTarget(metric: $metric, participant: $participant, periodStart: $start, periodEnd: $end, value: $value) {
    __typename ... on UserError { code message } } }
"""
SPREAD = """
mutation($metric: ID!, $unit: ID!, $start: DateTime!, $end: DateTime!, $value: Float!) {
  spreadTarget(metric: $metric, unit: $unit, periodStart: $start, periodEnd: $end, value: $value) {
    __typename ... on UserError { code message } } }
"""
IMPORT_RESULTS = """
mutation($csv: String!) { importResults(csv: $csv, validRowsOnly: true) {
  __typename ... on ImportReport { total applied errors { line code } } } }
"""
IMPORT_TARGETS = """
mutation($csv: String!) { importTargets(csv: $csv, validRowsOnly: true) {
  __typename ... on ImportReport { total applied errors { line code } } } }
"""


@pytest.mark.parametrize("value", [HUGE, -HUGE, VALUE_MAX * 1.5])
async def test_a_result_beyond_the_bound_is_refused_and_stores_nothing(live_server, value):
    found = await arena(sellers=1)
    await live_challenge(found)
    julie = found.sellers[0]
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        refused = (await manager.execute(RECORD, {
            "metric": str(found.metric.id), "participant": str(julie.id), "value": value,
            "at": now().isoformat(), "key": "too-big-0001"}))["recordResult"]
    assert (refused["__typename"], refused["code"], refused["field"]) == ("ValidationError", "result_value_too_large", "value")
    assert refused["message"] == f"La valeur ne peut pas dépasser {VALUE_MAX} (en valeur absolue)."
    assert not await Result.filter(user_id=julie.id).exists()


async def test_targets_beyond_the_bound_are_refused_one_by_one_spread_or_imported(live_server):
    found = await arena(sellers=1, target=None)
    julie = found.sellers[0]
    start, end = now() - timedelta(days=1), now() + timedelta(days=20)
    period = {"metric": str(found.metric.id), "start": start.isoformat(), "end": end.isoformat(), "value": HUGE}
    day = now().date().isoformat()
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        one = (await manager.execute(SET_TARGET, {**period, "participant": str(julie.id)}))["setTarget"]
        spread = (await manager.execute(SPREAD, {**period, "unit": str(found.network.points_of_sale["Lille"].id)}))["spreadTarget"]
        imported = (await manager.execute(IMPORT_TARGETS, {"csv": (
            "metric;participant;period_start;period_end;value\n"
            f"Véhicules neufs vendus;{julie.email};{day};{(now() + timedelta(days=30)).date().isoformat()};1e308\n"
            f"Véhicules neufs vendus;{julie.email};{day};{(now() + timedelta(days=30)).date().isoformat()};inf\n"
        )}))["importTargets"]
        results = (await manager.execute(IMPORT_RESULTS, {"csv": (
            "metric;participant;value;occurred_at\n"
            f"Véhicules neufs vendus;{julie.email};1e308;{day}\n"
            f"Véhicules neufs vendus;{julie.email};nan;{day}\n"
        )}))["importResults"]
    assert (one["__typename"], one["code"]) == ("ValidationError", "target_value_too_large")
    assert (spread["__typename"], spread["code"]) == ("ValidationError", "target_value_too_large")
    assert imported["applied"] == 0 and [(e["line"], e["code"]) for e in imported["errors"]] == [
        (2, "target_value_too_large"), (3, "target_value_invalid")]
    assert results["applied"] == 0 and [(e["line"], e["code"]) for e in results["errors"]] == [
        (2, "result_value_too_large"), (3, "result_value_invalid")]
    assert not await Target.filter(user_id=julie.id).exists()
    assert not await Result.filter(user_id=julie.id).exists()


SELLER_SCREENS = """query($id: ID!) {
  challenges { id myStanding { score gapToNextRank breakdown { value percent points } } }
  challenge(id: $id) { leaderboard(first: 10) { edges { node { displayName score } } } aroundMe { score } }
  myDashboard { results { total target percent } standings { score } }
}"""
MANAGER_SCREENS = """query($id: ID!, $unit: ID!) {
  challenge(id: $id) { leaderboard(first: 10) { edges { node { displayName score } } } }
  unitDashboard(unitId: $unit) { results { total target percent } }
}"""
SNAPSHOT = "subscription($id: ID!) { leaderboard(challengeId: $id) { type rows { displayName score } } }"


async def test_an_old_out_of_range_row_breaks_no_screen(live_server):
    # given a board where, before values were bounded, a sale of 1e308 was recorded for Julie:
    # her score was stored as an infinity
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    challenge = await live_challenge(found)
    julie, thomas = found.sellers
    await sell(found, thomas, 2)
    await Result.create(organization_id=found.network.organization_id, metric_id=found.metric.id, user_id=julie.id,
                        value=HUGE, occurred_at=now(), idempotency_key="legacy-huge-0001", recorded_by_id=found.manager.id)
    me = await Participant.get(challenge_id=challenge.id, user_id=julie.id)
    me.parts = {"metrics": {str(found.metric.id): {"total": HUGE, "target": 10.0, "baseline": None}}}
    me.score = float("inf")
    await me.save(update_fields=["parts", "score"])
    lille = str(found.network.points_of_sale["Lille"].id)

    async def screens() -> list[dict]:  # type: ignore[type-arg]
        async with GraphQLClient(live_server.url, token=found.tokens[julie.id]) as seller, GraphQLClient(
            live_server.url, token=found.manager_token
        ) as manager:
            return [(await seller.raw(SELLER_SCREENS, {"id": str(challenge.id)})).json(),
                    (await manager.raw(MANAGER_SCREENS, {"id": str(challenge.id), "unit": lille})).json()]

    # when she and her manager open their screens, before and after the next sale re-scores her
    before = await screens()
    await sell(found, julie, 1)
    after = await screens()
    async with Subscription(live_server.ws_url, token=found.tokens[julie.id]) as socket:
        await socket.connect()
        await socket.subscribe(SNAPSHOT, {"id": str(challenge.id)})
        snapshot = (await socket.next())["payload"]

    # then every screen answers with numbers, Julie first
    for body in [*before, *after, snapshot]:
        assert "errors" not in body, body.get("errors")
    board = after[0]["data"]["challenge"]["leaderboard"]["edges"]
    assert [e["node"]["displayName"] for e in board] == ["Julie Moreau", "Thomas Petit"]
    assert board[0]["node"]["score"] <= 1e12
    assert snapshot["data"]["leaderboard"]["rows"][0]["displayName"] == "Julie Moreau"
