"""The audit log: who changed what, when, before → after, for head office (everything) and for
managers (their subtree), with the challenge rows written before anything read them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.audit.models import AuditEntry
from server.network.models import UnitKind
from server.network.services import create_unit
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.network.documents import CLOSE_UNIT

AUDIT_LOG = """query($first: Int!, $after: String, $filter: AuditLogFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    edges { node { action kind at actor { name isToken } subject { type name } changes { field before after } } }
    pageInfo { hasNextPage endCursor }
  }
}"""
UPDATE_PERSON = "mutation($p: ID!) { updatePerson(input: {personId: $p, role: MANAGER}) { __typename } }"


async def test_head_office_reads_who_changed_what_before_and_after(live_server):
    # given an admin who makes a seller of Lille a manager and closes an empty point of sale,
    network = await make_network()
    admin, token = await signed_in(network.root, Role.ADMIN, "Isabelle Marchand")
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    douai = await create_unit(network.regions["Nord"], UnitKind.POINT_OF_SALE, "Douai")
    # and a challenge published and a target set before the audit was read (detail only)
    await AuditEntry.create(organization_id=network.organization_id, actor_id=admin.id, action="challenge.published",
                            detail={"challenge_id": 7, "name": "Printemps VO", "status": "LIVE"})
    await AuditEntry.create(organization_id=network.organization_id, actor_id=admin.id, action="target.set",
                            detail={"metric_id": None, "user_id": seller.id, "value": 12.0, "period_start": "2026-03-01"})
    await AuditEntry.create(organization_id=network.organization_id, actor_id=admin.id, action="result.recorded",
                            detail={"value": 1})
    async with GraphQLClient(live_server.url, token=token) as isabelle:
        await isabelle.execute(UPDATE_PERSON, {"p": str(seller.id)})
        await isabelle.execute(CLOSE_UNIT, {"id": str(douai.id)})
        # when she reads the audit log
        page = (await isabelle.execute(AUDIT_LOG, {"first": 10}))["auditLog"]
        # and narrows it to people, to Julie, and to tomorrow
        people = (await isabelle.execute(AUDIT_LOG, {"first": 10, "filter": {"kind": "PEOPLE"}}))["auditLog"]
        julie = (await isabelle.execute(AUDIT_LOG, {"first": 10, "filter": {"personId": str(seller.id)}}))["auditLog"]
        tomorrow = (datetime.now(UTC) + timedelta(days=1)).isoformat()
        later = (await isabelle.execute(AUDIT_LOG, {"first": 10, "filter": {"since": tomorrow}}))["auditLog"]
    # then the newest comes first, each with who, what and before → after; results are not here
    rows = [e["node"] for e in page["edges"]]
    assert [r["action"] for r in rows] == ["unit.closed", "person.updated", "target.set", "challenge.published"]
    closed, updated, target, published = rows
    assert closed["actor"] == {"name": "Isabelle Marchand", "isToken": False}
    assert closed["subject"] == {"type": "unit", "name": "Douai"} and closed["kind"] == "NETWORK"
    assert {"field": "open", "before": "true", "after": "false"} in closed["changes"]
    assert updated["subject"] == {"type": "person", "name": "Julie Moreau"}
    assert updated["changes"] == [{"field": "role", "before": "MEMBER", "after": "MANAGER"}]
    assert published["subject"] == {"type": "challenge", "name": "Printemps VO"} and published["kind"] == "CHALLENGES"
    assert {"field": "person", "before": None, "after": "Julie Moreau"} in target["changes"]
    assert {"field": "value", "before": None, "after": "12.0"} in target["changes"]
    # and the filters keep what they say
    assert [e["node"]["action"] for e in people["edges"]] == ["person.updated"]
    assert [e["node"]["action"] for e in julie["edges"]] == ["person.updated"]
    assert later["edges"] == []


async def test_a_manager_reads_his_subtree_only_and_pages_it(live_server):
    # given changes about people of Nord and of Sud-Ouest
    network = await make_network()
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    north = [await make_user(network.points_of_sale["Lille"]) for _ in range(3)]
    south = await make_user(network.points_of_sale["Bordeaux"], name="Paul Bordeaux")
    async with GraphQLClient(live_server.url, token=admin_token) as admin:
        for person in [*north, south]:
            await admin.execute(UPDATE_PERSON, {"p": str(person.id)})
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, seller_token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=manager_token) as manager:
        # when the Nord manager reads the log two rows at a time
        first = (await manager.execute(AUDIT_LOG, {"first": 2}))["auditLog"]
        second = (await manager.execute(AUDIT_LOG, {"first": 2, "after": first["pageInfo"]["endCursor"]}))["auditLog"]
    # then he sees the three changes about Nord's people, not Paul's
    names = [e["node"]["subject"]["name"] for e in first["edges"] + second["edges"]]
    assert sorted(names) == sorted(p.display_name for p in north)
    assert first["pageInfo"]["hasNextPage"] and not second["pageInfo"]["hasNextPage"]
    # and a seller reads nothing
    async with GraphQLClient(live_server.url, token=seller_token) as seller:
        errors = await seller.errors(AUDIT_LOG, {"first": 2})
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
