"""Reading the result audit: who recorded what and when, corrections with their reasons, results
pushed by integration tokens; scoped to the reader's subtree, paginated, filtered."""

from __future__ import annotations

from datetime import timedelta

from server.accounts.models import Role
from server.challenges.models import Metric
from server.challenges.tokens import create_token
from server.network.scope import scope_of_user
from tests.challenges.given import arena, now, sell
from tests.factories import make_user, signed_in
from tests.graphql_client import GraphQLClient

AUDIT = """query($first: Int!, $after: String, $filter: ResultAuditFilter) {
  resultAudit(first: $first, after: $after, filter: $filter) {
    edges { cursor node {
      id recordedAt occurredAt value reason isCorrection
      metric { name unitLabel }
      participant { kind id name }
      recordedBy { kind name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""
TOKEN_USE = "{ integrationTokenUse { name scopeUnitName lastUsedAt entryCount lastEntryAt } }"
RECORD = """mutation($metric: ID!, $participant: ID!, $value: Float!, $at: DateTime!, $key: String!) {
  recordResult(metric: $metric, participant: $participant, value: $value, occurredAt: $at, idempotencyKey: $key) {
    __typename } }"""


def nodes(data):
    return [edge["node"] for edge in data["resultAudit"]["edges"]]


async def test_a_manager_reads_who_recorded_what_in_its_region(live_server):
    # given Nord's manager recorded a sale and corrected it, and a CRM pushed one through its token
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    julie, thomas = found.sellers
    admin, admin_token = await signed_in(found.network.root, Role.ADMIN, "Isabelle Marchand")
    await sell(found, julie, 3)
    await sell(found, julie, -1, reason="Vente annulée : financement refusé")
    _, secret = await create_token(await scope_of_user(admin), "CRM Concession Lille", found.network.points_of_sale["Lille"].id)
    async with GraphQLClient(live_server.url, token=secret) as crm:
        pushed = await crm.execute(RECORD, {"metric": str(found.metric.id), "participant": str(thomas.id),
                                            "value": 2, "at": now().isoformat(), "key": "crm-lille-000042"})
    assert pushed["recordResult"]["__typename"] == "RecordResultSuccess"
    # when the manager opens the audit
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        data = await manager.execute(AUDIT, {"first": 10})
        tokens = await manager.execute(TOKEN_USE)
    # then the newest entry comes first, each saying who, what and when
    token_entry, correction, sale = nodes(data)
    assert token_entry["recordedBy"] == {"kind": "INTEGRATION_TOKEN", "name": "CRM Concession Lille"}
    assert token_entry["participant"] == {"kind": "USER", "id": str(thomas.id), "name": "Thomas Petit"}
    assert (token_entry["value"], token_entry["isCorrection"]) == (2.0, False)
    assert correction["recordedBy"] == {"kind": "PERSON", "name": "Marc Delaunay"}
    assert (correction["value"], correction["reason"], correction["isCorrection"]) == (
        -1.0, "Vente annulée : financement refusé", True)
    assert correction["metric"] == {"name": "Véhicules neufs vendus", "unitLabel": "véh."}
    assert sale["participant"]["name"] == "Julie Moreau" and sale["reason"] is None
    assert sale["recordedAt"] and sale["occurredAt"]
    # and the token's use on the region: its last use and the results it recorded
    use = tokens["integrationTokenUse"]
    assert [(t["name"], t["scopeUnitName"], t["entryCount"]) for t in use] == [("CRM Concession Lille", "Lille Centre", 1)]
    assert use[0]["lastUsedAt"] is not None and use[0]["lastEntryAt"] is not None
    # and head office reads the same entries over the whole organisation
    async with GraphQLClient(live_server.url, token=admin_token) as head_office:
        assert len(nodes(await head_office.execute(AUDIT, {"first": 10}))) == 3


async def test_the_manager_of_another_region_sees_nothing_and_a_member_is_refused(live_server):
    # given results in Nord, and one in Sud-Ouest
    found = await arena(sellers=1)
    await sell(found, found.sellers[0], 2)
    await sell(found, found.sellers[0], -1, reason="Doublon de saisie")
    south_manager, south_token = await signed_in(found.network.regions["Sud-Ouest"], Role.MANAGER, "Sophie Laurent")
    bordeaux = await make_user(found.network.points_of_sale["Bordeaux"], name="Paul Dubois")
    from server.challenges.models import ParticipantKind
    from server.challenges.results import ResultInput, record_result

    await record_result(await scope_of_user(south_manager), ResultInput(
        found.metric.id, ParticipantKind.USER, bordeaux.id, 4, now(), "south-result-0001"))
    # when Sud-Ouest's manager and a Nord seller read the audit
    async with GraphQLClient(live_server.url, token=south_token) as south:
        theirs = nodes(await south.execute(AUDIT, {"first": 20}))
        their_tokens = (await south.execute(TOKEN_USE))["integrationTokenUse"]
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[0].id]) as member:
        reply = (await member.raw(AUDIT, {"first": 20})).json()
        tokens_reply = (await member.raw(TOKEN_USE)).json()
    # then the other region's manager sees only its own region
    assert [n["participant"]["name"] for n in theirs] == ["Paul Dubois"]
    assert their_tokens == []
    # and the member gets nothing but a readable refusal
    assert reply["data"] is None and reply["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "droits" in reply["errors"][0]["message"]
    assert tokens_reply["data"] is None and tokens_reply["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_audit_comes_a_page_at_a_time(live_server):
    # given five results
    found = await arena(sellers=5)
    for index, seller in enumerate(found.sellers):
        await sell(found, seller, index + 1)
    seen, after, pages = [], None, 0
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        # when the manager reads them two at a time
        while True:
            page = (await manager.execute(AUDIT, {"first": 2, "after": after}))["resultAudit"]
            pages += 1
            seen += [e["node"]["value"] for e in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        bad = await manager.errors(AUDIT, {"first": 2, "after": "not-a-cursor"})
        too_many = await manager.errors(AUDIT, {"first": 500})
    # then every result comes once, newest first, in three pages
    assert (seen, pages) == ([5.0, 4.0, 3.0, 2.0, 1.0], 3)
    assert bad[0]["extensions"]["code"] == "BAD_USER_INPUT" and too_many[0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_the_audit_filters_by_metric_participant_period_and_corrections(live_server):
    # given sales of two metrics for two sellers, one of them last month, and a correction
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    julie, thomas = found.sellers
    financing = await Metric.create(organization_id=found.network.organization_id, name="Financements signés")
    from server.challenges.models import ParticipantKind
    from server.challenges.results import ResultInput, record_result

    actor = await scope_of_user(found.manager)
    await record_result(actor, ResultInput(found.metric.id, ParticipantKind.USER, julie.id, 1, now() - timedelta(days=40),
                                           "last-month-0001"))
    await sell(found, julie, 2)
    await sell(found, thomas, 3)
    await record_result(actor, ResultInput(financing.id, ParticipantKind.USER, thomas.id, 4, now(), "financing-0001"))
    await sell(found, thomas, -1, reason="Commande annulée par le client")
    lille = found.network.points_of_sale["Lille"]
    await record_result(actor, ResultInput(found.metric.id, ParticipantKind.UNIT, lille.id, 5, now(), "lille-site-0001"))

    async def values(**filter_):
        async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
            return [n["value"] for n in nodes(await manager.execute(AUDIT, {"first": 20, "filter": filter_}))]

    # then each filter narrows the entries
    assert await values(metricId=str(financing.id)) == [4.0]
    assert await values(participantKind="UNIT", participantId=str(lille.id)) == [5.0]
    assert await values(participantId=str(julie.id)) == [2.0, 1.0]
    assert await values(periodStart=(now() - timedelta(days=7)).isoformat(), participantId=str(julie.id)) == [2.0]
    assert await values(periodEnd=(now() - timedelta(days=7)).isoformat()) == [1.0]
    assert await values(correctionsOnly=True) == [-1.0]
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        [site] = nodes(await manager.execute(AUDIT, {"first": 1}))
    assert site["participant"] == {"kind": "UNIT", "id": str(lille.id), "name": "Lille Centre"}
    assert await values(metricId=str(found.metric.id), participantId=str(thomas.id)) == [-1.0, 3.0]
