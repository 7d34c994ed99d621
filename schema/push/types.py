"""GraphQL types of push notifications: devices and preferences."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.notifications.types import NotificationKind
from server.push.models import PushSubscription
from server.push.policy import rule
from server.push.preferences import Preferences, format_clock


@strawberry.type(description="A browser on a device that receives the viewer's push notifications.")
class PushDevice:
    id: strawberry.ID
    user_agent: str = strawberry.field(description="The browser's description, as it registered.")
    created_at: datetime
    last_success_at: datetime | None = strawberry.field(
        description="When a push last reached it, if ever."
    )


def as_device(subscription: PushSubscription) -> PushDevice:
    return PushDevice(
        id=strawberry.ID(str(subscription.id)),
        user_agent=subscription.user_agent,
        created_at=subscription.created_at,
        last_success_at=subscription.last_success_at,
    )


@strawberry.type(description="Whether one kind of notification is pushed to the viewer's devices.")
class PushKindPreference:
    kind: NotificationKind
    enabled: bool
    enabled_by_default: bool = strawberry.field(description="The setting before any change.")


@strawberry.type(description="The viewer's push settings.")
class PushPreferences:
    kinds: list[PushKindPreference]
    quiet_hours_enabled: bool = strawberry.field(
        description="When on, pushes in quiet hours wait until they end."
    )
    quiet_hours_start: str = strawberry.field(description="Start of quiet hours, HH:MM local time.")
    quiet_hours_end: str = strawberry.field(description="End of quiet hours, HH:MM local time.")
    time_zone: str = strawberry.field(description="The IANA time zone quiet hours are read in.")
    choice_needed: bool = strawberry.field(
        default=False, description="True when the viewer has push devices but never chose which kinds they get "
        "(devices registered before consent was asked): nothing is pushed until they choose.")


def as_preferences(preferences: Preferences) -> PushPreferences:
    return PushPreferences(
        kinds=[
            PushKindPreference(
                kind=NotificationKind(kind),  # type: ignore[operator]
                enabled=enabled,
                enabled_by_default=rule(kind).pushed_by_default,
            )
            for kind, enabled in preferences.kinds.items()
        ],
        quiet_hours_enabled=preferences.quiet_hours_enabled,
        quiet_hours_start=format_clock(preferences.quiet_start_minute),
        quiet_hours_end=format_clock(preferences.quiet_end_minute),
        time_zone=preferences.time_zone,
        choice_needed=preferences.choice_needed,
    )


@strawberry.input(description="One kind switched on or off.")
class PushKindPreferenceInput:
    kind: NotificationKind
    enabled: bool
