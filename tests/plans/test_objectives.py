"""Objectives per unit and period: set by head office on a region and spread to its points of
sale, overridden below by a manager, per quarter or month, with their history."""

from __future__ import annotations

from server.accounts.models import Role
from tests.factories import signed_in
from tests.graphql_client import GraphQLClient
from tests.plans.test_my_plan import plan_world

SET = """
mutation($input: SetPlanObjectiveInput!) { setPlanObjective(input: $input) { __typename
  ... on SetPlanObjectiveSuccess { objective { target period periodStart } } ... on UserError { code } } }
"""
PLAN = """
query($unit: ID) { myPlan(unitId: $unit) { plan { id } units { unitId unitName
  levers { lever target objectiveUnitId objectivePeriod } } } }
"""
HISTORY = """
query($plan: ID!, $unit: ID) { planObjectiveHistory(planId: $plan, unitId: $unit) {
  actorName unitName lever period before after spread } }
"""


def training_targets(plan: dict) -> dict[str, tuple]:
    return {
        u["unitName"]: next((r["target"], r["objectiveUnitId"], r["objectivePeriod"]) for r in u["levers"] if r["lever"] == "TRAINING")
        for u in plan["units"]
    }


async def test_an_objective_spread_from_a_region_is_overridden_below_and_its_history_kept(live_server):
    # given the plan (training objective 80 %), head office, the Nord manager and Lille's manager
    network, _, _, _, _, _ = await plan_world()
    nord, lille = network.regions["Nord"], network.points_of_sale["Lille"]
    _, admin_token = await signed_in(network.root, Role.ADMIN, "Isabelle Marchand")
    _, nord_token = await signed_in(nord, Role.MANAGER, "Marc Delaunay")
    _, lille_token = await signed_in(lille, Role.MANAGER, "Sophie Caron")
    async with GraphQLClient(live_server.url, token=nord_token) as client:
        plan_id = (await client.execute(PLAN))["myPlan"]["plan"]["id"]

    def objective(unit, target, **more):
        return {"input": {"planId": plan_id, "unitId": str(unit.id), "lever": "TRAINING", "target": target, **more}}

    # when head office sets 90 % on Nord, and Lille's manager overrides this quarter with 70 %
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        done = (await client.execute(SET, objective(nord, 90)))["setPlanObjective"]
        assert done["__typename"] == "SetPlanObjectiveSuccess" and done["objective"]["period"] == "PLAN"
    async with GraphQLClient(live_server.url, token=lille_token) as client:
        done = (await client.execute(SET, objective(lille, 70, period="QUARTER")))["setPlanObjective"]
        assert done["__typename"] == "SetPlanObjectiveSuccess" and done["objective"]["periodStart"].endswith("-01")
    # then Nord's manager sees 90 % on Nord and Arras (spread from Nord) and 70 % on Lille (its own)
    async with GraphQLClient(live_server.url, token=nord_token) as client:
        seen = training_targets((await client.execute(PLAN))["myPlan"])
    assert seen == {
        "Nord": (90.0, str(nord.id), "PLAN"),
        "Arras Gare": (90.0, str(nord.id), "PLAN"),
        "Lille Centre": (70.0, str(lille.id), "QUARTER"),
    }
    # and Sud-Ouest still has the plan's own 80 %
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        everyone = training_targets((await client.execute(PLAN))["myPlan"])
    assert everyone["Bordeaux Lac"] == (80.0, None, None)
    # when Nord's manager sets this month at 95 % and spreads it (no monthly override below to clear)
    async with GraphQLClient(live_server.url, token=nord_token) as client:
        done = (await client.execute(SET, objective(nord, 95, period="MONTH", spread=True)))["setPlanObjective"]
        assert done["__typename"] == "SetPlanObjectiveSuccess"
        seen = training_targets((await client.execute(PLAN))["myPlan"])
        history = (await client.execute(HISTORY, {"plan": plan_id}))["planObjectiveHistory"]
    # then Arras follows Nord's month, Lille keeps its own quarter, and the history tells who did what
    assert seen["Arras Gare"] == (95.0, str(nord.id), "MONTH") and seen["Lille Centre"][0] == 70.0
    assert [(h["actorName"], h["unitName"], h["period"], h["before"], h["after"]) for h in history] == [
        ("Marc Delaunay", "Nord", "MONTH", None, 95.0),
        ("Sophie Caron", "Lille Centre", "QUARTER", None, 70.0),
        ("Isabelle Marchand", "Nord", "PLAN", None, 90.0),
    ]


async def test_objectives_are_bounded_and_set_only_where_one_manages(live_server):
    # given the plan, a seller of Lille and the Sud-Ouest manager
    network, _, _, ana_token, _, _ = await plan_world()
    lille = network.points_of_sale["Lille"]
    _, sud_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        plan_id = (await client.execute(PLAN))["myPlan"]["plan"]["id"]
        wrong = (await client.execute(SET, {"input": {"planId": plan_id, "unitId": str(lille.id), "lever": "SKILLS", "target": 7}}))
        late = await client.execute(
            SET, {"input": {"planId": plan_id, "unitId": str(lille.id), "lever": "QUIZ", "target": 60, "day": "2001-01-01"}}
        )
    assert wrong["setPlanObjective"] == {"__typename": "ValidationError", "code": "plan_objective_target_invalid"}
    assert late["setPlanObjective"] == {"__typename": "ValidationError", "code": "plan_objective_period_invalid"}
    # when the seller and a manager of another region try to set Lille's objective, both are refused
    for token in (ana_token, sud_token):
        async with GraphQLClient(live_server.url, token=token) as client:
            refused = await client.execute(SET, {"input": {"planId": plan_id, "unitId": str(lille.id), "lever": "QUIZ", "target": 60}})
        assert refused["setPlanObjective"]["__typename"] == "NotAllowedError"
