"""Every challenges field that takes an id holds its scope rule, for a seller of the region, the
manager of a sibling region, the manager of a unit below it and another organisation.

The things live in the Nord region: its manager's challenge (live, or a draft), a seller of
Arras (in Nord, outside Lille) whose results and targets are recorded, duels between Lille
sellers, head office's integration tokens. Reading follows the branch (a draft only for those
who manage it); running, recording and auditing follow what one manages."""

from __future__ import annotations

from datetime import timedelta

import pytest

from schema.challenges.audit import ChallengesAuditQuery
from schema.challenges.mutations import ChallengesMutation
from schema.challenges.queries import ChallengesQuery
from schema.challenges.subscriptions import ChallengesSubscription
from server.challenges.duels import create_duel
from server.challenges.kiosk import create_kiosk_link
from server.challenges.lifecycle import ChallengeDraft, create_challenge
from server.challenges.models import Metric
from server.challenges.results import ResultInput, record_result
from server.challenges.tokens import create_token
from server.network.scope import scope_of_user
from tests.challenges.given import now
from tests.factories import make_user
from tests.graphql_client import Subscription
from tests.scope_world import World, answered, enforce, make_world, rule, succeeded, uncovered

RESULT = "__typename ... on UserError { code }"
CHALLENGE = "query($id: ID!) { challenge(id: $id) { id } }"
BOARD = "subscription($id: ID!) { leaderboard(challengeId: $id) { type } }"
DESCRIBE = f"mutation($id: ID!) {{ updateChallengeDescription(challengeId: $id, description: \"Nouveau\") {{ {RESULT} }} }}"
RULES_UPDATE = f"""mutation($id: ID!, $input: CreateChallengeInput!) {{
  updateChallengeRules(challengeId: $id, input: $input) {{ {RESULT} }} }}"""
PUBLISH = f"mutation($id: ID!) {{ publishChallenge(challengeId: $id) {{ {RESULT} }} }}"
CLOSE = f"mutation($id: ID!) {{ closeChallenge(challengeId: $id) {{ {RESULT} }} }}"
CREATE = f"mutation($input: CreateChallengeInput!) {{ createChallenge(input: $input) {{ {RESULT} }} }}"
RECORD = f"""mutation($metric: ID!, $who: ID!, $at: DateTime!, $key: String!) {{
  recordResult(metric: $metric, participant: $who, value: 1, occurredAt: $at, idempotencyKey: $key) {{ {RESULT} }} }}"""
TARGET = f"""mutation($metric: ID!, $who: ID!, $start: DateTime!, $end: DateTime!) {{
  setTarget(metric: $metric, participant: $who, periodStart: $start, periodEnd: $end, value: 12) {{ {RESULT} }} }}"""
SPREAD = f"""mutation($metric: ID!, $unit: ID!, $start: DateTime!, $end: DateTime!) {{
  spreadTarget(metric: $metric, unit: $unit, periodStart: $start, periodEnd: $end, value: 40) {{ {RESULT} }} }}"""
IMPORT_RESULTS = "mutation($csv: String!) { importResults(csv: $csv) { __typename ... on ImportReport { applied } } }"
IMPORT_TARGETS = "mutation($csv: String!) { importTargets(csv: $csv) { __typename ... on ImportReport { applied } } }"
AUDIT = """query($who: ID!) { resultAudit(first: 10, filter: {participantId: $who}) { edges { node { id } } } }"""
DUEL = f"mutation($who: ID!, $metric: ID!) {{ createDuel(opponentId: $who, metricId: $metric) {{ {RESULT} }} }}"
ANSWER = f"mutation($id: ID!) {{ answerDuel(challengeId: $id, accept: true) {{ {RESULT} }} }}"
DELETE = f"mutation($id: ID!) {{ deleteChallenge(challengeId: $id) {{ {RESULT} }} }}"
DUPLICATE = f"mutation($id: ID!) {{ duplicateChallenge(challengeId: $id) {{ {RESULT} }} }}"
CREATE_TOKEN = f"mutation($unit: ID!) {{ createIntegrationToken(name: \"CRM\", unitId: $unit) {{ {RESULT} }} }}"
REVOKE_TOKEN = f"mutation($id: ID!) {{ revokeIntegrationToken(tokenId: $id) {{ {RESULT} }} }}"
CREATE_KIOSK = f"mutation($id: ID!) {{ createKioskLink(challengeId: $id, label: \"Showroom\") {{ {RESULT} }} }}"
REVOKE_KIOSK = f"mutation($id: ID!) {{ revokeKioskLink(linkId: $id) {{ {RESULT} }} }}"
KIOSK_LINKS = "query($id: ID!) { kioskLinks(challengeId: $id) { id } }"


