"""A partner agency works on the brands that granted it, within what each allows: it builds
challenges, reads dashboards, never reads the feed nor changes people; it switches brand in the
app, and everything it does is audited as the agency's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.audit.models import AuditEntry
from server.challenges.models import Challenge, Metric
from server.feed.models import PostKind
from server.feed.services import create_post
from server.network.scope import scope_of_user
from server.network.services import create_organization
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient

GRANT = """
mutation($slug: String!, $content: [String!]!) { grantAgency(input: {agencySlug: $slug, content: $content}) {
  __typename ... on UserError { code } } }
"""
BRANDS = "{ myBrands { organizationId name content current } }"
SWITCH = "mutation($id: ID!) { switchBrand(organizationId: $id) { __typename } }"
CREATE = """
mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { __typename
  ... on ChallengeSuccess { challenge { id name } } ... on UserError { code } } }
"""
DASHBOARD = "{ unitDashboard { unitName figures { people } } }"
FEED = "{ feed(first: 20) { edges { node { id } } } }"
UPDATE_PERSON = "mutation($p: ID!) { updatePerson(input: {personId: $p, role: MANAGER}) { __typename } }"


def challenge_input(network, metric) -> dict:
    now = datetime.now(UTC)
    return {
        "name": "Challenge de printemps (agence)", "startsAt": (now - timedelta(days=1)).isoformat(),
        "endsAt": (now + timedelta(days=20)).isoformat(), "metrics": [{"metricId": str(metric.id), "weight": 1}],
        "scopeUnitId": str(network.root.id),
    }


async def test_an_agency_builds_challenges_reads_dashboards_and_switches_brand(live_server):
    # given two brands, and an agency whose person Léo works for both
    auto, banque = await make_network(), await make_network()
    agency, agency_root = await create_organization("Agence Pulse", f"agence-pulse-{auto.organization_id}")
    leo, leo_token = await signed_in(agency_root, Role.MEMBER, "Léo Garnier")
    seller = await make_user(auto.points_of_sale["Lille"], name="Ana Martin")
    await create_post(await scope_of_user(seller), PostKind.WIN, "Trois ventes ce matin !")
    metric = await Metric.create(organization_id=auto.organization_id, name="Ventes", unit_label="véh.")
    # when the car brand grants challenges and dashboards, the bank dashboards only
    for network, content in ((auto, ["challenges", "dashboards"]), (banque, ["dashboards"])):
        _, admin_token = await signed_in(network.root, Role.ADMIN)
        async with GraphQLClient(live_server.url, token=admin_token) as client:
            granted = await client.execute(GRANT, {"slug": agency.slug, "content": content})
        assert granted["grantAgency"]["__typename"] == "GrantAgencySuccess"
    async with GraphQLClient(live_server.url, token=leo_token) as client:
        brands = (await client.execute(BRANDS))["myBrands"]
        # then Léo sees both brands and works on the first granted
        assert {b["organizationId"]: (b["content"], b["current"]) for b in brands} == {
            str(auto.organization_id): (["challenges", "dashboards"], True),
            str(banque.organization_id): (["dashboards"], False),
        }
        # and builds a challenge over the car network and reads its dashboard
        created = (await client.execute(CREATE, {"input": challenge_input(auto, metric)}))["createChallenge"]
        assert created["__typename"] == "ChallengeSuccess"
        board = (await client.execute(DASHBOARD))["unitDashboard"]
        assert board["unitName"] == auto.root.name and board["figures"]["people"] == 2  # Ana and head office
        # but reads no post of the brand's feed and changes no one
        assert (await client.execute(FEED))["feed"]["edges"] == []
        refused = (await client.execute(UPDATE_PERSON, {"p": str(seller.id)}))["updatePerson"]["__typename"]
        assert refused in ("NotAllowedError", "NotFoundError")
        # when Léo switches to the bank
        assert (await client.execute(SWITCH, {"id": str(banque.organization_id)}))["switchBrand"]["__typename"] == "SwitchBrandSuccess"
    async with GraphQLClient(live_server.url, token=leo_token) as client:
        # then the dashboard is the bank's, and challenges there are not the agency's to build
        assert (await client.execute(DASHBOARD))["unitDashboard"]["unitName"] == banque.root.name
        bank_metric = await Metric.create(organization_id=banque.organization_id, name="Crédits", unit_label="dossiers")
        refused = (await client.execute(CREATE, {"input": challenge_input(banque, bank_metric)}))["createChallenge"]
        assert refused["__typename"] in ("NotAllowedError", "OutOfScopeError") or refused.get("code") in ("forbidden", "out_of_scope")
        # and a brand that granted nothing cannot be switched to
        other = await make_network()
        assert (await client.execute(SWITCH, {"id": str(other.organization_id)}))["switchBrand"]["__typename"] == "NotAllowedError"
    # and the car brand's audit log shows the challenge built by the agency, as the agency's
    challenge = await Challenge.get(organization_id=auto.organization_id, name="Challenge de printemps (agence)")
    assert challenge.created_by_id == leo.id
    actions = await AuditEntry.filter(organization_id=auto.organization_id, action="agency.action").values("actor_id", "detail", "after")
    assert actions, "no agency action audited"
    assert any(a["actor_id"] == leo.id and a["detail"] == {"agencyId": agency.id} and a["after"]["fields"] == ["createChallenge"]
               and a["after"]["agency"] == "Agence Pulse" for a in actions), actions
