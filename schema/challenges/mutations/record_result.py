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
)
from schema.ids import parse_id
from schema.permissions import scope_of
from server.challenges import csv_import
from server.challenges.models import ParticipantKind as ParticipantKindEnum
from server.challenges.results import ResultInput
from server.challenges.results import record_result as record
from server.challenges.tokens import token_scope
from server.i18n import translate
from server.network.scope import Scope


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


async def recorder_scope(info: Info) -> Scope:
    """The signed-in person's scope, or else that of the integration token sent as a bearer
    token (the services check that it manages what it records)."""
    if info.context.user is None:
        found = await token_scope(info.context.bearer)
        if found is not None:
            return found
    return scope_of(info)  # raises the sign-in error when there is neither


async def record_result(
    info: Info, metric: strawberry.ID, participant: strawberry.ID, value: float, occurred_at: datetime,
    idempotency_key: str, participant_kind: ParticipantKind = ParticipantKindEnum.USER, reason: str | None = None,
) -> RecordResultResult:
    recorded = await record(await recorder_scope(info), ResultInput(
        parse_id(metric), ParticipantKindEnum(participant_kind), parse_id(participant), value, occurred_at,
        idempotency_key, reason,
    ))
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
    return as_report(info, await csv_import.import_results(await recorder_scope(info), csv, valid_rows_only))
