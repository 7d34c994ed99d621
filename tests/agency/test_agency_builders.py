"""A partner agency's person is a member of its own organisation: `me.manages` tells the app
which builders its grant on the current brand allows, and the API still decides every change
(an agency granted dashboards only builds no module and no challenge)."""

from __future__ import annotations

from server.accounts.models import Role
from server.network.services import create_organization
from server.training.models import TrainingModule
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient

GRANT = """
mutation($slug: String!, $content: [String!]!) { grantAgency(input: {agencySlug: $slug, content: $content}) { __typename } }
"""
ME = "{ me { role manages } }"
MODULES = "{ trainingModules { title } }"
CREATE_MODULE = """
mutation { createTrainingModule(input: {title: "Accueil client (agence)", summary: "Les bons réflexes", sections: [{title: "Accueillir", body: "Sourire."}]}) {
  __typename ... on UserError { code } } }
"""


async def test_the_app_learns_what_the_grant_allows_and_the_api_refuses_the_rest(live_server):
    # given a brand that grants an agency its dashboards only, and the agency's Léo
    network = await make_network()
    agency, agency_root = await create_organization("Agence Lecture", f"agence-lecture-{network.organization_id}")
    leo, leo_token = await signed_in(agency_root, Role.MEMBER, "Léo Garnier")
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    _, seller_token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        await client.execute(GRANT, {"slug": agency.slug, "content": ["dashboards"]})
    async with GraphQLClient(live_server.url, token=leo_token) as client:
        # when Léo's app asks who he is, and he tries to build a module anyway
        me = (await client.execute(ME))["me"]
        refused = (await client.execute(CREATE_MODULE))["createTrainingModule"]
        unread = await client.errors(MODULES)
    # then he is a member who manages dashboards only, and the module is refused
    assert me == {"role": "MEMBER", "manages": ["dashboards"]}
    assert refused["__typename"] in ("NotAllowedError", "NotFoundError"), refused
    assert not await TrainingModule.exists(title="Accueil client (agence)")
    assert unread[0]["extensions"]["code"] == "FORBIDDEN"  # nor reads the modules a builder names
    # when the brand grants modules too
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        await client.execute(GRANT, {"slug": agency.slug, "content": ["dashboards", "modules"]})
    async with GraphQLClient(live_server.url, token=leo_token) as client:
        me = (await client.execute(ME))["me"]
        built = (await client.execute(CREATE_MODULE))["createTrainingModule"]
        listed = (await client.execute(MODULES))["trainingModules"]
    # then his app offers the module builder, and the API lets him build one in the brand
    assert me["manages"] == ["dashboards", "modules"]
    assert built["__typename"] != "NotAllowedError", built
    assert await TrainingModule.exists(title="Accueil client (agence)", organization_id=network.organization_id)
    assert isinstance(listed, list)  # the modules a challenge's criterion may name, readable to a builder
    # and a seller manages nothing beyond her role
    async with GraphQLClient(live_server.url, token=seller_token) as client:
        assert (await client.execute(ME))["me"] == {"role": "MEMBER", "manages": []}
