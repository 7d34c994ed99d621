"""Every performance plan field that takes an id, tried by a member, a manager of a sibling unit
and a manager of a child unit. Head office writes plans; a manager reads them with the figures
of its own scope only (its unit, then the units right under it); a member reads none."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from schema.plans.activity import UnitActivityQuery
from schema.plans.functions import FunctionsQuery
from schema.plans.mutations import PlansMutation
from schema.plans.queries import PlansQuery
from schema.plans.review import PlanReviewQuery
from schema.plans.subscriptions import PlansSubscription
from schema.plans.team_skills import TeamSkillsQuery
from server.accounts.models import Role
from server.evaluation.action_plans import create_plan
from server.network.functions import seed_functions
from server.network.scope import scope_of_user
from server.plans.models import ImprovementAction, ImprovementKind
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.scope_rules import ALLOWED, CHILD, MEMBER, SIBLING, Rule, missing_rules, run_table
from tests.training.factories import make_module

TODAY = datetime.now(UTC).date()
START, END = TODAY.isoformat(), (TODAY + timedelta(days=90)).isoformat()
CREATE = (
    'mutation($modules: [ID!]!) { createPerformancePlan(input: {name: "T1", startsOn: "%s", endsOn: "%s", '
    "moduleIds: $modules}) { __typename ... on CreatePerformancePlanSuccess { plan { id } } } }"
).replace("%s", START, 1).replace("%s", END, 1)
UNITS = "query($id: ID!) { performancePlan(id: $id) { units { unitName } } }"


@dataclass
class World:
    plan_id: str
    module_id: int
    nord_id: int = 0
    lille_id: int = 0
    function_id: str = ""
    head_office_person_id: int = 0
    action_id: int = 0


RULES = [
    Rule("performancePlan", "query($id: ID!) { performancePlan(id: $id) { id } }", lambda w: {"id": w.plan_id},
         refused=(MEMBER,), why="managers read the plan; its figures are of their own scope (see below)"),
    Rule("createPerformancePlan", CREATE, lambda w: {"modules": [str(w.module_id)]}, allowed="admin"),
    Rule("myPlan", "query($id: ID!) { myPlan(unitId: $id) { units { unitName } } }", lambda w: {"id": str(w.nord_id)},
         why="a region's plan: its managers and head office"),
    Rule("myPlan", "query($id: ID!) { myPlan(unitId: $id) { units { unitName } } }", lambda w: {"id": str(w.lille_id)},
         refused=(SIBLING,), why="a point of sale's plan is read by its own people and the managers above it"),
    Rule("myPlan", "subscription($id: ID!) { myPlan(unitId: $id) { version } }", lambda w: {"id": str(w.nord_id)},
         subscription=True, why="live, the same rule"),
    Rule("setPlanObjective",
         'mutation($plan: ID!, $unit: ID!) { setPlanObjective(input: {planId: $plan, unitId: $unit, lever: TRAINING, target: 75}) '
         '{ __typename } }', lambda w: {"plan": w.plan_id, "unit": str(w.nord_id)},
         why="a manager sets the objectives of its subtree; a member or a manager below never"),
    Rule("planReview", "query($id: ID!) { planReview(planId: $id) { effects { title } } }", lambda w: {"id": w.plan_id},
         refused=(MEMBER,), why="managers review the actions of their own subtree"),
    Rule("planReviewCsv", "query($id: ID!) { planReviewCsv(planId: $id) }", lambda w: {"id": w.plan_id},
         refused=(MEMBER,), why="the same review, as CSV"),
    Rule("teamSkills", "query($unit: ID) { teamSkills(unitId: $unit) { unitName } }", lambda w: {"unit": str(w.nord_id)},
         why="a team's skills: its managers"),
    Rule("setActionIndicator",
         "mutation($id: ID!) { setActionIndicator(input: {actionId: $id, indicator: RETENTION}) { __typename } }",
         lambda w: {"id": str(w.action_id)}, refused=(MEMBER, SIBLING),
         why="an action plan of Lille: the managers whose scope holds Lille retarget it, not its team"),
    Rule("unitActivity", "query($id: ID) { unitActivity(unitId: $id) { weeks { activePeople } } }",
         lambda w: {"id": str(w.lille_id)}, refused=(SIBLING,),
         why="a point of sale's weekly active people: its own people and the managers above it"),
    Rule("planObjectiveHistory", "query($plan: ID!, $unit: ID) { planObjectiveHistory(planId: $plan, unitId: $unit) { after } }",
         lambda w: {"plan": w.plan_id, "unit": str(w.nord_id)}, why="the history of what one may act in"),
    Rule("setPlanLeverOwner",
         "mutation($plan: ID!, $f: ID) { setPlanLeverOwner(input: {planId: $plan, lever: QUIZ, functionId: $f}) { __typename } }",
         lambda w: {"plan": w.plan_id, "f": w.function_id}, allowed="admin"),
    Rule("setPersonFunctions",
         "mutation($u: ID!, $f: ID!) { setPersonFunctions(input: {userId: $u, functionIds: [$f]}) { __typename } }",
         lambda w: {"u": str(w.head_office_person_id), "f": w.function_id}, allowed="admin"),
]


async def test_every_plan_field_taking_an_id_has_a_scope_rule():
    assert missing_rules(RULES, PlansQuery, PlansMutation, PlansSubscription, FunctionsQuery, TeamSkillsQuery, PlanReviewQuery,
                         UnitActivityQuery) == set()


async def test_members_are_refused_and_managers_read_their_own_scope_only(live_server):
    # given head office's plan of the quarter
    network = await make_network()
    nord, lille = network.regions["Nord"], network.points_of_sale["Lille"]
    admin, admin_token = await signed_in(network.root, Role.ADMIN)
    module_id = await make_module(admin, [network.root])
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        plan_id = (await client.execute(CREATE, {"modules": [str(module_id)]}))["createPerformancePlan"]["plan"]["id"]
    tokens = {
        MEMBER: (await signed_in(lille))[1],
        SIBLING: (await signed_in(network.regions["Sud-Ouest"], Role.MANAGER))[1],
        CHILD: (await signed_in(lille, Role.MANAGER))[1],
        ALLOWED: (await signed_in(nord, Role.MANAGER))[1],
        "admin": admin_token,
    }
    functions = await seed_functions(network.organization_id)
    claire = await make_user(network.root, Role.MEMBER, "Claire Vidal")
    lille_plan = await create_plan(await scope_of_user(admin), lille.id, "Accueil du samedi")
    action = await ImprovementAction.get(kind=ImprovementKind.ACTION_PLAN, subject_id=lille_plan.id)
    world = World(plan_id, module_id, nord.id, lille.id, str(functions[2].id), claire.id, action.id)
    # when each reads it and tries to write one
    table = await run_table(live_server, world, RULES, tokens)
    # then members read none and only head office writes
    assert table.mismatches() == []
    # and each manager's figures are of its own scope: never a sibling's, never above it
    seen = {}
    for actor in (SIBLING, CHILD, ALLOWED):
        async with GraphQLClient(live_server.url, token=tokens[actor]) as client:
            seen[actor] = [u["unitName"] for u in (await client.execute(UNITS, {"id": plan_id}))["performancePlan"]["units"]]
    assert seen == {
        SIBLING: ["Sud-Ouest", "Bordeaux Lac"],
        CHILD: ["Lille Centre"],
        ALLOWED: ["Nord", "Arras Gare", "Lille Centre"],
    }
