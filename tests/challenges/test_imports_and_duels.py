"""CSV imports with their error report, target spreading, duels, privacy, and the read queries."""

from __future__ import annotations

from server.challenges.models import Result, Target
from server.challenges.standings import my_standing
from server.notifications.models import Notification, NotificationKind
from tests.challenges.given import arena, live_challenge, sell
from tests.graphql_client import GraphQLClient

IMPORT = """
mutation($csv: String!, $valid: Boolean!) { importResults(csv: $csv, validRowsOnly: $valid) {
  __typename ... on ImportReport { total applied errors { line code message } } ... on UserError { code message } } }
"""


async def test_a_file_with_a_bad_line_is_reported_and_nothing_is_applied(live_server):
    found = await arena(sellers=2)
    challenge = await live_challenge(found)
    one, two = found.sellers
    csv = (
        "metric;participant;value;occurred_at\n"
        f"Véhicules neufs vendus;{one.email};2;{_today()}\n"
        f"Véhicules neufs vendus;inconnu@test.example;1;{_today()}\n"
        f"Véhicules neufs vendus;{two.email};deux;{_today()}\n"
    )
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        strict = (await manager.execute(IMPORT, {"csv": csv, "valid": False}))["importResults"]
        assert await Result.filter(user_id=one.id).count() == 0
        lenient = (await manager.execute(IMPORT, {"csv": csv, "valid": True}))["importResults"]
        again = (await manager.execute(IMPORT, {"csv": csv, "valid": True}))["importResults"]
    assert strict["total"] == 3 and strict["applied"] == 0
    assert [(e["line"], e["code"]) for e in strict["errors"]] == [(3, "participant_not_found"), (4, "csv_value_invalid")]
    assert strict["errors"][0]["message"] == "Ce participant est introuvable."
    assert lenient["applied"] == 1 and again["applied"] == 0  # the same file twice counts once
    assert (await my_standing(challenge, one)).score == 20


async def test_a_file_without_the_expected_header_is_refused(live_server):
    found = await arena(sellers=1, target=None)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        data = (await manager.execute(IMPORT, {"csv": "a,b\n1,2\n", "valid": False}))["importResults"]
    assert data["__typename"] == "ValidationError" and data["code"] == "csv_header_invalid"


SPREAD = """
mutation($metric: ID!, $unit: ID!, $start: DateTime!, $end: DateTime!, $value: Float!) {
  spreadTarget(metric: $metric, unit: $unit, periodStart: $start, periodEnd: $end, value: $value) {
    __typename ... on SetTargetSuccess { count people { userId displayName value } } } }
"""


async def test_a_unit_target_is_spread_among_its_people_and_rescores_them(live_server):
    found = await arena(sellers=4, target=None)
    challenge = await live_challenge(found)
    await sell(found, found.sellers[0], 5)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        data = await manager.execute(SPREAD, {
            "metric": str(found.metric.id), "unit": str(found.network.points_of_sale["Lille"].id),
            "start": challenge.starts_at.isoformat(), "end": challenge.ends_at.isoformat(), "value": 40,
        })
    assert data["spreadTarget"]["count"] == 5
    people = data["spreadTarget"]["people"]  # the screen lists who received what
    assert sorted(p["userId"] for p in people) == sorted(str(s.id) for s in found.sellers)
    assert {p["value"] for p in people} == {10}
    assert people == sorted(people, key=lambda p: p["displayName"])
    assert await Target.filter(user_id=found.sellers[0].id, value=10).exists()
    assert (await my_standing(challenge, found.sellers[0])).score == 50


DUEL = """mutation($opponent: ID!, $metric: ID!) { createDuel(opponentId: $opponent, metricId: $metric, days: 7) {
  __typename ... on ChallengeSuccess { challenge { id format duelState status } } } }"""
ANSWER = """mutation($id: ID!, $accept: Boolean!) { answerDuel(challengeId: $id, accept: $accept) {
  __typename ... on ChallengeSuccess { challenge { duelState status } } ... on UserError { code } } }"""
PENDING = """{ pendingDuels { id name description } }"""


async def test_a_seller_challenges_a_colleague_who_accepts(live_server):
    found = await arena(sellers=2, target=None, names=["Julie Moreau", "Thomas Petit"])
    julie, thomas = found.sellers
    async with GraphQLClient(live_server.url, token=found.tokens[julie.id]) as challenger:
        created = (await challenger.execute(DUEL, {"opponent": str(thomas.id), "metric": str(found.metric.id)}))["createDuel"]
        duel = created["challenge"]
        assert (duel["format"], duel["duelState"], duel["status"]) == ("DUEL", "PENDING", "DRAFT")
        # the challenger cannot answer its own invitation
        assert (await challenger.execute(ANSWER, {"id": duel["id"], "accept": True}))["answerDuel"]["__typename"] == "NotFoundError"
    invitation = await Notification.get(user_id=thomas.id, kind=NotificationKind.DUEL_INVITATION)
    assert invitation.params["actorIds"] == [julie.id]
    async with GraphQLClient(live_server.url, token=found.tokens[thomas.id], **{"Accept-Language": "en"}) as english:
        # the duel's title and description are written in each reader's language, names as they are now
        assert (await english.execute(PENDING))["pendingDuels"] == [{
            "id": duel["id"], "name": "Duel: Julie Moreau vs Thomas Petit", "description": f"{found.metric.name} over 7 days"}]
    async with GraphQLClient(live_server.url, token=found.tokens[thomas.id]) as opponent:
        assert [(d["id"], d["name"]) for d in (await opponent.execute(PENDING))["pendingDuels"]] == [
            (duel["id"], "Duel : Julie Moreau / Thomas Petit")]
        accepted = (await opponent.execute(ANSWER, {"id": duel["id"], "accept": True}))["answerDuel"]
        again = (await opponent.execute(ANSWER, {"id": duel["id"], "accept": False}))["answerDuel"]
    assert accepted["challenge"] == {"duelState": "ACCEPTED", "status": "LIVE"}
    assert again == {"__typename": "ConflictError", "code": "duel_not_pending"}


