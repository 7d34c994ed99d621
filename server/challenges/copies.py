"""Deleting a draft and copying a challenge into a new period.

- **Delete a draft** (`delete_draft`): its managers drop a draft they no longer want, with its
  participants. A draft reached no one (nothing was announced, no final ranking, no feed post),
  so nothing else refers to it. A challenge once published is history and is never deleted:
  close it instead.
- **Duplicate** (`duplicate_challenge`): the same rules over the same unit, as a new draft of
  the viewer's, its dates moved to a new period: by default the calendar months between the
  source's start and today (« last month's into this month's »; a challenge of this month or
  later goes to the month after it), read in the viewer's time zone, so a whole month stays a
  whole month (30 November → 31 December); or to `starts_at`, keeping its length. Its
  participants are enrolled afresh. A duel, one person's invitation, is not copied.

Both ask the `Scope` for a manager of the challenge's unit, as every change of a challenge does:
one the viewer may not see (or a draft above it) reads as missing, one it sees but does not
manage is refused."""

from __future__ import annotations

from calendar import monthrange
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from server.challenges.enrolment import enrol
from server.challenges.errors import ChallengeNotDraft, ChallengeNotFound, DuelNotCopied, OutOfScope
from server.challenges.models import (
    AuditEntry,
    Challenge,
    ChallengeFormat,
    ChallengeStatus,
    Participant,
)
from server.challenges.ranking import board_name, get_rank_index
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope

PERIOD_MAX = timedelta(days=366)

COPIED = (
    "organization_id", "scope_unit_id", "name", "description", "format", "participant_kind", "scoring_mode",
    "league_rule", "rules", "prizes", "visibility", "top_n", "recurrence",
)


async def _managed(scope: Scope, challenge_id: int) -> Challenge:
    scope = scope.for_content("challenges")
    scope.require_manager()
    if scope.user is None:  # an integration token records results; it writes no challenge
        raise NotAllowed()
    challenge = await Challenge.get_or_none(id=challenge_id, organization_id=scope.organization_id)
    if challenge is None:
        raise ChallengeNotFound("challengeId")
    unit = await Unit.get(id=challenge.scope_unit_id)
    if not scope.manages(unit):
        if challenge.status == ChallengeStatus.DRAFT or not scope.sees(unit):
            raise ChallengeNotFound("challengeId")
        raise OutOfScope("challengeId")
    return challenge


async def _audit(scope: Scope, action: str, challenge: Challenge, **detail: object) -> None:
    await AuditEntry.create(
        organization_id=scope.organization_id, actor_id=scope.user_id, action=action,
        detail={"challenge_id": challenge.id, "name": challenge.name, "status": str(challenge.status), **detail},
    )


async def _leagues(challenge_id: int) -> list[str]:
    found = await Participant.filter(challenge_id=challenge_id).distinct().values_list("league", flat=True)
    return [str(league) for league in found]


async def delete_draft(scope: Scope, challenge_id: int) -> int:
    """Deletes a draft the viewer manages; anything else is refused (`ChallengeNotDraft`)."""
    challenge = await _managed(scope, challenge_id)
    leagues = await _leagues(challenge.id)
    async with atomic():
        locked = await Challenge.filter(id=challenge.id).select_for_update().first()
        if locked is None or locked.status != ChallengeStatus.DRAFT:
            raise ChallengeNotDraft("challengeId")
        await _audit(scope, "challenge.deleted", locked)
        await Participant.filter(challenge_id=locked.id).delete()
        await locked.delete()
    for league in leagues:
        await get_rank_index().forget(board_name(challenge_id, league))
    return challenge_id


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "Europe/Paris")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Europe/Paris")


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later, the day kept within the month (31 → 30, 28 or 29)."""
    total = moment.month - 1 + months
    year, month = moment.year + total // 12, total % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, monthrange(year, month)[1]))


def _month_end(moment: datetime) -> bool:
    """The last second of a month's last day, or midnight starting the next month."""
    if moment.hour == 0 and moment.minute == 0 and moment.second == 0 and moment.day == 1:
        return True
    return moment.day == monthrange(moment.year, moment.month)[1] and (moment.hour, moment.minute) == (23, 59)


def shifted_period(starts_at: datetime, ends_at: datetime, months: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The period `months` calendar months later in `zone`: a run of whole months stays one."""
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    new_start = add_months(start, months)
    if start.day == 1 and (start.hour, start.minute, start.second) == (0, 0, 0) and _month_end(end):
        # the end moves to the same moment of its own month's end
        if end.day == 1 and (end.hour, end.minute, end.second) == (0, 0, 0):
            new_end = add_months(end, months)
        else:
            moved = add_months(end.replace(day=1), months)
            new_end = moved.replace(day=monthrange(moved.year, moved.month)[1])
    else:
        new_end = add_months(end, months)
    return new_start.astimezone(UTC), new_end.astimezone(UTC)


def months_to_now(starts_at: datetime, now: datetime, zone: ZoneInfo) -> int:
    """From the source's month to this one; at least one (a challenge of this month goes to the next)."""
    start, today = starts_at.astimezone(zone), now.astimezone(zone)
    return max(1, (today.year - start.year) * 12 + today.month - start.month)


async def duplicate_challenge(
    scope: Scope, challenge_id: int, starts_at: datetime | None = None, now: datetime | None = None
) -> Challenge:
    """A new draft with the source's rules, over the same unit, in a new period."""
    scope = scope.for_content("challenges")
    now = now or datetime.now(UTC)
    source = await _managed(scope, challenge_id)
    if source.format == ChallengeFormat.DUEL:
        raise DuelNotCopied("challengeId")
    if starts_at is not None:
        if starts_at.tzinfo is None:
            starts_at = starts_at.replace(tzinfo=UTC)
        new_start, new_end = starts_at, starts_at + (source.ends_at - source.starts_at)
    else:
        zone = _zone(scope.user.time_zone if scope.user is not None else None)
        new_start, new_end = shifted_period(source.starts_at, source.ends_at, months_to_now(source.starts_at, now, zone), zone)
    if new_end <= new_start or new_end - new_start > PERIOD_MAX:
        raise ValidationFailed("challenge_period_invalid", "startsAt")
    async with atomic():
        copy = await Challenge.create(
            **{name: getattr(source, name) for name in COPIED},
            created_by_id=scope.user_id, status=ChallengeStatus.DRAFT, starts_at=new_start, ends_at=new_end,
        )
        copy.series_id = copy.id
        await copy.save(update_fields=["series_id"])
        await enrol(copy)
        await _audit(scope, "challenge.duplicated", copy, source_id=source.id)
    return copy
