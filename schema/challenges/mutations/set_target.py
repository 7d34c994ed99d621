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
from server.accounts.models import User as UserModel
from server.challenges import csv_import, targets
from server.challenges.models import ParticipantKind as ParticipantKindEnum
from server.challenges.models import Target as TargetModel
from server.errors import DomainError


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


async def _people_of(saved: list[TargetModel]) -> list[PersonTarget]:
    by_user = {t.user_id: t.value for t in saved if t.user_id is not None}
    users = await UserModel.filter(id__in=list(by_user)).order_by("display_name", "id")
    return [PersonTarget(user_id=strawberry.ID(str(u.id)), display_name=u.display_name, value=by_user[u.id]) for u in users]


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
    return SetTargetSuccess(count=len(saved), people=await _people_of(saved))


async def spread_target(
    info: Info, metric: strawberry.ID, unit: strawberry.ID, period_start: datetime, period_end: datetime, value: float,
) -> SetTargetResult:
    try:
        saved = await targets.spread_target(await actor_for(info), parse_id(metric), parse_id(unit),
                                            period_start, period_end, value)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return SetTargetSuccess(count=len(saved), people=await _people_of(saved))


async def import_targets(info: Info, csv: str, valid_rows_only: bool = False) -> ImportResult:
    try:
        report = await csv_import.import_targets(await actor_for(info), csv, valid_rows_only)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return as_report(info, report)
