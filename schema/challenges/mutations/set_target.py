"""setTarget, spreadTarget and importTargets."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from schema.challenges.mutations.record_result import ImportResult, as_report, recorder_scope
from schema.challenges.types import ParticipantKind
from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from server.challenges import csv_import, targets
from server.challenges.models import ParticipantKind as ParticipantKindEnum
from server.challenges.models import Target as TargetModel


@strawberry.type(description="A person's target as just set.")
class PersonTarget:
    user_id: strawberry.ID
    display_name: str
    value: float


@strawberry.type
class SetTargetSuccess:
    count: int = strawberry.field(description="How many targets were set.")
    people: list[PersonTarget] = strawberry.field(
        default_factory=list, description="The people whose target was set, by name, with its value.",
    )


SetTargetResult = Annotated[
    SetTargetSuccess | ValidationError | NotAllowedError | NotFoundError, strawberry.union("SetTargetResult"),
]


async def _success(saved: list[TargetModel]) -> SetTargetSuccess:
    people = await targets.people_of(saved)
    return SetTargetSuccess(count=len(saved), people=[
        PersonTarget(user_id=strawberry.ID(str(p.user_id)), display_name=p.display_name, value=p.value) for p in people
    ])


async def set_target(
    info: Info, metric: strawberry.ID, participant: strawberry.ID, period_start: datetime, period_end: datetime,
    value: float, participant_kind: ParticipantKind = ParticipantKindEnum.USER,
) -> SetTargetResult:
    saved = await targets.set_targets(await recorder_scope(info), [targets.TargetInput(
        parse_id(metric), ParticipantKindEnum(participant_kind), parse_id(participant), period_start, period_end, value,
    )])
    return await _success(saved)


async def spread_target(
    info: Info, metric: strawberry.ID, unit: strawberry.ID, period_start: datetime, period_end: datetime, value: float,
) -> SetTargetResult:
    saved = await targets.spread_target(await recorder_scope(info), parse_id(metric), parse_id(unit),
                                        period_start, period_end, value)
    return await _success(saved)


async def import_targets(info: Info, csv: str, valid_rows_only: bool = False) -> ImportResult:
    return as_report(info, await csv_import.import_targets(await recorder_scope(info), csv, valid_rows_only))
