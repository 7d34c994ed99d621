"""Each person's push choices: kinds switched on or off, and quiet hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from server.accounts.models import User
from server.db import atomic
from server.errors import ValidationFailed
from server.notifications.models import NotificationKind
from server.push.models import PushSettings
from server.push.policy import KIND_RULES, rule

DEFAULT_QUIET_START = 21 * 60
DEFAULT_QUIET_END = 8 * 60


@dataclass(slots=True)
class Preferences:
    kinds: dict[str, bool]  # every pushable kind -> on/off, defaults filled in
    quiet_hours_enabled: bool
    quiet_start_minute: int
    quiet_end_minute: int
    time_zone: str
    # devices registered but no kind ever chosen (before consent was asked): nothing is pushed
    choice_needed: bool = False

    def pushes(self, kind: str) -> bool:
        return self.kinds.get(kind, rule(kind).pushed_by_default)


def _merge(settings: PushSettings | None, time_zone: str) -> Preferences:
    kinds = {str(k): r.pushed_by_default for k, r in KIND_RULES.items()}
    if settings is None:
        return Preferences(kinds, True, DEFAULT_QUIET_START, DEFAULT_QUIET_END, time_zone)
    kinds.update({k: bool(v) for k, v in (settings.kinds or {}).items() if k in kinds})
    return Preferences(
        kinds,
        settings.quiet_hours_enabled,
        settings.quiet_start_minute,
        settings.quiet_end_minute,
        time_zone,
    )


async def preferences_of(user: User) -> Preferences:
    settings = await PushSettings.get_or_none(user_id=user.id)
    return _merge(settings, user.time_zone)


async def shown_preferences(user: User) -> Preferences:
    """The settings as the person's devices get them: a kind is on when it was chosen (the
    consent recorded, server.privacy.consent); before any choice, the defaults that turning
    pushes on will record, except for devices registered before consent was asked, which get
    nothing until the person chooses (`choice_needed`)."""
    from server.privacy.consent import push_choices
    from server.push.models import PushSubscription

    preferences = await preferences_of(user)
    chosen = await push_choices(user.id)
    if chosen:
        preferences.kinds = {k: on and chosen.get(k, False) for k, on in preferences.kinds.items()}
    elif await PushSubscription.exists(user_id=user.id):
        preferences.kinds = dict.fromkeys(preferences.kinds, False)
        preferences.choice_needed = True
    return preferences


def parse_clock(value: str, field: str) -> int:
    """"21:00" -> minutes after midnight."""
    try:
        parsed = time.fromisoformat(value)
    except ValueError as error:
        raise ValidationFailed("push_time_invalid", field) from error
    return parsed.hour * 60 + parsed.minute


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


async def update_preferences(
    user: User,
    *,
    kinds: dict[str, bool] | None = None,
    quiet_hours_enabled: bool | None = None,
    quiet_start: str | None = None,
    quiet_end: str | None = None,
) -> Preferences:
    for kind in kinds or {}:
        if kind not in NotificationKind.__members__:
            raise ValidationFailed("push_kind_unknown", "kinds", kind=kind)
    start = parse_clock(quiet_start, "quietHoursStart") if quiet_start is not None else None
    end = parse_clock(quiet_end, "quietHoursEnd") if quiet_end is not None else None
    if start is not None and end is not None and start == end:
        raise ValidationFailed("push_quiet_hours_empty", "quietHoursEnd")
    async with atomic():
        settings, _ = await PushSettings.get_or_create(user_id=user.id)
        settings = await PushSettings.select_for_update().get(user_id=user.id)
        if kinds:
            settings.kinds = {**(settings.kinds or {}), **kinds}
            from server.privacy.consent import record_choices
            from server.privacy.models import ConsentChannel

            await record_choices(user.id, ConsentChannel.PUSH, kinds)
        if quiet_hours_enabled is not None:
            settings.quiet_hours_enabled = quiet_hours_enabled
        if start is not None:
            settings.quiet_start_minute = start
        if end is not None:
            settings.quiet_end_minute = end
        if settings.quiet_start_minute == settings.quiet_end_minute:
            raise ValidationFailed("push_quiet_hours_empty", "quietHoursEnd")
        await settings.save()
    return _merge(settings, user.time_zone)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Europe/Paris")


def quiet_until(preferences: Preferences, now: datetime) -> datetime | None:
    """When quiet hours are on and `now` falls in them, the (aware) moment they end."""
    if not preferences.quiet_hours_enabled:
        return None
    local = now.astimezone(_zone(preferences.time_zone))
    minute = local.hour * 60 + local.minute
    start, end = preferences.quiet_start_minute, preferences.quiet_end_minute
    inside = start <= minute < end if start < end else (minute >= start or minute < end)
    if not inside:
        return None
    day = local.date() if minute < end else local.date() + timedelta(days=1)
    wake = datetime(day.year, day.month, day.day, end // 60, end % 60, tzinfo=local.tzinfo)
    return wake.astimezone(now.tzinfo)
