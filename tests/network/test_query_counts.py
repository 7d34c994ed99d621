"""The network and audit screens' reads cost a constant number of SQL statements, whatever the
size of the tree or of the page."""

from __future__ import annotations

from server.accounts.models import Role
from server.network.models import UnitKind
from server.network.services import create_unit
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.network.documents import NETWORK_UNITS, UPDATE_UNIT
from tests.query_count import counting_queries

AUDIT_LOG = "query($first: Int!) { auditLog(first: $first) { edges { node { action actor { name } subject { name } changes { field after } } } } }"


async def _statements(client: GraphQLClient, document: str, variables: dict | None = None) -> int:
    with counting_queries() as seen:
        await client.execute(document, variables)
    return len(seen)


async def test_the_tree_and_the_audit_log_cost_the_same_whatever_their_size(live_server):
    # given head office's admin, a small tree and a few changes
    network = await make_network()
    _, token = await signed_in(network.root, Role.ADMIN)
    async with GraphQLClient(live_server.url, token=token) as admin:
        for index in range(3):
            await admin.execute(UPDATE_UNIT, {"input": {"unitId": str(network.points_of_sale["Lille"].id), "name": f"Lille {index}"}})
        small_tree = await _statements(admin, NETWORK_UNITS)
        small_log = await _statements(admin, AUDIT_LOG, {"first": 3})
        # when the tree grows tenfold, with people, and the log's page too
        for index in range(30):
            shop = await create_unit(network.regions["Nord"], UnitKind.POINT_OF_SALE, f"Site {index}")
            await make_user(shop)
            await admin.execute(UPDATE_UNIT, {"input": {"unitId": str(shop.id), "city": "Lens"}})
        big_tree = await _statements(admin, NETWORK_UNITS)
        big_log = await _statements(admin, AUDIT_LOG, {"first": 30})
    # then each read costs what it cost before
    assert big_tree == small_tree <= 4
    assert big_log == small_log <= 4
