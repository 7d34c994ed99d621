"""recordResult and importResults: by a manager in scope or by an integration token."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from schema.challenges.types import ParticipantKind
from schema.context import Info
from schema.errors import (
    ConflictError,
    NotAllowedError,
    NotFoundError,
    ValidationError,
    to_user_error,
)
from schema.ids import parse_id
from schema.permissions import signed_in
from server.challenges import csv_import
from server.challenges.models import ParticipantKind as ParticipantKindEnum
from server.challenges.results import ResultInput
from server.challenges.results import record_result as record
from server.challenges.scope import Actor, manager_actor
from server.challenges.tokens import token_actor
from server.errors import DomainError
from server.i18n import translate


@strawberry.type(description="How one challenge moved because of a result.")
class ChallengeMove:
    challenge_id: strawberry.ID
    previous_rank: int | None
    rank: int
    overtaken_count: int = strawberry.field(description="How many participants were passed.")


@strawberry.type
class RecordResultSuccess:
    result_id: strawberry.ID
    duplicate: bool = strawberry.field(description="True when the idempotency key was already used: counted once.")
    moves: list[ChallengeMove]


RecordResultResult = Annotated[
    RecordResultSuccess | ValidationError | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("RecordResultResult"),
]


async def actor_for(info: Info) -> Actor:
    """A signed-in manager, or else the integration token sent as a bearer token."""
    if info.context.user is not None:
        return await manager_actor(info.context.user)
    found = await token_actor(info.context.bearer)
    if found is None:
        signed_in(info)  # raises the sign-in error
        raise AssertionError
    return found


async def record_result(
    info: Info, metric: strawberry.ID, participant: strawberry.ID, value: float, occurred_at: datetime,
    idempotency_key: str, participant_kind: ParticipantKind = ParticipantKindEnum.USER, reason: str | None = None,
) -> RecordResultResult:
    try:
        actor = await actor_for(info)
        recorded = await record(actor, ResultInput(
            parse_id(metric), ParticipantKindEnum(participant_kind), parse_id(participant), value, occurred_at,
            idempotency_key, reason,
        ))
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return RecordResultSuccess(
        result_id=strawberry.ID(str(recorded.result.id)), duplicate=recorded.duplicate,
        moves=[ChallengeMove(challenge_id=strawberry.ID(str(cid)), previous_rank=m.old_rank, rank=m.new_rank,
                             overtaken_count=m.overtaken_count) for cid, m in recorded.movements.items()],
    )


@strawberry.type(description="A bad line of an imported file.")
class ImportLineError:
    line: int
    code: str
    message: str


@strawberry.type(description="What an import did: nothing is applied while a line is bad, unless asked.")
class ImportReport:
    total: int
    applied: int
    errors: list[ImportLineError]


ImportResult = Annotated[
    ImportReport | ValidationError | NotAllowedError, strawberry.union("ImportResult"),
]


def as_report(info: Info, report: csv_import.ImportReport) -> ImportReport:
    language = info.context.language
    return ImportReport(total=report.total, applied=report.applied, errors=[
        ImportLineError(line=e.line, code=e.reason, message=translate(e.reason, language, **e.params))
        for e in report.errors
    ])


async def import_results(info: Info, csv: str, valid_rows_only: bool = False) -> ImportResult:
    try:
        report = await csv_import.import_results(await actor_for(info), csv, valid_rows_only)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return as_report(info, report)
