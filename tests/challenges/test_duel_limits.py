"""Duel invitations notify a colleague: a seller may send only so many per window, and only to
colleagues of her point of sale."""

from __future__ import annotations

from server.challenges.duels import DUEL_RATE_LIMIT
from server.challenges.models import Challenge, ChallengeFormat
from tests.challenges.given import arena
from tests.factories import make_user
from tests.graphql_client import GraphQLClient

DUEL = """mutation($opponent: ID!, $metric: ID!) { createDuel(opponentId: $opponent, metricId: $metric, days: 7) {
  __typename ... on UserError { code message } ... on RateLimitedError { retryAfterSeconds } } }"""


async def test_duel_invitations_are_rate_limited(live_server):
    # given two sellers of Lille
    found = await arena(sellers=2, target=None)
    julie, thomas = found.sellers
    variables = {"opponent": str(thomas.id), "metric": str(found.metric.id)}
    async with GraphQLClient(live_server.url, token=found.tokens[julie.id]) as seller:
        # when Julie challenges Thomas again and again
        sent = [(await seller.execute(DUEL, variables))["createDuel"]["__typename"] for _ in range(DUEL_RATE_LIMIT)]
        refused = (await seller.execute(DUEL, variables))["createDuel"]
    # then the invitations within the limit go out, the next one waits, and nothing more is stored
    assert sent == ["ChallengeSuccess"] * DUEL_RATE_LIMIT
    assert (refused["__typename"], refused["code"]) == ("RateLimitedError", "rate_limited")
    assert refused["retryAfterSeconds"] > 0
    assert await Challenge.filter(format=ChallengeFormat.DUEL, created_by_id=julie.id).count() == DUEL_RATE_LIMIT


async def test_a_duel_is_only_with_a_colleague_of_ones_point_of_sale(live_server):
    # given a seller of Lille and one of Bordeaux
    found = await arena(sellers=1, target=None)
    stranger = await make_user(found.network.points_of_sale["Bordeaux"])
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[0].id]) as seller:
        refused = (await seller.execute(DUEL, {"opponent": str(stranger.id), "metric": str(found.metric.id)}))["createDuel"]
    assert (refused["__typename"], refused["code"]) == ("ValidationError", "duel_opponent_invalid")
    assert not await Challenge.filter(format=ChallengeFormat.DUEL, created_by_id=found.sellers[0].id).exists()
