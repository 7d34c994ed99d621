"""sendTrainingReminders: a manager's one tap to remind who hasn't started."""

from __future__ import annotations

from typing import Annotated

import strawberry

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
from server.errors import DomainError
from server.training import services


@strawberry.type
class SendTrainingRemindersSuccess:
    reminded_user_ids: list[strawberry.ID] = strawberry.field(
        description="Who got a reminder; people already started or reminded today are skipped."
    )


SendTrainingRemindersResult = Annotated[
    SendTrainingRemindersSuccess | ValidationError | NotAllowedError | NotFoundError | ConflictError,
    strawberry.union("SendTrainingRemindersResult"),
]


async def send_training_reminders(
    info: Info, module_id: strawberry.ID, user_ids: list[strawberry.ID]
) -> SendTrainingRemindersResult:
    viewer = signed_in(info)
    try:
        sent = await services.send_reminders(viewer, parse_id(module_id), [parse_id(u) for u in user_ids])
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return SendTrainingRemindersSuccess(reminded_user_ids=[strawberry.ID(str(u)) for u in sent])
