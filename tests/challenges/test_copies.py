"""Deleting a draft and duplicating a challenge: last month's into this month's, as a draft of
the manager's; only the challenge's managers may, and a refusal changes nothing."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from server.accounts.models import Role
from server.challenges.lifecycle import close_challenge
from server.challenges.models import (
    AuditEntry,
    Challenge,
    ChallengeFormat,
    ChallengeStatus,
    Metric,
    Participant,
)
from server.network.models import UnitKind
from server.network.services import create_unit
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.scope_rules import ALLOWED, CHILD, MEMBER, SIBLING, Rule, run_table

PARIS = ZoneInfo("Europe/Paris")
CREATE = """
mutation CreateChallenge($input: CreateChallengeInput!) {
  createChallenge(input: $input) { __typename ... on ChallengeSuccess { challenge { id } } ... on UserError { code } }
}
"""
DUPLICATE = """
mutation DuplicateChallenge($id: ID!, $startsAt: DateTime) {
  duplicateChallenge(challengeId: $id, startsAt: $startsAt) {
    __typename
    ... on ChallengeSuccess { challenge { id name status startsAt endsAt participantCount scopeUnit { name }
      metrics { weight metric { name } } thresholds { score label } } }
    ... on UserError { code message }
  }
}
"""
DELETE = """
mutation DeleteChallenge($id: ID!) {
  deleteChallenge(challengeId: $id) {
    __typename ... on DeleteChallengeSuccess { deletedChallengeId } ... on UserError { code message }
  }
}
"""


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """A whole month in Paris: its first midnight and the last second of its last day."""
    start = datetime(year, month, 1, tzinfo=PARIS)
    end = datetime(year, month, monthrange(year, month)[1], 23, 59, 59, tzinfo=PARIS)
    return start, end


def last_month(today: datetime) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


async def challenge_of(client: GraphQLClient, unit_id: int, metric_id: int, starts: datetime, ends: datetime,
                       draft: bool = True, name: str = "Challenge du mois") -> int:
    created = (await client.execute(CREATE, {"input": {
        "name": name, "startsAt": starts.isoformat(), "endsAt": ends.isoformat(), "scopeUnitId": str(unit_id),
        "metrics": [{"metricId": str(metric_id), "weight": 2}], "thresholds": [{"score": 100, "label": "Objectif atteint"}],
        "draft": draft,
    }}))["createChallenge"]
    assert created["__typename"] == "ChallengeSuccess", created
    return int(created["challenge"]["id"])


async def test_a_manager_duplicates_last_months_challenge_into_this_month_as_a_draft(live_server):
    # given last month's challenge of the Nord region, closed, with its metric and threshold
    network = await make_network()
    nord = network.regions["Nord"]
    _, token = await signed_in(nord, Role.MANAGER)
    await signed_in(network.points_of_sale["Lille"])
    metric = await Metric.create(organization_id=network.organization_id, name="Véhicules neufs vendus")
    today = datetime.now(PARIS)
    async with GraphQLClient(live_server.url, token=token) as manager:
        source_id = await challenge_of(manager, nord.id, metric.id, *month_bounds(*last_month(today)), draft=False)
        await close_challenge(source_id)
        # when he duplicates it
        copied = (await manager.execute(DUPLICATE, {"id": str(source_id)}))["duplicateChallenge"]
    # then a draft of the same rules covers this whole month, in Paris time, its people enrolled
    copy = copied["challenge"]
    starts, ends = month_bounds(today.year, today.month)
    assert copied["__typename"] == "ChallengeSuccess"
    assert (copy["name"], copy["status"], copy["scopeUnit"]["name"]) == ("Challenge du mois", "DRAFT", "Nord")
    assert datetime.fromisoformat(copy["startsAt"]) == starts
    assert datetime.fromisoformat(copy["endsAt"]) == ends
    assert copy["metrics"] == [{"weight": 2.0, "metric": {"name": "Véhicules neufs vendus"}}]
    assert copy["thresholds"] == [{"score": 100.0, "label": "Objectif atteint"}]
    assert copy["participantCount"] == 1
    # and the source is left as it was, the copy audited with its source
    assert (await Challenge.get(id=source_id)).status == ChallengeStatus.CLOSED
    audited = await AuditEntry.filter(organization_id=network.organization_id, action="challenge.duplicated").all()
    assert [(e.detail["challenge_id"], e.detail["source_id"]) for e in audited] == [(int(copy["id"]), source_id)]


async def test_a_copy_may_start_on_a_chosen_day_and_a_duel_is_not_copied(live_server):
    # given a ten-day challenge of Lille, and a duel
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    _, token = await signed_in(lille, Role.MANAGER)
    metric = await Metric.create(organization_id=network.organization_id, name="Financements signés")
    starts = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    async with GraphQLClient(live_server.url, token=token) as manager:
        source_id = await challenge_of(manager, lille.id, metric.id, starts, starts + timedelta(days=10))
        duel_id = await challenge_of(manager, lille.id, metric.id, starts, starts + timedelta(days=10), name="Duel")
        await Challenge.filter(id=duel_id).update(format=ChallengeFormat.DUEL)
        # when he copies the first to start on 1 June, and then the duel
        chosen = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
        copied = (await manager.execute(DUPLICATE, {"id": str(source_id), "startsAt": chosen.isoformat()}))["duplicateChallenge"]
        duel = (await manager.execute(DUPLICATE, {"id": str(duel_id)}))["duplicateChallenge"]
    # then the copy keeps its ten days from then; the duel is refused and nothing is added
    assert datetime.fromisoformat(copied["challenge"]["startsAt"]) == chosen
    assert datetime.fromisoformat(copied["challenge"]["endsAt"]) == chosen + timedelta(days=10)
    assert (duel["__typename"], duel["code"]) == ("ConflictError", "challenge_duel_not_copied")
    assert await Challenge.filter(organization_id=network.organization_id).count() == 3


async def test_only_a_draft_is_deleted_with_its_participants(live_server):
    # given a draft and a live challenge of Lille, both with their participants
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    _, token = await signed_in(lille, Role.MANAGER)
    await signed_in(lille)
    metric = await Metric.create(organization_id=network.organization_id, name="Essais")
    now = datetime.now(UTC)
    async with GraphQLClient(live_server.url, token=token) as manager:
        draft_id = await challenge_of(manager, lille.id, metric.id, now, now + timedelta(days=7))
        live_id = await challenge_of(manager, lille.id, metric.id, now - timedelta(days=1), now + timedelta(days=7), draft=False)
        assert await Participant.filter(challenge_id=draft_id).exists()
        # when he deletes both
        deleted = (await manager.execute(DELETE, {"id": str(draft_id)}))["deleteChallenge"]
        refused = (await manager.execute(DELETE, {"id": str(live_id)}))["deleteChallenge"]
        again = (await manager.execute(DELETE, {"id": str(draft_id)}))["deleteChallenge"]
    # then the draft is gone with its participants, the live one stays, and a second delete finds nothing
    assert deleted == {"__typename": "DeleteChallengeSuccess", "deletedChallengeId": str(draft_id)}
    assert not await Challenge.filter(id=draft_id).exists()
    assert not await Participant.filter(challenge_id=draft_id).exists()
    assert (refused["__typename"], refused["code"]) == ("ConflictError", "challenge_not_draft")
    assert (await Challenge.get(id=live_id)).status == ChallengeStatus.LIVE
    assert (again["__typename"], again["code"]) == ("NotFoundError", "challenge_not_found")


@dataclass
class World:
    draft_id: int
    past_id: int


RULES = [
    Rule("deleteChallenge", "mutation($id: ID!) { deleteChallenge(challengeId: $id) { __typename } }",
         lambda w: {"id": str(w.draft_id)}),
    Rule("duplicateChallenge", "mutation($id: ID!) { duplicateChallenge(challengeId: $id) { __typename } }",
         lambda w: {"id": str(w.past_id)}),
]


async def test_members_sibling_and_child_managers_may_neither_delete_nor_duplicate(live_server):
    # given a draft and last month's challenge of Lille, by Lille's manager
    network = await make_network()
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    team = await create_unit(lille, UnitKind.TEAM, "Équipe VO")
    _, lille_token = await signed_in(lille, Role.MANAGER)
    metric = await Metric.create(organization_id=network.organization_id, name="Véhicules neufs vendus")
    today = datetime.now(PARIS)
    async with GraphQLClient(live_server.url, token=lille_token) as manager:
        draft_id = await challenge_of(manager, lille.id, metric.id, *month_bounds(today.year, today.month))
        past_id = await challenge_of(manager, lille.id, metric.id, *month_bounds(*last_month(today)), draft=False)
    tokens = {
        MEMBER: (await signed_in(lille))[1],
        SIBLING: (await signed_in(arras, Role.MANAGER))[1],
        CHILD: (await signed_in(team, Role.MANAGER))[1],
        ALLOWED: lille_token,
    }
    # when each tries each
    table = await run_table(live_server, World(draft_id, past_id), RULES, tokens)
    # then only Lille's manager could: the draft is gone, one copy was made
    assert table.mismatches() == []
    assert not await Challenge.filter(id=draft_id).exists()
    assert await Challenge.filter(organization_id=network.organization_id, status=ChallengeStatus.DRAFT).count() == 1

