"""Head office's default « boards anonymous outside one's own team »: a seller reads the names
of her own point of sale's people on a leaderboard and no others; managers read every name."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.accounts.services import open_session
from server.challenges.models import Challenge, ChallengeStatus, Participant
from server.privacy.models import PrivacyPolicy
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient

BOARD = """
query Board($id: ID!) {
  challenge(id: $id) {
    leaderboard(first: 10) { edges { node { rank displayName unitName } } }
    aroundMe { rank displayName }
  }
}
"""


async def _board(network, anonymous: bool):
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    julie = await make_user(lille, name="Julie Moreau")
    karim = await make_user(lille, name="Karim Benali")
    lea = await make_user(arras, name="Léa Martin")
    now = datetime.now(UTC)
    challenge = await Challenge.create(organization_id=network.organization_id, scope_unit=network.regions["Nord"], name="Printemps",
                                       starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=9), status=ChallengeStatus.LIVE)
    for person, unit, score in ((lea, arras, 90), (karim, lille, 80), (julie, lille, 70)):
        await Participant.create(challenge=challenge, user=person, display_name=person.display_name, unit_name=unit.name, score=score)
    await PrivacyPolicy.create(organization_id=network.organization_id, boards_anonymous_outside_team=anonymous)
    return challenge, julie


async def test_a_seller_reads_only_her_teams_names_when_head_office_chose_so(live_server):
    # given head office made boards anonymous outside one's own team, and a board of Nord
    network = await make_network()
    challenge, julie = await _board(network, anonymous=True)
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    # when the seller of Lille and the manager of Nord read it
    async with GraphQLClient(live_server.url, token=await open_session(julie)) as phone:
        seen = (await phone.execute(BOARD, {"id": str(challenge.id)}))["challenge"]
    async with GraphQLClient(live_server.url, token=manager_token) as marc:
        managed = (await marc.execute(BOARD, {"id": str(challenge.id)}))["challenge"]
    # then she sees her colleague and herself by name, the seller of Arras by rank and unit only
    assert [(e["node"]["rank"], e["node"]["displayName"], e["node"]["unitName"]) for e in seen["leaderboard"]["edges"]] == [
        (1, None, "Arras Gare"), (2, "Karim Benali", "Lille Centre"), (3, "Julie Moreau", "Lille Centre")]
    assert [r["displayName"] for r in seen["aroundMe"]] == [None, "Karim Benali", "Julie Moreau"]
    # and the manager reads every name
    assert [e["node"]["displayName"] for e in managed["leaderboard"]["edges"]] == ["Léa Martin", "Karim Benali", "Julie Moreau"]


async def test_by_default_every_name_shows(live_server):
    network = await make_network()
    challenge, julie = await _board(network, anonymous=False)
    async with GraphQLClient(live_server.url, token=await open_session(julie)) as phone:
        seen = (await phone.execute(BOARD, {"id": str(challenge.id)}))["challenge"]
    assert [e["node"]["displayName"] for e in seen["leaderboard"]["edges"]] == ["Léa Martin", "Karim Benali", "Julie Moreau"]
