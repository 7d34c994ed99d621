"""Reading « Notre plan » costs a fixed number of SQL queries whatever the size of the network."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.evaluation.models import SurveyKind
from server.evaluation.satisfaction import SurveyInput, record_surveys
from server.network.models import UnitKind
from server.network.scope import scope_of_user
from server.network.services import create_unit
from server.plans.models import PerformancePlan
from server.training import services
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.query_count import counting_queries
from tests.training.factories import make_module, make_quiz

# the unit viewed in detail, as the PWA reads it, and every unit's details too (what the PWA no
# longer asks of the side-by-side rows, but any client may): made in Python, never one more statement
MY_PLAN = """
{ myPlan { plan { name } unit { unitName people activePeople departures tenureDays
  levers { lever value target onTrack objectiveUnitId ownerFunctionId } nextStep { kind title count }
  weakestSkills { name level } skills { name level } trainingToPush { title } }
  units { unitName people activePeople departures tenureDays
  levers { lever value target onTrack objectiveUnitId ownerFunctionId } nextStep { kind title count }
  weakestSkills { name level } skills { name level } } myNextStep { kind title } } }
"""


async def _counts(live_server, points_of_sale: int, people: int) -> tuple[int, int]:
    network = await make_network()
    admin, admin_token = await signed_in(network.root, Role.ADMIN)
    nord = network.regions["Nord"]
    units = list(network.points_of_sale.values())
    for n in range(points_of_sale):
        units.append(await create_unit(nord, UnitKind.POINT_OF_SALE, f"Point de vente {n}"))
    sellers = [await make_user(units[n % len(units)]) for n in range(people)]
    modules = [await make_module(admin, [network.root], title=f"Module {n}", sections=1) for n in range(2)]
    quiz = await make_quiz(admin)
    today = datetime.now(UTC).date()
    await PerformancePlan.create(
        organization_id=network.organization_id, name="Plan", starts_on=today - timedelta(days=10),
        ends_on=today + timedelta(days=10), module_ids=modules, quiz_ids=[quiz],
    )
    for seller in sellers[: max(1, people // 2)]:
        await services.record_progress(await scope_of_user(seller), modules[0], 1)
    await record_surveys(
        await scope_of_user(admin),
        [SurveyInput(u.id, SurveyKind.NPS, 30.0, 20, today.replace(day=1), today) for u in units],
    )
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        with counting_queries() as head_office:
            body = await client.execute(MY_PLAN)
    assert len(body["myPlan"]["units"]) == 1 + len(units)
    seller_token = (await signed_in(units[0]))[1]
    async with GraphQLClient(live_server.url, token=seller_token) as client:
        with counting_queries() as seller:
            await client.execute(MY_PLAN)
    return len(head_office), len(seller)


async def test_notre_plan_costs_the_same_for_3_or_15_points_of_sale(live_server):
    small = await _counts(live_server, points_of_sale=0, people=3)
    large = await _counts(live_server, points_of_sale=12, people=40)
    assert small == large, f"queries grew with the network: {small} → {large}"
