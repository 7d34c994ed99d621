"""A challenge's life: draft → scheduled → live → closed, frozen rules, final ranking, recurrence.

Managers and admins run the challenges of the units they manage (their Scope): they create
one over a unit they manage, and edit, publish or close only those whose scope unit they
manage. The close announces the winners in the feed of the challenge's scope unit, as
`server.challenges.announcements` says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from server.challenges import events as board_events
from server.challenges.announcements import announce_winners
from server.challenges.enrolment import enrol
from server.challenges.errors import (
    ChallengeNotDraft,
    ChallengeNotFound,
    ChallengeNotLive,
    OutOfScope,
    RulesFrozen,
)
from server.challenges.models import (
    AuditEntry,
    Challenge,
    ChallengeFormat,
    ChallengeStatus,
    Participant,
    Recurrence,
)
from server.challenges.ranking import board_name, get_rank_index, shared_ranks
from server.challenges.rules import (
    PRIZES_MAX,
    ChallengeDraft,
    build_rules,
    check_description,
    check_privacy,
    clean_name,
)
from server.db import atomic
from server.errors import DomainError, ValidationFailed
from server.network.models import Unit, UnitKind
from server.network.scope import Scope

# ChallengeDraft lives with the rules it carries; callers that create challenges find it here too
__all__ = ["ChallengeDraft", "close_challenge", "create_challenge", "publish_challenge", "update_rules"]


def status_at(starts_at: datetime, ends_at: datetime, now: datetime) -> ChallengeStatus:
    if now < starts_at:
        return ChallengeStatus.SCHEDULED
    return ChallengeStatus.LIVE if now < ends_at else ChallengeStatus.CLOSED


async def _scope_unit(scope: Scope, unit_id: int) -> Unit:
    unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id)
    if unit is None:
        raise ValidationFailed("unit_not_found", "scopeUnitId")
    scope.require_manages(unit, OutOfScope("scopeUnitId"))
    return unit


async def create_challenge(scope: Scope, draft: ChallengeDraft, now: datetime | None = None) -> Challenge:
    """A manager's or admin's new challenge over a unit it manages; everyone in it takes part."""
    scope = scope.for_content("challenges")
    now = now or datetime.now(UTC)
    scope.require_manager()
    unit = await _scope_unit(scope, draft.scope_unit_id or scope.unit_id)
    rules = await build_rules(scope.organization_id, draft)
    status = ChallengeStatus.DRAFT if draft.draft else status_at(draft.starts_at, draft.ends_at, now)
    async with atomic() as events:
        challenge = await Challenge.create(
            organization_id=scope.organization_id, scope_unit_id=unit.id, created_by_id=scope.user_id,
            name=clean_name(draft.name), description=draft.description.strip(),
            status=status if status != ChallengeStatus.CLOSED else ChallengeStatus.LIVE,
            format=draft.format, participant_kind=draft.participant_kind, scoring_mode=draft.scoring_mode,
            league_rule=draft.league_rule, rules=rules, prizes=draft.prizes.strip(),
            visibility=draft.visibility, top_n=check_privacy(draft), recurrence=draft.recurrence,
            starts_at=draft.starts_at, ends_at=draft.ends_at,
        )
        challenge.series_id = challenge.id
        await challenge.save(update_fields=["series_id"])
        await enrol(challenge)
        await _audit(scope, "challenge.created", challenge)
        # the performance plan records what it targets and the value before (server.plans.handlers)
        events.emit("challenges.created", {
            "organization_id": scope.organization_id, "challenge_id": challenge.id, "unit_id": unit.id,
            "title": challenge.name, "starts_at": challenge.starts_at.isoformat(), "ends_at": challenge.ends_at.isoformat(),
            "criteria": [str(kind) for kind, _, _ in draft.criteria], "draft": challenge.status == ChallengeStatus.DRAFT,
        })
    return challenge


async def update_description(scope: Scope, challenge_id: int, description: str) -> Challenge:
    """The one thing that may still change once a challenge is live."""
    challenge = await _managed(scope, challenge_id)
    check_description(description)
    async with atomic():
        challenge.description = description.strip()
        await challenge.save(update_fields=["description"])
        await _audit(scope, "challenge.description_updated", challenge)
    return challenge


async def update_rules(scope: Scope, challenge_id: int, draft: ChallengeDraft) -> Challenge:
    """Everything a draft (or a scheduled challenge) holds may change until it goes live.

    The participants are enrolled again, so a new scope, kind of participant or league rule
    takes effect and the scores count the results already in the period."""
    challenge = await _managed(scope, challenge_id)
    if challenge.status in (ChallengeStatus.LIVE, ChallengeStatus.CLOSED) or challenge.format == ChallengeFormat.DUEL:
        raise RulesFrozen()
    unit = await _scope_unit(scope, draft.scope_unit_id or challenge.scope_unit_id)
    rules = await build_rules(scope.organization_id, draft)
    changes: dict[str, Any] = {
        "name": clean_name(draft.name), "description": draft.description.strip(), "scope_unit_id": unit.id,
        "format": draft.format, "participant_kind": draft.participant_kind, "scoring_mode": draft.scoring_mode,
        "league_rule": draft.league_rule, "rules": rules, "prizes": draft.prizes.strip()[:PRIZES_MAX],
        "visibility": draft.visibility, "top_n": check_privacy(draft), "recurrence": draft.recurrence,
        "starts_at": draft.starts_at, "ends_at": draft.ends_at,
    }
    for name, value in changes.items():
        setattr(challenge, name, value)
    await _enrol_again(challenge, "challenge.rules_updated", scope, RulesFrozen())
    return challenge


async def _enrol_again(challenge: Challenge, action: str, scope: Scope, refused: DomainError) -> None:
    """Saves the challenge and enrols its participants afresh, in one transaction, unless its
    status changed meanwhile; the rank structures of its leagues are dropped once it commits."""
    before = await _leagues(challenge.id)
    async with atomic() as events:
        locked = await Challenge.filter(id=challenge.id).select_for_update().first()
        if locked is None or locked.status not in (ChallengeStatus.DRAFT, ChallengeStatus.SCHEDULED):
            raise refused
        challenge.version = locked.version + 1
        await challenge.save()
        await Participant.filter(challenge_id=challenge.id).delete()
        await enrol(challenge)
        await _audit(scope, action, challenge)
        # a page open on the challenge (its manager's) takes a new snapshot
        events.publish(board_events.leaderboard_channel(challenge.id),
                       board_events.board_reset(challenge.id, challenge.version))
    for league in set(before) | set(await _leagues(challenge.id)):
        await get_rank_index().forget(board_name(challenge.id, league))


async def _audit(scope: Scope, action: str, challenge: Challenge) -> None:
    await AuditEntry.create(organization_id=scope.organization_id, actor_id=scope.user_id, action=action,
                            detail={"challenge_id": challenge.id, "name": challenge.name, "status": str(challenge.status)})


async def _managed(scope: Scope, challenge_id: int) -> Challenge:
    """A challenge the viewer runs. One it may not see reads as missing; one it sees but
    does not manage (its region's, for a point of sale's manager) is refused."""
    scope = scope.for_content("challenges")
    scope.require_manager()
    challenge = await Challenge.get_or_none(id=challenge_id, organization_id=scope.organization_id)
    if challenge is None:
        raise ChallengeNotFound("challengeId")
    unit = await Unit.get(id=challenge.scope_unit_id)
    if not scope.manages(unit):
        if challenge.status == ChallengeStatus.DRAFT or not scope.sees(unit):
            raise ChallengeNotFound("challengeId")
        raise OutOfScope("challengeId")
    return challenge


def may_manage(scope: Scope, challenge: Challenge, unit_path: str) -> bool:
    """Whether the viewer may edit, publish or close `challenge`, whose scope unit is at
    `unit_path` (a manager of that unit, an admin; never a duel)."""
    return challenge.format != ChallengeFormat.DUEL and scope.manages_path(unit_path)


async def _leagues(challenge_id: int) -> list[str]:
    found: list[Any] = await Participant.filter(challenge_id=challenge_id).distinct().values_list("league", flat=True)
    return [str(league) for league in found]


async def advance_challenges(now: datetime | None = None) -> None:
    """Scheduled challenges whose start has come go live; live ones past their end close."""
    now = now or datetime.now(UTC)
    await Challenge.filter(status=ChallengeStatus.SCHEDULED, starts_at__lte=now).update(status=ChallengeStatus.LIVE)
    due: list[Any] = await Challenge.filter(status=ChallengeStatus.LIVE, ends_at__lte=now).values_list("id", flat=True)
    for challenge_id in due:
        await close_challenge(int(challenge_id), now)


async def close_challenge(challenge_id: int, now: datetime | None = None) -> Challenge:
    """Freezes the final ranking, announces the winners in the feed, and starts the next period."""
    now = now or datetime.now(UTC)
    async with atomic() as events:
        found = await Challenge.filter(id=challenge_id).select_for_update()
        if not found or found[0].status == ChallengeStatus.CLOSED:
            return found[0] if found else await Challenge.get(id=challenge_id)
        challenge = found[0]
        podium: list[tuple[str, Participant, int]] = []
        for league in await _leagues(challenge.id):
            ranked = await Participant.filter(challenge_id=challenge.id, league=league).order_by("-score", "-tie", "-id")
            # equal scores share the final rank too (1, 2, 2, 4): the podium is everyone ranked 1 to 3
            for participant, rank in zip(ranked, shared_ranks([p.score for p in ranked], None, 0), strict=True):
                participant.final_rank = rank
            await Participant.bulk_update(ranked, fields=["final_rank"], batch_size=2000)
            podium += [(league, p, int(p.final_rank or 0)) for p in ranked if (p.final_rank or 0) <= 3 and p.score > 0]
        challenge.status, challenge.closed_at, challenge.version = ChallengeStatus.CLOSED, now, challenge.version + 1
        await challenge.save(update_fields=["status", "closed_at", "version"])
        for _, participant, rank in podium:
            if participant.user_id is not None:
                events.emit("challenges.podium", {
                    "organization_id": challenge.organization_id, "challenge_id": challenge.id,
                    "user_id": participant.user_id, "rank": rank,
                })
        await announce_winners(challenge, podium)
        events.publish(board_events.leaderboard_channel(challenge.id),
                       board_events.board_reset(challenge.id, challenge.version))
        if challenge.recurrence != Recurrence.NONE and challenge.format != ChallengeFormat.DUEL:
            await _next_period(challenge)
    return challenge


def _shift(moment: datetime, recurrence: Recurrence) -> datetime:
    if recurrence == Recurrence.WEEKLY:
        return moment + timedelta(days=7)
    month = moment.month % 12 + 1
    year = moment.year + (1 if month == 1 else 0)
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


async def _next_period(challenge: Challenge) -> Challenge:
    """The same challenge for the next period: a fresh start with its own final ranking."""
    starts, ends = _shift(challenge.starts_at, challenge.recurrence), _shift(challenge.ends_at, challenge.recurrence)
    following = await Challenge.create(
        **{f: getattr(challenge, f) for f in (
            "organization_id", "scope_unit_id", "created_by_id", "name", "description", "format",
            "participant_kind", "scoring_mode", "league_rule", "rules", "prizes", "visibility", "top_n",
            "recurrence", "series_id")},
        status=ChallengeStatus.SCHEDULED, starts_at=starts, ends_at=ends,
    )
    await enrol(following)
    return following


async def close_managed(scope: Scope, challenge_id: int, now: datetime | None = None) -> Challenge:
    """A manager ends a live challenge of its scope now (it would otherwise close at its end)."""
    challenge = await _managed(scope, challenge_id)
    if challenge.status != ChallengeStatus.LIVE or challenge.format == ChallengeFormat.DUEL:
        raise ChallengeNotLive()
    async with atomic():  # the close and its audit entry commit together
        closed = await close_challenge(challenge_id, now)
        await _audit(scope, "challenge.closed", closed)
    return closed


async def publish_challenge(scope: Scope, challenge_id: int, now: datetime | None = None) -> Challenge:
    """A draft goes out: scheduled, or live at once when its start has come.

    Results recorded while it was a draft count: the participants are enrolled afresh."""
    now = now or datetime.now(UTC)
    challenge = await _managed(scope, challenge_id)
    if challenge.status != ChallengeStatus.DRAFT or challenge.format == ChallengeFormat.DUEL:
        raise ChallengeNotDraft()
    if challenge.ends_at <= now:
        raise ValidationFailed("challenge_period_past", "endsAt")
    challenge.status = status_at(challenge.starts_at, challenge.ends_at, now)
    await _enrol_again(challenge, "challenge.published", scope, ChallengeNotDraft())
    return challenge


SCOPES_MAX = 300


async def challenge_scopes(scope: Scope) -> list[Unit]:
    """Units the viewer may run a challenge over: those it manages, top first (teams left
    out); none for members."""
    scope = scope.for_content("challenges")
    if not scope.is_manager:
        return []
    return await Unit.filter(scope.subtree_filter(""), closed_at=None).exclude(kind=UnitKind.TEAM).order_by("path").limit(SCOPES_MAX)
