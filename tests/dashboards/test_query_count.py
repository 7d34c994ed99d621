"""The hot screens of Train and Evaluate run a fixed number of SQL queries, whatever the size."""

from __future__ import annotations

from server.accounts.models import Role
from server.accounts.services import open_session
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.query_count import counting_queries
from tests.training.factories import make_module, make_quiz

DASHBOARD = """
{ unitDashboard { figures { completed quizAverage } satisfactionTrend { index }
  openActionPlans { title items { what } } subUnits { name figures { completionRate } } } }
"""
MY_MODULES = "{ myModules { id title status sectionsDone dueAt quizId } }"


async def _counts(live_server, people: int, modules: int) -> tuple[int, int]:
    network = await make_network()
    manager, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    sellers = [await make_user(network.points_of_sale["Lille"]) for _ in range(people)]
    for n in range(modules):
        module_id = await make_module(manager, [network.regions["Nord"]], title=f"Module {n}", sections=1)
        await make_quiz(manager, module_id=module_id)
    async with GraphQLClient(live_server.url, token=token) as client:
        with counting_queries() as board:
            await client.execute(DASHBOARD)
    async with GraphQLClient(live_server.url, token=await open_session(sellers[0])) as client:
        with counting_queries() as mine:
            await client.execute(MY_MODULES)
    # the session lookup of each request is included in both sizes alike
    return len(board), len(mine)


async def test_the_unit_dashboard_and_my_modules_cost_the_same_for_3_or_30_people(live_server):
    small = await _counts(live_server, people=3, modules=1)
    large = await _counts(live_server, people=30, modules=6)
    assert small == large, f"queries grew with the network: {small} → {large}"
