"""Who used the app which week: one `ActiveWeek` row per person and ISO week (UTC, from Monday).

Written by the session lookup (server.accounts.sessions) only when a session is used in a week
other than the one it was last seen in, and when one is opened: at most a few writes per person
and week, never one per request. Two requests crossing the week together write it once
(`ON CONFLICT DO NOTHING` on the person and week)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tortoise import connections

from server.settings import get_settings


def week_of(moment: datetime | date) -> date:
    """The Monday (UTC) of the ISO week holding a moment or a day."""
    day = moment.astimezone(UTC).date() if isinstance(moment, datetime) else moment
    return day - timedelta(days=day.weekday())


async def record_active_week(user_id: int, now: datetime) -> None:
    """The person used the app during `now`'s week (once: a second call changes nothing)."""
    week = week_of(now)
    sqlite = get_settings().is_sqlite
    placeholders = "?, ?" if sqlite else "$1, $2"
    await connections.get("default").execute_query(
        f"INSERT INTO active_week (user_id, week_start) VALUES ({placeholders}) ON CONFLICT (user_id, week_start) DO NOTHING",
        [user_id, week.isoformat() if sqlite else week],
    )