CHALLENGE = """
query($id: ID!) { challenge(id: $id) {
  name status participantCount metrics { metric { name } weight }
  leaderboard(first: 2) { version edges { cursor node { rank displayName isMe } } pageInfo { hasNextPage endCursor } }
  myStanding { rank score participantCount gapToNextRank breakdown { kind label value target percent points } }
  aroundMe { rank isMe }
} }
"""
NEXT_PAGE = """query($id: ID!, $after: String!) { challenge(id: $id) { leaderboard(first: 2, after: $after) {
  edges { node { rank displayName } } pageInfo { hasNextPage } } } }"""


async def test_a_seller_reads_the_board_its_standing_and_the_rows_around_it(live_server):
    found = await arena(sellers=5, names=["Julie Moreau"])
    challenge = await live_challenge(found)
    for seller, sold in zip(found.sellers, [3, 9, 7, 5, 1], strict=True):
        await sell(found, seller, sold)
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[0].id]) as julie:
        data = (await julie.execute(CHALLENGE, {"id": str(challenge.id)}))["challenge"]
        after = data["leaderboard"]["pageInfo"]["endCursor"]
        second = (await julie.execute(NEXT_PAGE, {"id": str(challenge.id), "after": after}))["challenge"]
    assert data["participantCount"] == 5
    assert [e["node"]["rank"] for e in data["leaderboard"]["edges"]] == [1, 2]
    assert [e["node"]["rank"] for e in second["leaderboard"]["edges"]] == [3, 4]
    assert second["leaderboard"]["pageInfo"]["hasNextPage"] is True
    standing = data["myStanding"]
    assert (standing["rank"], standing["score"], standing["gapToNextRank"]) == (4, 30.0, 20.0)
    assert standing["breakdown"] == [{"kind": "METRIC", "label": "Véhicules neufs vendus", "value": 3.0,
                                      "target": 10.0, "percent": 30.0, "points": 30.0}]
    assert [(r["rank"], r["isMe"]) for r in data["aroundMe"]] == [(2, False), (3, False), (4, True), (5, False)]


HIDE = "mutation { setLeaderboardHidden(hidden: true) }"
BOARD = """query($id: ID!) { challenge(id: $id) { leaderboard(first: 10) { edges { node { displayName isMe } } } } }"""


async def test_a_person_can_hide_from_public_screens(live_server):
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    challenge = await live_challenge(found)
    julie, thomas = found.sellers
    async with GraphQLClient(live_server.url, token=found.tokens[julie.id]) as client:
        assert (await client.execute(HIDE))["setLeaderboardHidden"] is True
        mine = (await client.execute(BOARD, {"id": str(challenge.id)}))["challenge"]["leaderboard"]["edges"]
    async with GraphQLClient(live_server.url, token=found.tokens[thomas.id]) as client:
        theirs = (await client.execute(BOARD, {"id": str(challenge.id)}))["challenge"]["leaderboard"]["edges"]
    assert {"displayName": "Julie Moreau", "isMe": True} in [e["node"] for e in mine]
    assert sorted(e["node"]["displayName"] or "" for e in theirs) == ["", "Thomas Petit"]


CREATE = """
mutation($input: CreateChallengeInput!) { createChallenge(input: $input) {
  __typename ... on ChallengeSuccess { challenge { id status participantCount } } ... on UserError { code } } }
"""


async def test_challenge_creation_is_checked_against_scope(live_server):
    from server.accounts.models import Role
    from tests.factories import signed_in

    found = await arena(sellers=2)
    base = {"name": "Challenge d'hiver", "startsAt": "2026-01-01T00:00:00Z", "endsAt": "2026-12-31T00:00:00Z",
            "metrics": [{"metricId": str(found.metric.id), "weight": 1}]}
    _, south = await signed_in(found.network.regions["Sud-Ouest"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        ok = (await manager.execute(CREATE, {"input": {**base, "scopeUnitId": str(found.network.regions["Nord"].id)}}))
        outside = await manager.execute(CREATE, {"input": {**base, "scopeUnitId": str(found.network.root.id)}})
    async with GraphQLClient(live_server.url, token=south) as other:
        theirs = await other.execute(CREATE, {"input": {**base, "scopeUnitId": str(found.network.regions["Nord"].id)}})
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[0].id]) as member:
        mine = await member.execute(CREATE, {"input": base})
    assert ok["createChallenge"]["challenge"]["participantCount"] == 2
    assert outside["createChallenge"]["__typename"] == "NotAllowedError"
    assert theirs["createChallenge"]["__typename"] == "NotAllowedError"
    assert mine["createChallenge"]["__typename"] == "NotAllowedError"


def _today() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).date().isoformat()
