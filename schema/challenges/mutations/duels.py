"""createDuel and answerDuel."""

from __future__ import annotations

import strawberry

from schema.challenges.mutations.create_challenge import ChallengeResult, ChallengeSuccess
from schema.challenges.types import as_challenge
from schema.context import Info
from schema.errors import to_user_error
from schema.ids import parse_id
from schema.permissions import signed_in
from server.challenges import duels
from server.errors import DomainError


async def create_duel(info: Info, opponent_id: strawberry.ID, metric_id: strawberry.ID, days: int = 7) -> ChallengeResult:
    try:
        duel = await duels.create_duel(signed_in(info), parse_id(opponent_id), parse_id(metric_id), days)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return ChallengeSuccess(challenge=as_challenge(duel))


async def answer_duel(info: Info, challenge_id: strawberry.ID, accept: bool) -> ChallengeResult:
    try:
        duel = await duels.answer_duel(signed_in(info), parse_id(challenge_id), accept)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return ChallengeSuccess(challenge=as_challenge(duel))
