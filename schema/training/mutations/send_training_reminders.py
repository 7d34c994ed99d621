"""sendTrainingReminders: a manager's one tap to remind who hasn't started."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from server.training import participation


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
    sent = await participation.send_reminders(scope_of(info), parse_id(module_id), [parse_id(u) for u in user_ids])
    return SendTrainingRemindersSuccess(reminded_user_ids=[strawberry.ID(str(u)) for u in sent])
