"""createDuel and answerDuel."""

from __future__ import annotations

import strawberry

from schema.challenges.mutations.create_challenge import ChallengeResult, ChallengeSuccess
from schema.challenges.types import as_challenge
from schema.context import Info
from schema.ids import parse_id
from schema.permissions import scope_of
from server.challenges import duels


async def create_duel(info: Info, opponent_id: strawberry.ID, metric_id: strawberry.ID, days: int = 7) -> ChallengeResult:
    duel = await duels.create_duel(scope_of(info), parse_id(opponent_id), parse_id(metric_id), days)
    return ChallengeSuccess(challenge=as_challenge(duel))


async def answer_duel(info: Info, challenge_id: strawberry.ID, accept: bool) -> ChallengeResult:
    duel = await duels.answer_duel(scope_of(info), parse_id(challenge_id), accept)
    return ChallengeSuccess(challenge=as_challenge(duel))
