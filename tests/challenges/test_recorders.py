"""Who a recorded result reaches: the challenges its recorder manages, and nothing above; a
draft shows only to those who manage it; an idempotency key belongs to its recorder."""

from __future__ import annotations

from datetime import timedelta

from server.accounts.models import Role
from tests.challenges.given import arena, live_challenge, now
from tests.factories import signed_in
from tests.graphql_client import GraphQLClient, Subscription

RECORD = """
mutation Record($metric: ID!, $participant: ID!, $value: Float!, $at: DateTime!, $key: String!) {
  recordResult(metric: $metric, participant: $participant, value: $value, occurredAt: $at, idempotencyKey: $key) {
    __typename
    ... on RecordResultSuccess { duplicate moves { challengeId rank } }
    ... on UserError { code message }
  }
}
"""
CREATE = """
mutation($input: CreateChallengeInput!) { createChallenge(input: $input) {
  __typename ... on ChallengeSuccess { challenge { id } } ... on UserError { code message } } }
"""
TOKEN = """
mutation($name: String!, $unit: ID) { createIntegrationToken(name: $name, unitId: $unit) {
  __typename ... on CreateIntegrationTokenSuccess { secret } } }
"""
STANDING = "query($id: ID!) { challenge(id: $id) { myStanding { score } } }"
CHALLENGE = "query($id: ID!) { challenge(id: $id) { id name status } }"
CHALLENGES = "{ challenges { id } }"
BOARD = "subscription($id: ID!) { leaderboard(challengeId: $id) { type version } }"


def sale(found, seller, value, key):  # type: ignore[no-untyped-def]
    return {"metric": str(found.metric.id), "participant": str(seller.id), "value": value,
            "at": now().isoformat(), "key": key}


async def _network_challenge(live_server, found, admin_token: str) -> str:  # type: ignore[no-untyped-def]
    async with GraphQLClient(live_server.url, token=admin_token) as admin:
        created = (await admin.execute(CREATE, {"input": {
            "name": "Challenge réseau", "startsAt": (now() - timedelta(days=1)).isoformat(),
            "endsAt": (now() + timedelta(days=10)).isoformat(), "metrics": [{"metricId": str(found.metric.id)}],
            "scopeUnitId": str(found.network.root.id),
        }}))["createChallenge"]
    assert created["__typename"] == "ChallengeSuccess"
    return str(created["challenge"]["id"])


async def _score(live_server, token: str, challenge_id: str) -> float:
    async with GraphQLClient(live_server.url, token=token) as reader:
        return float((await reader.execute(STANDING, {"id": challenge_id}))["challenge"]["myStanding"]["score"])


async def test_a_result_moves_only_the_challenges_its_recorder_manages(live_server):
    # given a Lille seller in Nord's challenge and in a network-wide one, and a CRM token for Nord
    found = await arena(sellers=1)
    julie = found.sellers[0]
    region = await live_challenge(found, name="Challenge du Nord")
    _, admin_token = await signed_in(found.network.root, Role.ADMIN)
    network = await _network_challenge(live_server, found, admin_token)
    async with GraphQLClient(live_server.url, token=admin_token) as admin:
        crm = (await admin.execute(TOKEN, {"name": "CRM du Nord", "unit": str(found.network.regions["Nord"].id)}))[
            "createIntegrationToken"]["secret"]

    # when Nord's manager, then Nord's CRM, record her sales
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        by_manager = (await manager.execute(RECORD, sale(found, julie, 5, "manager-sale-0001")))["recordResult"]
    async with GraphQLClient(live_server.url, token=crm) as dms:
        by_token = (await dms.execute(RECORD, sale(found, julie, 3, "crm-sale-000001")))["recordResult"]

    # then both move Nord's board only: the network's is head office's to feed
    assert [m["challengeId"] for m in by_manager["moves"]] == [str(region.id)]
    assert [m["challengeId"] for m in by_token["moves"]] == [str(region.id)]
    assert await _score(live_server, found.tokens[julie.id], str(region.id)) == 80.0
    assert await _score(live_server, found.tokens[julie.id], network) == 0.0

    # when head office records one
    async with GraphQLClient(live_server.url, token=admin_token) as admin:
        by_admin = (await admin.execute(RECORD, sale(found, julie, 2, "head-office-0001")))["recordResult"]
    # then it moves both
    assert sorted(m["challengeId"] for m in by_admin["moves"]) == sorted([str(region.id), network])
    assert await _score(live_server, found.tokens[julie.id], network) == 20.0


async def test_an_idempotency_key_belongs_to_its_recorder(live_server):
    # given a CRM token of Nord and Nord's manager, who happen to choose the same key
    found = await arena(sellers=2)
    julie, thomas = found.sellers
    await live_challenge(found)
    _, admin_token = await signed_in(found.network.root, Role.ADMIN)
    async with GraphQLClient(live_server.url, token=admin_token) as admin:
        crm = (await admin.execute(TOKEN, {"name": "CRM du Nord", "unit": str(found.network.regions["Nord"].id)}))[
            "createIntegrationToken"]["secret"]

    # when the manager records with the key first, then the CRM with its own sale, then each again
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        first = (await manager.execute(RECORD, sale(found, julie, 1, "order-2026-0042")))["recordResult"]
        async with GraphQLClient(live_server.url, token=crm) as dms:
            theirs = (await dms.execute(RECORD, sale(found, thomas, 4, "order-2026-0042")))["recordResult"]
            theirs_again = (await dms.execute(RECORD, sale(found, thomas, 4, "order-2026-0042")))["recordResult"]
        mine_again = (await manager.execute(RECORD, sale(found, julie, 1, "order-2026-0042")))["recordResult"]

    # then the CRM's sale counts: the manager did not take its key; each repeat counts once
    assert (first["__typename"], first["duplicate"]) == ("RecordResultSuccess", False)
    assert (theirs["__typename"], theirs["duplicate"]) == ("RecordResultSuccess", False)
    assert theirs_again["duplicate"] is True and mine_again["duplicate"] is True


async def test_a_draft_shows_only_to_those_who_manage_its_scope(live_server):
    # given a draft over the Nord region, by its manager
    found = await arena(sellers=1)
    draft = await live_challenge(found, draft=True, name="Brouillon du Nord")
    _, lille_manager = await signed_in(found.network.points_of_sale["Lille"], Role.MANAGER)
    _, south_manager = await signed_in(found.network.regions["Sud-Ouest"], Role.MANAGER)
    _, admin_token = await signed_in(found.network.root, Role.ADMIN)

    async def reads(token: str) -> tuple[bool, bool]:
        async with GraphQLClient(live_server.url, token=token) as reader:
            by_id = (await reader.execute(CHALLENGE, {"id": str(draft.id)}))["challenge"]
            listed = [c["id"] for c in (await reader.execute(CHALLENGES))["challenges"]]
        return by_id is not None, str(draft.id) in listed

    # when the managers of a unit below it, of a sibling region, a seller, its manager and head office look
    # then only its manager and head office see it
    assert await reads(lille_manager) == (False, False)
    assert await reads(south_manager) == (False, False)
    assert await reads(found.tokens[found.sellers[0].id]) == (False, False)
    assert await reads(found.manager_token) == (True, True)
    assert await reads(admin_token) == (True, True)
    # and its live board is refused to the manager below
    async with Subscription(live_server.ws_url, token=lille_manager) as socket:
        await socket.connect()
        await socket.subscribe(BOARD, {"id": str(draft.id)})
        message = await socket.next()
    assert message["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
