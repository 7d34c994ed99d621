"""Partner agencies' fields that take an id: only a brand's head office grants and revokes; only
the agency's own people switch to a brand it was granted."""

from __future__ import annotations

from dataclasses import dataclass

from schema.agency.mutations import AgencyMutation
from schema.agency.queries import AgencyQuery
from server.accounts.models import Role
from server.agency.services import grant_agency
from server.network.scope import scope_of_user
from server.network.services import create_organization
from tests.factories import make_network, signed_in
from tests.scope_rules import ALLOWED, CHILD, MEMBER, SIBLING, Rule, missing_rules, run_table


@dataclass
class World:
    brand_id: int
    agency_id: int
    agency_slug: str
    unit_id: int


RULES = [
    Rule("switchBrand", "mutation($id: ID!) { switchBrand(organizationId: $id) { __typename } }",
         lambda w: {"id": str(w.brand_id)}, allowed="agency", why="only the agency's people, to a brand that granted it"),
    Rule("grantAgency",
         'mutation($slug: String!, $unit: ID) { grantAgency(input: {agencySlug: $slug, unitId: $unit, content: ["dashboards"]}) '
         "{ __typename } }", lambda w: {"slug": w.agency_slug, "unit": str(w.unit_id)}, allowed="admin"),
    Rule("revokeAgency", "mutation($id: ID!) { revokeAgency(agencyOrganizationId: $id) { __typename } }",
         lambda w: {"id": str(w.agency_id)}, allowed="admin"),
]


async def test_every_agency_field_taking_an_id_has_a_scope_rule():
    assert missing_rules(RULES, AgencyQuery, AgencyMutation) == set()


async def test_only_head_office_grants_and_only_the_agency_switches(live_server):
    # given a brand that granted an agency its dashboards
    network = await make_network()
    agency, agency_root = await create_organization("Agence Pulse", f"pulse-{network.organization_id}")
    admin, admin_token = await signed_in(network.root, Role.ADMIN)
    await grant_agency(await scope_of_user(admin), agency.slug, None, ["dashboards"])
    tokens = {
        MEMBER: (await signed_in(network.points_of_sale["Lille"]))[1],
        SIBLING: (await signed_in(network.regions["Sud-Ouest"], Role.MANAGER))[1],
        CHILD: (await signed_in(network.points_of_sale["Lille"], Role.MANAGER))[1],
        ALLOWED: (await signed_in(network.regions["Nord"], Role.MANAGER))[1],
        "admin": admin_token,
        "agency": (await signed_in(agency_root, Role.MEMBER))[1],
    }
    world = World(network.organization_id, agency.id, agency.slug, network.regions["Nord"].id)
    # when each tries, then only those named are allowed
    table = await run_table(live_server, world, RULES, tokens)
    assert table.mismatches() == []
