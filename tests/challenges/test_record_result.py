"""recordResult over GraphQL: moves, rank-change notifications, idempotency under concurrency, scope."""

from __future__ import annotations

import asyncio

from server.accounts.models import Role
from server.challenges.models import Result
from server.challenges.standings import my_standing
from server.feed.models import Post, PostKind
from server.notifications.models import Notification, NotificationKind
from tests.challenges.given import arena, live_challenge, sell
from tests.factories import deferred_work_done, signed_in
from tests.graphql_client import GraphQLClient

RECORD = """
mutation Record($metric: ID!, $participant: ID!, $value: Float!, $at: DateTime!, $key: String!, $reason: String) {
  recordResult(metric: $metric, participant: $participant, value: $value, occurredAt: $at,
               idempotencyKey: $key, reason: $reason) {
    __typename
    ... on RecordResultSuccess { duplicate moves { challengeId previousRank rank overtakenCount } }
    ... on UserError { code message }
  }
}
"""


def variables(found, seller, value, key, reason=None):
    from tests.challenges.given import now

    return {"metric": str(found.metric.id), "participant": str(seller.id), "value": value,
            "at": now().isoformat(), "key": key, "reason": reason}


async def test_a_manager_records_a_result_and_the_seller_moves_up(live_server):
    # given Julie fourth behind three colleagues
    found = await arena(sellers=4, names=["Julie Moreau", "Thomas Petit", "Camille Roux", "Léa Garnier"])
    challenge = await live_challenge(found, name="Challenge de novembre")
    julie, thomas, camille, lea = found.sellers
    await sell(found, thomas, 4)
    await sell(found, camille, 3)
    await sell(found, lea, 1)
    # when her manager records 5 sales
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        data = await manager.execute(RECORD, variables(found, julie, 5, "crm-order-0001"))
    # then she moves from 4th to 1st, past three colleagues
    result = data["recordResult"]
    assert result["__typename"] == "RecordResultSuccess" and result["duplicate"] is False
    assert result["moves"] == [{"challengeId": str(challenge.id), "previousRank": 4, "rank": 1, "overtakenCount": 3}]
    # and is told so, and those she passed are told who passed them
    await deferred_work_done()
    mine = await Notification.filter(user_id=julie.id).order_by("-id").first()
    assert mine.kind == NotificationKind.TOP_THREE and mine.params["rank"] == 1
    passed = await Notification.get(user_id=thomas.id, kind=NotificationKind.RANK_OVERTAKEN)
    assert passed.params["actorIds"] == [julie.id] and passed.params["rank"] == 2
    assert (await Notification.get(user_id=lea.id, kind=NotificationKind.RANK_OVERTAKEN)).params["rank"] == 4
    # and her entry into the top 3 is a feed post
    assert await Post.filter(kind=PostKind.SYSTEM, author_id=julie.id, system_kind="TOP_THREE_ENTERED").exists()


async def test_moving_up_outside_the_podium_says_vous_passez(live_server):
    found = await arena(sellers=5)
    challenge = await live_challenge(found)
    for seller, sold in zip(found.sellers[:4], [9, 8, 7, 6], strict=True):
        await sell(found, seller, sold)
    await sell(found, found.sellers[4], 6.5)
    await deferred_work_done()
    notification = await Notification.filter(user_id=found.sellers[4].id).order_by("-id").first()
    assert notification.kind == NotificationKind.RANK_UP and notification.params["rank"] == 4
    from server.texts.refs import resolve
    from server.texts.render import notification_text

    refs = await resolve([notification.params])
    assert notification_text("RANK_UP", notification.params, [], 1, refs, "fr") == f"Vous passez 4e dans « {challenge.name} »"


async def test_twenty_concurrent_calls_with_one_key_count_once(live_server):
    found = await arena(sellers=1)
    challenge = await live_challenge(found)
    seller = found.sellers[0]
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        replies = await asyncio.gather(*[
            manager.execute(RECORD, variables(found, seller, 2, "same-order-42")) for _ in range(20)
        ])
    kinds = [r["recordResult"]["__typename"] for r in replies]
    assert kinds == ["RecordResultSuccess"] * 20
    assert sum(1 for r in replies if not r["recordResult"]["duplicate"]) == 1
    assert await Result.filter(idempotency_key="same-order-42", organization_id=found.network.organization_id).count() == 1
    assert (await my_standing(challenge, seller)).score == 20


