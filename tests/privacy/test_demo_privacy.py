"""The demo shows a seller who left and was erased on last month's podium, as « Ancien
collaborateur » (« Former colleague » in English), his rank kept."""

from __future__ import annotations

from server.accounts.models import User
from server.accounts.services import open_session
from server.challenges.models import Challenge, ChallengeStatus, Participant
from server.network.models import Organization
from server.privacy.models import RetentionRun
from server.privacy.pseudonym import marker_of, pseudonym_of
from tests.factories import demo_network
from tests.graphql_client import GraphQLClient

BOARD = """
query Board($id: ID!, $league: String) {
  challenge(id: $id) { leaderboard(first: 3, league: $league) { edges { node { rank displayName } } } }
}
"""


async def test_the_demo_podium_shows_an_erased_seller(live_server):
    # given the French demo network
    await demo_network()
    organization = await Organization.get(slug="reseau-elan-demo")
    erased = await User.get(organization_id=organization.id, erased_at__not_isnull=True)
    closed = await Challenge.get(organization_id=organization.id, status=ChallengeStatus.CLOSED)
    standing = await Participant.get(challenge_id=closed.id, user_id=erased.id)
    admin = await User.get(email="admin@elan.example")
    # when head office opens last month's closed challenge, on a French phone and on an English one
    token = await open_session(admin)
    variables = {"id": str(closed.id), "league": standing.league}
    async with GraphQLClient(live_server.url, token=token, **{"Accept-Language": "fr-FR"}) as isabelle:
        board = (await isabelle.execute(BOARD, variables))["challenge"]["leaderboard"]["edges"]
    async with GraphQLClient(live_server.url, token=token, **{"Accept-Language": "en-GB"}) as in_english:
        english = (await in_english.execute(BOARD, variables))["challenge"]["leaderboard"]["edges"]
    # then the podium shows him as a former colleague, at the rank he had
    shown = pseudonym_of(erased.id, "fr")
    assert erased.display_name == marker_of(erased.id)  # stored without a language
    assert standing.final_rank is not None and standing.final_rank <= 3
    assert {"rank": standing.final_rank, "displayName": shown} in [e["node"] for e in board]
    # and, read in English, as « Former colleague » with the same code
    assert {"rank": standing.final_rank, "displayName": pseudonym_of(erased.id, "en")} in [e["node"] for e in english]
    assert pseudonym_of(erased.id, "en").startswith("Former colleague ")
    assert await RetentionRun.filter(organization_id=organization.id).exists()
