"""Every dashboard field that takes an id, tried by a member, a manager of a sibling unit and a
manager of a child unit: a unit's dashboard is for the managers of that unit only."""

from __future__ import annotations

from dataclasses import dataclass

from schema.dashboards.queries import DashboardsQuery
from schema.dashboards.subscriptions import DashboardsSubscription
from server.accounts.models import Role
from tests.factories import make_network, signed_in
from tests.scope_rules import ALLOWED, CHILD, MEMBER, SIBLING, Rule, missing_rules, run_table


@dataclass
class World:
    nord_id: int


def _nord(field: str, document: str, subscription: bool = False) -> Rule:
    return Rule(field, document, lambda w: {"unit": str(w.nord_id)}, subscription=subscription)


RULES = [
    _nord("unitDashboard", "query($unit: ID) { unitDashboard(unitId: $unit) { unitId } }"),
    _nord("unitPeople", "query($unit: ID!) { unitPeople(unitId: $unit) { displayName } }"),
    _nord("dashboardCsv", "query($unit: ID!) { dashboardCsv(unitId: $unit, table: PEOPLE) }"),
    _nord("unitDashboard", "subscription($unit: ID) { unitDashboard(unitId: $unit) { version } }", subscription=True),
]


async def test_every_dashboard_field_taking_an_id_has_a_scope_rule():
    assert missing_rules(RULES, DashboardsQuery, DashboardsSubscription) == set()


async def test_members_sibling_and_child_managers_are_refused(live_server):
    # given the Nord region, its manager, a seller and the manager of Lille below it, and the
    # Sud-Ouest manager beside it
    network = await make_network()
    nord, lille = network.regions["Nord"], network.points_of_sale["Lille"]
    tokens = {
        MEMBER: (await signed_in(lille))[1],
        SIBLING: (await signed_in(network.regions["Sud-Ouest"], Role.MANAGER))[1],
        CHILD: (await signed_in(lille, Role.MANAGER))[1],
        ALLOWED: (await signed_in(nord, Role.MANAGER))[1],
    }
    # when each asks for Nord's dashboard, its people, its CSV and its live updates
    table = await run_table(live_server, World(nord.id), RULES, tokens)
    # then only the Nord manager gets them
    assert table.mismatches() == []