async def test_twenty_concurrent_calls_with_different_keys_add_up_exactly(live_server):
    found = await arena(sellers=2)
    challenge = await live_challenge(found)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        replies = await asyncio.gather(*[
            manager.execute(RECORD, variables(found, found.sellers[i % 2], 1, f"order-{i:04d}-x")) for i in range(20)
        ])
    assert all(not r["recordResult"]["duplicate"] for r in replies)
    for seller in found.sellers:
        assert (await my_standing(challenge, seller)).score == 100  # 10 sales of a target of 10


async def test_a_key_reused_for_another_result_is_a_conflict(live_server):
    found = await arena(sellers=1)
    await live_challenge(found)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        await manager.execute(RECORD, variables(found, found.sellers[0], 1, "order-reused"))
        data = await manager.execute(RECORD, variables(found, found.sellers[0], 3, "order-reused"))
    assert data["recordResult"]["__typename"] == "ConflictError"


async def test_a_manager_cannot_record_outside_its_subtree_and_a_member_not_at_all(live_server):
    found = await arena(sellers=1)
    await live_challenge(found)
    _, south_token = await signed_in(found.network.regions["Sud-Ouest"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=south_token) as outsider:
        data = await outsider.execute(RECORD, variables(found, found.sellers[0], 1, "order-outside"))
    assert data["recordResult"]["__typename"] == "NotAllowedError"
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[0].id]) as member:
        data = await member.execute(RECORD, variables(found, found.sellers[0], 50, "order-self-made"))
    assert data["recordResult"]["__typename"] == "NotAllowedError"
    assert await Result.filter(user_id=found.sellers[0].id).count() == 0


async def test_bad_input_is_a_typed_error_and_changes_nothing(live_server):
    found = await arena(sellers=1)
    await live_challenge(found)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        short = await manager.execute(RECORD, variables(found, found.sellers[0], 1, "short"))
        negative = await manager.execute(RECORD, variables(found, found.sellers[0], -1, "order-negative"))
    assert short["recordResult"]["__typename"] == "ValidationError"
    assert negative["recordResult"]["code"] == "correction_reason_required"
    assert "motif" in negative["recordResult"]["message"]
    assert await Result.filter(user_id=found.sellers[0].id).count() == 0


TOKEN = """
mutation($name: String!) { createIntegrationToken(name: $name) {
  __typename ... on CreateIntegrationTokenSuccess { secret token { id } } } }
"""
REVOKE = """mutation($id: ID!) { revokeIntegrationToken(tokenId: $id) { __typename } }"""


async def test_a_crm_records_with_an_integration_token_until_it_is_revoked(live_server):
    # given an admin who creates a token for the CRM
    found = await arena(sellers=1)
    challenge = await live_challenge(found)
    _, admin_token = await signed_in(found.network.root, Role.ADMIN)
    async with GraphQLClient(live_server.url, token=admin_token) as admin:
        created = (await admin.execute(TOKEN, {"name": "CRM concessions"}))["createIntegrationToken"]
    # when the CRM pushes a result with it
    async with GraphQLClient(live_server.url, token=created["secret"]) as crm:
        data = await crm.execute(RECORD, variables(found, found.sellers[0], 2, "crm-push-0001"))
        assert data["recordResult"]["__typename"] == "RecordResultSuccess"
        async with GraphQLClient(live_server.url, token=admin_token) as admin:
            assert (await admin.execute(REVOKE, {"id": created["token"]["id"]}))["revokeIntegrationToken"]["__typename"] == "RevokeIntegrationTokenSuccess"
        refused = await crm.raw(RECORD, variables(found, found.sellers[0], 2, "crm-push-0002"))
    # then it counted once, and the revoked token is refused
    assert (await my_standing(challenge, found.sellers[0])).score == 20
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_manager_cannot_create_integration_tokens(live_server):
    found = await arena(sellers=0, target=None)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        data = await manager.execute(TOKEN, {"name": "CRM"})
    assert data["createIntegrationToken"]["__typename"] == "NotAllowedError"
