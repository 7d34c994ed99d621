"""Every network field that takes an id, tried by a member, a manager of a sibling unit and a
manager of a child unit: all refused (the tree is head office's to change); an admin is allowed.
The audit log answers a refused manager with no row rather than an error."""

from __future__ import annotations

from dataclasses import dataclass

from schema.audit.queries import AuditQuery
from schema.network.mutations import NetworkMutation
from schema.network.queries import NetworkQuery
from server.accounts.models import Role, User
from server.accounts.people import update_person
from server.network.imports import store_upload
from server.network.models import UnitKind
from server.network.scope import scope_of_user
from server.network.services import create_unit
from tests.factories import make_network, make_user, signed_in
from tests.scope_rules import ALLOWED, CHILD, MEMBER, SIBLING, Rule, missing_rules, run_table


@dataclass
class World:
    nord_id: int
    arras_id: int
    sud_id: int
    empty_id: int
    audited_id: int
    import_id: int


RULES = [
    Rule("createUnit", "mutation($p: ID!) { createUnit(input: {parentId: $p, kind: POINT_OF_SALE, name: \"Douai\"}) { __typename } }",
         lambda w: {"p": str(w.nord_id)}),
    Rule("updateUnit", "mutation($u: ID!) { updateUnit(input: {unitId: $u, name: \"Arras Centre\"}) { __typename } }",
         lambda w: {"u": str(w.arras_id)}),
    Rule("moveUnit", "mutation($u: ID!, $p: ID!) { moveUnit(input: {unitId: $u, parentId: $p}) { __typename } }",
         lambda w: {"u": str(w.arras_id), "p": str(w.sud_id)}),
    Rule("closeUnit", "mutation($u: ID!) { closeUnit(unitId: $u) { __typename } }",
         lambda w: {"u": str(w.empty_id)}),
    Rule("importNetwork", "mutation($i: ID!) { importNetwork(input: {importId: $i}) { __typename } }",
         lambda w: {"i": str(w.import_id)}),
    Rule("networkImport", "query($i: ID!) { networkImport(id: $i) { status } }",
         lambda w: {"i": str(w.import_id)}),
    # a manager beside or below reads no row about a person of the Nord region itself
    Rule("auditLog", "query($p: ID!) { auditLog(filter: {personId: $p}) { edges { node { action } } } }",
         lambda w: {"p": str(w.audited_id)}, refusal=lambda value: not value["edges"]),
]


async def test_every_network_field_taking_an_id_has_a_scope_rule():
    assert missing_rules(RULES, NetworkQuery, NetworkMutation, AuditQuery) == set()


async def test_only_head_office_changes_the_tree(live_server):
    # given the Nord region with an empty point of sale, and head office's admin
    network = await make_network()
    nord = network.regions["Nord"]
    empty = await create_unit(nord, UnitKind.POINT_OF_SALE, "Lens")
    admin, admin_token = await signed_in(network.root, Role.ADMIN)
    audited = await make_user(nord)
    await update_person(await scope_of_user(await User.get(id=admin.id)), audited.id, role=Role.MANAGER)
    upload = await store_upload(await scope_of_user(admin), b"type;code;parent_code;kind;name\nunit;X1;;region;Est\n")
    world = World(nord.id, network.points_of_sale["Arras"].id, network.regions["Sud-Ouest"].id, empty.id, audited.id, upload.id)
    tokens = {
        MEMBER: (await signed_in(network.points_of_sale["Lille"]))[1],
        SIBLING: (await signed_in(network.regions["Sud-Ouest"], Role.MANAGER))[1],
        CHILD: (await signed_in(network.points_of_sale["Lille"], Role.MANAGER))[1],
        ALLOWED: admin_token,
    }
    # when each tries each field
    table = await run_table(live_server, world, RULES, tokens)
    # then every verdict is the rule's
    assert table.mismatches() == []
