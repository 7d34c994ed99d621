"""setTarget, spreadTarget and importTargets."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from schema.challenges.mutations.record_result import ImportResult, actor_for, as_report
from schema.challenges.types import ParticipantKind
from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError, to_user_error
from schema.ids import parse_id
from server.challenges import csv_import, targets
from server.challenges.models import ParticipantKind as ParticipantKindEnum
from server.errors import DomainError


@strawberry.type
class SetTargetSuccess:
    count: int = strawberry.field(description="How many targets were set.")


SetTargetResult = Annotated[
    SetTargetSuccess | ValidationError | NotAllowedError | NotFoundError, strawberry.union("SetTargetResult"),
]


async def set_target(
    info: Info, metric: strawberry.ID, participant: strawberry.ID, period_start: datetime, period_end: datetime,
    value: float, participant_kind: ParticipantKind = ParticipantKindEnum.USER,
) -> SetTargetResult:
    try:
        saved = await targets.set_targets(await actor_for(info), [targets.TargetInput(
            parse_id(metric), ParticipantKindEnum(participant_kind), parse_id(participant), period_start, period_end, value,
        )])
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return SetTargetSuccess(count=len(saved))


async def spread_target(
    info: Info, metric: strawberry.ID, unit: strawberry.ID, period_start: datetime, period_end: datetime, value: float,
) -> SetTargetResult:
    try:
        saved = await targets.spread_target(await actor_for(info), parse_id(metric), parse_id(unit),
                                            period_start, period_end, value)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return SetTargetSuccess(count=len(saved))


async def import_targets(info: Info, csv: str, valid_rows_only: bool = False) -> ImportResult:
    try:
        report = await csv_import.import_targets(await actor_for(info), csv, valid_rows_only)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return as_report(info, report)
