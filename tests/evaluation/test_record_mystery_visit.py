"""Mystery visits: a score per section, a global score, entered by a manager in scope."""

from __future__ import annotations

from server.accounts.models import Role
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.factories import captured

RECORD = """
mutation V($input: MysteryVisitInput!) { recordMysteryVisit(input: $input) { __typename
  ... on RecordMysteryVisitSuccess { visit { visitedOn globalScore sections { name score } } }
  ... on UserError { code } } }
"""
POS = "query P($id: ID) { pointOfSale(unitId: $id) { mysteryVisits { globalScore comment } } }"


def visit(unit_id: int, scores: list[float]) -> dict[str, object]:
    names = ["Accueil", "Découverte des besoins", "Essai", "Prise de congé"]
    return {
        "input": {
            "unitId": str(unit_id),
            "visitedOn": "2026-11-14",
            "comment": "Attente de 6 minutes un samedi.",
            "sections": [{"name": n, "score": s} for n, s in zip(names, scores, strict=False)],
        }
    }


async def test_a_manager_records_a_visit_and_the_team_reads_it(live_server):
    # given the Nord manager and a seller of Lille
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, seller_token = await signed_in(lille)
    with captured("evaluation.satisfaction_recorded") as seen:
        async with GraphQLClient(live_server.url, token=manager_token) as client:
            # when the manager records a visit of four sections
            data = await client.execute(RECORD, visit(lille.id, [80, 60, 90, 70]))
    # then the global score is the mean of the sections, and the change is announced after commit
    recorded = data["recordMysteryVisit"]["visit"]
    assert recorded["globalScore"] == 75.0 and recorded["sections"][1] == {"name": "Découverte des besoins", "score": 60.0}
    assert [p["unit_id"] for _, p in seen] == [lille.id]
    async with GraphQLClient(live_server.url, token=seller_token) as client:
        assert (await client.execute(POS))["pointOfSale"]["mysteryVisits"] == [
            {"globalScore": 75.0, "comment": "Attente de 6 minutes un samedi."}
        ]


async def test_a_seller_or_a_manager_elsewhere_cannot_record_and_bad_scores_are_refused(live_server):
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    _, seller_token = await signed_in(lille)
    _, south_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    _, nord_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    for token in (seller_token, south_token):
        async with GraphQLClient(live_server.url, token=token) as client:
            data = await client.execute(RECORD, visit(lille.id, [80]))
        assert data["recordMysteryVisit"]["__typename"] == "NotAllowedError"
    async with GraphQLClient(live_server.url, token=nord_token) as client:
        data = await client.execute(RECORD, visit(lille.id, [120]))
    assert data["recordMysteryVisit"] == {"__typename": "ValidationError", "code": "mystery_visit_sections_invalid"}