def _draft(world: World, draft: bool) -> ChallengeDraft:
    return ChallengeDraft(
        name="Challenge du Nord", starts_at=now() - timedelta(days=1), ends_at=now() + timedelta(days=10),
        metrics=[(world.things["metric"].id, 1.0)], scope_unit_id=world.network.regions["Nord"].id, draft=draft,
    )


def _input(world: World) -> dict[str, object]:
    return {"name": "Challenge du Nord", "startsAt": (now() - timedelta(days=1)).isoformat(),
            "endsAt": (now() + timedelta(days=10)).isoformat(),
            "metrics": [{"metricId": str(world.things["metric"].id)}], "scopeUnitId": str(world.network.regions["Nord"].id)}


async def _things(world: World) -> None:
    if "metric" not in world.things:
        world.things["metric"] = await Metric.create(organization_id=world.network.organization_id, name="Ventes")
        world.things["arras"] = await make_user(world.network.points_of_sale["Arras"], name="Inès Arras")
        world.things["colleague"] = await make_user(world.network.points_of_sale["Lille"], name="Lou Lille")
    owner = await scope_of_user(world.users["owner"])
    world.things["live"] = await create_challenge(owner, _draft(world, False))
    world.things["draft"] = await create_challenge(owner, _draft(world, True))
    arras = world.things["arras"]
    await record_result(owner, ResultInput(world.things["metric"].id, world.things["live"].participant_kind, arras.id, 1,
                                           now(), f"audit-{world.things['live'].id:06d}"))
    colleague = await scope_of_user(world.things["colleague"])
    world.things["duel"] = await create_duel(colleague, world.users["member"].id, world.things["metric"].id, 7)
    world.things["token"], _ = await create_token(await scope_of_user(world.users["admin"]), "CRM du Nord", None)
    world.things["kiosk"], _ = await create_kiosk_link(owner, world.things["live"].id, "Showroom de Lille")


def _ids(world: World) -> dict[str, str]:
    return {"metric": str(world.things["metric"].id), "who": str(world.things["arras"].id), "at": now().isoformat(),
            "start": (now() - timedelta(days=1)).isoformat(), "end": (now() + timedelta(days=20)).isoformat(),
            "unit": str(world.network.regions["Nord"].id)}


def mutation(document: str, field: str, **extra: str):  # type: ignore[no-untyped-def]
    async def check(world: World, actor: str) -> bool:
        variables = {**_ids(world), **{k: str(world.things[v].id) for k, v in extra.items()}}
        if "$key" in document:
            variables["key"] = f"key-{actor}-{world.things['live'].id}"
        if "$input" in document:
            variables["input"] = _input(world)
        return succeeded(await world.execute(actor, document, variables), field)

    return check


def reads(thing: str):  # type: ignore[no-untyped-def]
    async def check(world: World, actor: str) -> bool:
        return answered(await world.execute(actor, CHALLENGE, {"id": str(world.things[thing].id)}), "challenge")

    return check


async def follows_board(world: World, actor: str) -> bool:
    async with Subscription(world.live_server.ws_url, token=world.tokens[actor]) as socket:
        await socket.connect()
        await socket.subscribe(BOARD, {"id": str(world.things["live"].id)})
        message = await socket.next()
    return message["type"] == "next" and not message["payload"].get("errors")


def imports(document: str, field: str, header: str, row: str):  # type: ignore[no-untyped-def]
    async def check(world: World, actor: str) -> bool:
        day = now().date().isoformat()
        key = f"csv-{actor}-{world.things['live'].id}"
        csv = f"{header}\nVentes;{world.things['arras'].email};{row.format(day=day, key=key)}\n"
        data = ((await world.execute(actor, document, {"csv": csv})).get("data") or {}).get(field) or {}
        return data.get("applied") == 1

    return check


async def lists_kiosk_links(world: World, actor: str) -> bool:
    return answered(await world.execute(actor, KIOSK_LINKS, {"id": str(world.things["live"].id)}), "kioskLinks")


async def audits(world: World, actor: str) -> bool:
    body = await world.execute(actor, AUDIT, {"who": str(world.things["arras"].id)})
    return bool(((body.get("data") or {}).get("resultAudit") or {}).get("edges"))


