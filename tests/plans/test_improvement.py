"""Continuous improvement: an action plan records the indicator it targets and its value before;
the review shows its effect after, beside comparable points of sale that ran nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.challenges.lifecycle import ChallengeDraft, create_challenge
from server.challenges.models import Metric
from server.evaluation.action_plans import create_plan
from server.evaluation.models import SurveyKind
from server.evaluation.satisfaction import SurveyInput, record_surveys
from server.network.scope import scope_of_user
from server.plans.models import ImprovementAction
from tests.factories import signed_in
from tests.graphql_client import GraphQLClient
from tests.plans.test_my_plan import plan_world

REVIEW = """
query($plan: ID!) { planReview(planId: $plan) { plan { name } effects { kind title unitName indicator
  before after change comparableChange comparableUnits effect verdict } } }
"""
CSV = "query($plan: ID!) { planReviewCsv(planId: $plan) }"
PLAN_ID = "{ myPlan { plan { id } } }"


async def test_the_review_shows_which_action_paid_beside_comparable_points_of_sale(live_server):
    # given Lille, Arras and Bordeaux surveyed ten days ago (Lille behind), and the managers
    network, admin, _, _, _, _ = await plan_world()
    lille, arras, bordeaux = (network.points_of_sale[n] for n in ("Lille", "Arras", "Bordeaux"))
    head_office = await scope_of_user(admin)
    lille_manager, _ = await signed_in(lille, Role.MANAGER, "Sophie Caron")
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    today = datetime.now(UTC).date()
    earlier = today - timedelta(days=10)

    def survey(unit, score, day):
        return SurveyInput(unit.id, SurveyKind.SCORE_10, score, 40, day.replace(day=1) if day.day > 1 else day, day)

    await record_surveys(head_office, [survey(lille, 6.0, earlier), survey(arras, 7.0, earlier), survey(bordeaux, 7.0, earlier)])
    # when Lille's team starts an action plan, and head office a challenge over Bordeaux
    await create_plan(await scope_of_user(lille_manager), lille.id, "Rappeler chaque client sous 48 h")
    metric = await Metric.create(organization_id=network.organization_id, name="Ventes", unit_label="véh.")
    now = datetime.now(UTC)
    await create_challenge(head_office, ChallengeDraft(
        name="Challenge Bordeaux", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=20),
        metrics=[(metric.id, 1.0)], scope_unit_id=bordeaux.id,
    ))
    # then the plan recorded what each targets and its value before
    recorded = {a.title: (a.indicator, a.baseline) for a in await ImprovementAction.filter(organization_id=network.organization_id)}
    assert recorded["Rappeler chaque client sous 48 h"] == ("SATISFACTION", 60.0)
    assert recorded["Challenge Bordeaux"][0] == "CHALLENGES"
    # when this month's surveys come in: Lille up 20 points, Arras up 2, Bordeaux flat
    await record_surveys(head_office, [survey(lille, 8.0, today), survey(arras, 7.2, today), survey(bordeaux, 7.0, today)])
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        plan_id = (await client.execute(PLAN_ID))["myPlan"]["plan"]["id"]
        review = (await client.execute(REVIEW, {"plan": plan_id}))["planReview"]
        exported = (await client.execute(CSV, {"plan": plan_id}))["planReviewCsv"]
    # then Lille's action plan worked: +20 points against +1 for comparable points of sale
    effects = {e["title"]: e for e in review["effects"]}
    assert effects["Rappeler chaque client sous 48 h"] == {
        "kind": "ACTION_PLAN", "title": "Rappeler chaque client sous 48 h", "unitName": "Lille Centre",
        "indicator": "SATISFACTION", "before": 60.0, "after": 80.0, "change": 20.0, "comparableChange": 1.0,
        "comparableUnits": 2, "effect": 19.0, "verdict": "WORKED",
    }
    # and the challenge that just started is too early to judge
    assert effects["Challenge Bordeaux"]["verdict"] == "TOO_EARLY"
    # and so is the module published this morning to the whole network (Ana completed it)
    assert effects["Accueil client"]["kind"] == "TRAINING_CAMPAIGN"
    # and the CSV says the same in French
    lines = exported.strip().splitlines()
    assert lines[0].startswith("verdict;action;type;unité;indicateur")
    row = next(line for line in lines if "Rappeler chaque client" in line)
    assert row.startswith("a marché;Rappeler chaque client sous 48 h;ACTION_PLAN;Lille Centre;SATISFACTION")
    assert row.endswith(";20.0;1.0;2;19.0")
    # and a seller may not read the review
    _, seller_token = await signed_in(lille)
    async with GraphQLClient(live_server.url, token=seller_token) as client:
        assert (await client.errors(REVIEW, {"plan": plan_id}))[0]["extensions"]["code"] == "FORBIDDEN"
