"""Under head office's « anonymous outside one's own team » the feed's automatic posts about a
challenge name people as the boards do: someone entering the top 3 is told to their own team
only, and the closing podium, read across teams, names each person by their point of sale."""

from __future__ import annotations

from datetime import timedelta

from server.challenges.lifecycle import close_challenge
from server.challenges.models import ParticipantKind
from server.challenges.targets import TargetInput, set_targets
from server.network.scope import scope_of_user
from server.privacy.models import PrivacyPolicy
from tests.challenges.given import arena, live_challenge, now, sell
from tests.factories import signed_in
from tests.feed.documents import FEED
from tests.graphql_client import GraphQLClient

CHALLENGE = "Sprint du Nord"


async def _read_feed(url: str, token: str) -> list[str]:
    async with GraphQLClient(url, token=token) as client:
        edges = (await client.execute(FEED, {"first": 50}))["feed"]["edges"]
    return [e["node"]["body"] for e in edges if CHALLENGE in e["node"]["body"]]


async def _nord(anonymous: bool):
    """Julie, Karim, Hugo and Nina sell in Lille; Léa in Arras, with Inès beside her."""
    found = await arena(sellers=4, names=["Julie Moreau", "Karim Benali", "Hugo Blanc", "Nina Roux"])
    arras = found.network.points_of_sale["Arras"]
    lea, lea_token = await signed_in(arras, name="Léa Martin")
    _, ines_token = await signed_in(arras, name="Inès Petit")
    start = now() - timedelta(days=2)
    await set_targets(await scope_of_user(found.manager),
                      [TargetInput(found.metric.id, ParticipantKind.USER, lea.id, start, start + timedelta(days=30), 10)])
    challenge = await live_challenge(found, name=CHALLENGE)
    julie, karim, hugo, _ = found.sellers
    for seller, sold in ((julie, 3), (karim, 2), (hugo, 1)):
        await sell(found, seller, sold)
    await PrivacyPolicy.create(organization_id=found.network.organization_id, boards_anonymous_outside_team=anonymous)
    return found, challenge, lea, lea_token, ines_token


async def test_the_feed_names_people_across_teams_as_the_boards_do(live_server):
    # given the board of Nord under « anonymous outside one's own team »
    found, challenge, lea, lea_token, ines_token = await _nord(anonymous=True)
    julie = found.sellers[0]
    # when Léa of Arras enters the top 3, then the challenge closes
    await sell(found, lea, 6)
    await close_challenge(challenge.id)
    # then Inès, of her team, reads it; Julie, of Lille, does not
    entered = f"Léa Martin entre dans le top 3 du challenge « {CHALLENGE} » (1er) !"
    assert entered in await _read_feed(live_server.url, ines_token)
    julie_reads = await _read_feed(live_server.url, found.tokens[julie.id])
    assert entered not in julie_reads
    # and the podium everyone reads names points of sale, not people
    podium = next(body for body in julie_reads if "Podium" in body)
    assert "Podium : 1er Arras Gare, 2e Lille Centre, 3e Lille Centre." in podium
    assert not [name for name in ("Léa", "Julie", "Karim") if name in podium]
    # and her manager reads the same podium (one post for everyone)
    assert podium in await _read_feed(live_server.url, found.manager_token)


async def test_by_default_the_feed_names_the_top_three_to_the_whole_challenge(live_server):
    found, challenge, lea, lea_token, ines_token = await _nord(anonymous=False)
    julie = found.sellers[0]
    await sell(found, lea, 6)
    await close_challenge(challenge.id)
    julie_reads = await _read_feed(live_server.url, found.tokens[julie.id])
    assert f"Léa Martin entre dans le top 3 du challenge « {CHALLENGE} » (1er) !" in julie_reads
    assert "Podium : 1er Léa Martin, 2e Julie Moreau, 3e Karim Benali." in next(b for b in julie_reads if "Podium" in b)
