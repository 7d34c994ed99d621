"""deleteChallenge (drafts only) and duplicateChallenge (a new draft in a new period)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from schema.challenges.mutations.create_challenge import ChallengeResult, ChallengeSuccess
from schema.challenges.types import as_challenge
from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError
from schema.ids import parse_id
from schema.permissions import scope_of
from server.challenges import copies


@strawberry.type
class DeleteChallengeSuccess:
    deleted_challenge_id: strawberry.ID


DeleteChallengeResult = Annotated[
    DeleteChallengeSuccess | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("DeleteChallengeResult"),
]


async def delete_challenge(info: Info, challenge_id: strawberry.ID) -> DeleteChallengeResult:
    deleted = await copies.delete_draft(scope_of(info), parse_id(challenge_id))
    return DeleteChallengeSuccess(deleted_challenge_id=strawberry.ID(str(deleted)))


async def duplicate_challenge(
    info: Info,
    challenge_id: strawberry.ID,
    starts_at: Annotated[
        datetime | None,
        strawberry.argument(description="Where the copy starts, keeping the source's length; by default "
                            "the source's dates moved to this month (the month after, for a challenge of "
                            "this month or later)."),
    ] = None,
) -> ChallengeResult:
    copy = await copies.duplicate_challenge(scope_of(info), parse_id(challenge_id), starts_at)
    return ChallengeSuccess(challenge=as_challenge(copy))