READERS = {"member", "child", "owner", "admin"}
RUNNERS = {"owner", "admin"}
RULES = [
    rule("challenge(id) of a live challenge", reads("live"), READERS),
    rule("challenge(id) of a draft", reads("draft"), RUNNERS),
    rule("leaderboard(challengeId)", follows_board, READERS),
    rule("updateChallengeDescription", mutation(DESCRIBE, "updateChallengeDescription", id="live"), RUNNERS),
    rule("updateChallengeRules", mutation(RULES_UPDATE, "updateChallengeRules", id="draft"), RUNNERS),
    rule("publishChallenge", mutation(PUBLISH, "publishChallenge", id="draft"), RUNNERS),
    rule("closeChallenge", mutation(CLOSE, "closeChallenge", id="live"), RUNNERS),
    rule("createChallenge(scopeUnitId)", mutation(CREATE, "createChallenge"), RUNNERS),
    rule("deleteChallenge(challengeId) of a draft", mutation(DELETE, "deleteChallenge", id="draft"), RUNNERS),
    rule("duplicateChallenge(challengeId)", mutation(DUPLICATE, "duplicateChallenge", id="live"), RUNNERS),
    rule("recordResult(participant)", mutation(RECORD, "recordResult"), RUNNERS),
    rule("setTarget(participant)", mutation(TARGET, "setTarget"), RUNNERS),
    rule("spreadTarget(unit)", mutation(SPREAD, "spreadTarget"), RUNNERS),
    rule("importResults(participant)", imports(IMPORT_RESULTS, "importResults",
                                               "metric;participant;value;occurred_at;key", "1;{day};{key}"), RUNNERS),
    rule("importTargets(participant)", imports(IMPORT_TARGETS, "importTargets",
                                               "metric;participant;period_start;period_end;value", "{day};2099-01-01;9"), RUNNERS),
    rule("resultAudit(filter: participantId)", audits, RUNNERS),
    rule("createDuel(opponentId)", mutation(DUEL, "createDuel", who="colleague"), {"member", "child", "owner", "admin"}),
    rule("answerDuel(challengeId)", mutation(ANSWER, "answerDuel", id="duel"), {"member"}, also=["owner", "admin"]),
    rule("createIntegrationToken(unitId)", mutation(CREATE_TOKEN, "createIntegrationToken"), {"admin"}, also=["owner"]),
    rule("revokeIntegrationToken(tokenId)", mutation(REVOKE_TOKEN, "revokeIntegrationToken", id="token"), {"admin"},
         also=["owner"]),
    rule("createKioskLink(challengeId)", mutation(CREATE_KIOSK, "createKioskLink", id="live"), RUNNERS),
    rule("revokeKioskLink(linkId)", mutation(REVOKE_KIOSK, "revokeKioskLink", id="kiosk"), RUNNERS),
    rule("kioskLinks(challengeId)", lists_kiosk_links, RUNNERS),
]


@pytest.mark.parametrize("checked", RULES, ids=repr)
async def test_challenges_fields_taking_an_id_hold_their_scope_rule(live_server, checked):
    world = await make_world(live_server)
    await enforce(world, checked, prepare=_things)


async def test_an_integration_token_records_only_in_its_granted_subtree(live_server):
    # given a token granted Lille, and sellers of Lille and Arras
    world = await make_world(live_server)
    await _things(world)
    _, secret = await create_token(await scope_of_user(world.users["admin"]), "CRM de Lille",
                                   world.network.points_of_sale["Lille"].id)
    lille = world.users["member"]
    world.tokens["token"] = secret
    base = {"metric": str(world.things["metric"].id), "at": now().isoformat()}
    # when it records for each
    inside = await world.execute("token", RECORD, {**base, "who": str(lille.id), "key": "token-lille-0001"})
    outside = await world.execute("token", RECORD, {**base, "who": str(world.things["arras"].id), "key": "token-arras-0001"})
    # then Lille's counts, Arras's is out of its scope
    assert succeeded(inside, "recordResult")
    assert outside["data"]["recordResult"] == {"__typename": "NotAllowedError", "code": "challenge_out_of_scope"}


def test_every_challenges_field_taking_an_id_has_a_rule():
    assert uncovered(RULES, ChallengesQuery, ChallengesAuditQuery, ChallengesMutation, ChallengesSubscription) == set()


async def test_a_threshold_badge_is_one_of_the_organisations(live_server):
    # given Nord's manager, a badge of his organisation and one of another
    world = await make_world(live_server)
    await _things(world)
    from tests.badges.factories import make_badge
    from tests.factories import make_network

    ours, theirs = await make_badge(world.network, "Objectif atteint"), await make_badge(await make_network(), "Chez eux")
    create = """mutation($input: CreateChallengeInput!) { createChallenge(input: $input) {
      __typename ... on ChallengeSuccess { challenge { thresholds { badgeId } } } ... on ValidationError { code field } } }"""

    async def with_badge(badge_id: int) -> dict[str, object]:
        threshold = {"score": 100, "label": "Objectif", "badgeId": str(badge_id)}
        body = await world.execute("owner", create, {"input": {**_input(world), "thresholds": [threshold]}})
        return dict(body["data"]["createChallenge"])

    # when he rewards a threshold with each
    # then only his organisation's badge is taken
    assert (await with_badge(ours.id))["challenge"] == {"thresholds": [{"badgeId": str(ours.id)}]}
    assert await with_badge(theirs.id) == {"__typename": "ValidationError", "code": "challenge_thresholds_invalid",
                                           "field": "thresholds"}
