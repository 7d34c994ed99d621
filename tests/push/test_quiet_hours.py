"""Quiet hours read in the person's own time zone, across midnight and DST."""

from __future__ import annotations

from datetime import UTC, datetime

from server.push.preferences import Preferences, quiet_until


def prefs(start: int = 21 * 60, end: int = 8 * 60, zone: str = "Europe/Paris", on: bool = True) -> Preferences:
    return Preferences({}, on, start, end, zone)


def test_an_evening_push_waits_for_eight_in_the_morning_local_time():
    # 22:30 in Paris (winter, UTC+1) is 21:30 UTC; 08:00 Paris next day is 07:00 UTC
    assert quiet_until(prefs(), datetime(2026, 1, 14, 21, 30, tzinfo=UTC)) == datetime(2026, 1, 15, 7, 0, tzinfo=UTC)


def test_an_early_morning_push_waits_until_eight_the_same_day():
    assert quiet_until(prefs(), datetime(2026, 7, 1, 3, 0, tzinfo=UTC)) == datetime(2026, 7, 1, 6, 0, tzinfo=UTC)


def test_the_day_is_not_quiet():
    assert quiet_until(prefs(), datetime(2026, 7, 1, 12, 0, tzinfo=UTC)) is None
    assert quiet_until(prefs(), datetime(2026, 7, 1, 6, 0, tzinfo=UTC)) is None  # 08:00 sharp


def test_the_night_of_the_clock_change_still_ends_at_eight_local():
    # 28 → 29 March 2026: Paris moves from UTC+1 to UTC+2
    assert quiet_until(prefs(), datetime(2026, 3, 28, 22, 0, tzinfo=UTC)) == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)


def test_quiet_hours_follow_the_person_s_time_zone():
    # 21:30 UTC is 17:30 in Martinique: not quiet there
    assert quiet_until(prefs(zone="America/Martinique"), datetime(2026, 1, 14, 21, 30, tzinfo=UTC)) is None


def test_a_person_who_turned_them_off_is_never_held():
    assert quiet_until(prefs(on=False), datetime(2026, 1, 14, 23, 0, tzinfo=UTC)) is None


def test_a_daytime_window_does_not_wrap():
    lunch = prefs(start=12 * 60, end=14 * 60, zone="UTC")
    assert quiet_until(lunch, datetime(2026, 1, 14, 13, 0, tzinfo=UTC)) == datetime(2026, 1, 14, 14, 0, tzinfo=UTC)
    assert quiet_until(lunch, datetime(2026, 1, 14, 15, 0, tzinfo=UTC)) is None
