"""Collective skills: a team's radar and weakest skills from its people's latest assessments,
the training to push for them, on the unit dashboard and in « Notre plan »."""

from __future__ import annotations

from server.accounts.models import Role
from server.evaluation.assessments import ScoreInput, submit_assessment
from server.evaluation.models import AssessmentOutcome, Skill
from server.network.scope import scope_of_user
from tests.evaluation.factories import SKILLS, make_grid
from tests.factories import make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.plans.test_my_plan import plan_world
from tests.training.factories import make_module

TEAM = """
query($unit: ID) { teamSkills(unitId: $unit) { unitName assessed radar { name level }
  weakest { skill { name level assessed } modules { title } } } }
"""
PLAN = "{ myPlan { units { unitName levers { lever value } weakestSkills { name } trainingToPush { title } nextStep { kind title } } } }"


async def test_a_manager_sees_where_each_team_is_weak_and_what_to_push(live_server):
    # given Nord's people assessed on the five skills of the seller grid, and a module on « découverte »
    network, admin, _, _, _, _ = await plan_world()
    manager, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    grid_id = await make_grid(admin)
    skills = [s.id for s in await Skill.filter(grid_id=grid_id).order_by("position")]
    await make_module(admin, [network.root], title="Découverte des besoins : les bonnes questions", sections=1)
    levels = {
        "Lille": [(3, 1, 3, 3, 4), (3, 2, 4, 3, 4)],
        "Arras": [(4, 4, 4, 2, 4)],
    }
    assessor = await scope_of_user(manager)
    for pos, people in levels.items():
        for person_levels in people:
            person = await make_user(network.points_of_sale[pos])
            await submit_assessment(
                assessor, person.id, grid_id, [ScoreInput(s, lv) for s, lv in zip(skills, person_levels, strict=True)],
                AssessmentOutcome.PASSED,
            )
    # when the Nord manager reads its teams' skills
    async with GraphQLClient(live_server.url, token=token) as client:
        teams = (await client.execute(TEAM))["teamSkills"]
        plan = (await client.execute(PLAN))["myPlan"]
    # then Nord first (3 people), then Arras and Lille, each with its weakest skill and the module to push
    assert [(t["unitName"], t["assessed"]) for t in teams] == [("Nord", 3), ("Arras Gare", 1), ("Lille Centre", 2)]
    nord, arras, lille = teams
    assert nord["weakest"][0]["skill"] == {"name": SKILLS[1], "level": 2.33, "assessed": 3}
    assert nord["weakest"][0]["modules"] == [{"title": "Découverte des besoins : les bonnes questions"}]
    assert arras["weakest"][0]["skill"]["name"] == SKILLS[3]
    assert lille["weakest"][0]["skill"] == {"name": SKILLS[1], "level": 1.5, "assessed": 2}
    assert {r["name"]: r["level"] for r in lille["radar"]}[SKILLS[4]] == 4.0
    # and « Notre plan » shows Lille's skills lever, its weakest skill and the training to push
    units = {u["unitName"]: u for u in plan["units"]}
    skills_lever = next(r for r in units["Lille Centre"]["levers"] if r["lever"] == "SKILLS")
    assert skills_lever["value"] == round((3 + 1 + 3 + 3 + 4 + 3 + 2 + 4 + 3 + 4) / 10, 2)
    assert units["Lille Centre"]["weakestSkills"][0]["name"] == SKILLS[1]
    assert units["Lille Centre"]["trainingToPush"][0] == {"title": "Découverte des besoins : les bonnes questions"}
