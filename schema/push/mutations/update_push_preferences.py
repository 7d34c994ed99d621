"""updatePushPreferences: kinds on or off, quiet hours."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ValidationError
from schema.permissions import signed_in
from schema.push.types import PushKindPreferenceInput, PushPreferences, as_preferences
from server.push.preferences import shown_preferences, update_preferences


@strawberry.input(description="Only the fields given change.")
class UpdatePushPreferencesInput:
    kinds: list[PushKindPreferenceInput] | None = None
    quiet_hours_enabled: bool | None = None
    quiet_hours_start: str | None = strawberry.field(default=None, description="HH:MM")
    quiet_hours_end: str | None = strawberry.field(default=None, description="HH:MM")


@strawberry.type
class UpdatePushPreferencesSuccess:
    preferences: PushPreferences


UpdatePushPreferencesResult = Annotated[
    UpdatePushPreferencesSuccess | ValidationError,
    strawberry.union("UpdatePushPreferencesResult"),
]


async def update_push_preferences(
    info: Info, input: UpdatePushPreferencesInput
) -> UpdatePushPreferencesResult:
    viewer = signed_in(info)
    await update_preferences(
        viewer,
        kinds={str(k.kind.value): k.enabled for k in input.kinds} if input.kinds else None,
        quiet_hours_enabled=input.quiet_hours_enabled,
        quiet_start=input.quiet_hours_start,
        quiet_end=input.quiet_hours_end,
    )
    return UpdatePushPreferencesSuccess(preferences=as_preferences(await shown_preferences(viewer)))
