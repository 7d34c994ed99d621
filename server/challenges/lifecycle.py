"""A challenge's life: draft → scheduled → live → closed, frozen rules, final ranking, recurrence."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from server.accounts.models import User
from server.challenges import events as board_events
from server.challenges.criteria import CriterionKind
from server.challenges.enrolment import enrol
from server.challenges.errors import ChallengeNotFound, MetricNotFound, RulesFrozen
from server.challenges.models import (
    AuditEntry,
    Challenge,
    ChallengeFormat,
    ChallengeStatus,
    LeagueRule,
    Metric,
    Participant,
    ParticipantKind,
    Recurrence,
    ScoringMode,
    Visibility,
)
from server.challenges.ranking import board_name, get_rank_index
from server.challenges.scope import check_in_scope, manager_actor
from server.db import atomic
from server.errors import ValidationFailed
from server.feed.services import create_system_post
from server.network.models import Unit

NAME_MAX = 120
DESCRIPTION_MAX = 2000


@dataclass
class ChallengeDraft:
    name: str
    starts_at: datetime
    ends_at: datetime
    metrics: list[tuple[int, float]]  # (metric id, weight)
    scope_unit_id: int | None = None
    description: str = ""
    format: ChallengeFormat = ChallengeFormat.RANKING
    participant_kind: ParticipantKind = ParticipantKind.USER
    scoring_mode: ScoringMode = ScoringMode.PERCENT_OF_TARGET
    league_rule: LeagueRule = LeagueRule.NONE
    criteria: list[tuple[CriterionKind, float, dict[str, Any]]] = field(default_factory=list)
    thresholds: list[tuple[float, str, int | None]] = field(default_factory=list)  # (score, label, badge id)
    race_target: float | None = None
    prizes: str = ""
    visibility: Visibility = Visibility.EVERYONE
    top_n: int = 10
    recurrence: Recurrence = Recurrence.NONE
    draft: bool = False


def status_at(starts_at: datetime, ends_at: datetime, now: datetime) -> ChallengeStatus:
    if now < starts_at:
        return ChallengeStatus.SCHEDULED
    return ChallengeStatus.LIVE if now < ends_at else ChallengeStatus.CLOSED


async def _rules(organization_id: int, draft: ChallengeDraft) -> dict[str, Any]:
    name = " ".join(draft.name.split())
    if not 2 <= len(name) <= NAME_MAX:
        raise ValidationFailed("challenge_name_required", "name", max=NAME_MAX)
    if draft.ends_at <= draft.starts_at:
        raise ValidationFailed("challenge_period_invalid", "endsAt")
    if not draft.metrics or any(not (w > 0 and math.isfinite(w)) for _, w in draft.metrics):
        raise ValidationFailed("challenge_metrics_required", "metrics")
    if any(not (w > 0 and math.isfinite(w)) for _, w, _ in draft.criteria):
        raise ValidationFailed("challenge_weight_invalid", "criteria")
    if any(not (s > 0 and math.isfinite(s)) or not label.strip() for s, label, _ in draft.thresholds):
        raise ValidationFailed("challenge_thresholds_invalid", "thresholds")
    if draft.format == ChallengeFormat.RACE and not (draft.race_target and draft.race_target > 0):
        raise ValidationFailed("challenge_race_target_required", "raceTarget")
    ids = [m for m, _ in draft.metrics]
    metrics = {m.id: m for m in await Metric.filter(organization_id=organization_id, id__in=ids)}
    if len(metrics) != len(set(ids)):
        raise MetricNotFound("metrics")
    thresholds = [{"score": s, "label": label.strip()[:60], "badge_id": b} for s, label, b in draft.thresholds]
    if draft.format == ChallengeFormat.RACE and draft.race_target:
        thresholds.append({"score": draft.race_target, "label": "Objectif atteint", "badge_id": None})
    return {
        "metrics": [{"metric_id": m, "weight": w, "higher_is_better": metrics[m].higher_is_better} for m, w in draft.metrics],
        "criteria": [{"kind": str(k), "weight": w, "options": o} for k, w, o in draft.criteria],
        "thresholds": sorted(thresholds, key=lambda t: float(t["score"])),
        "race_target": draft.race_target,
    }


async def create_challenge(author: User, draft: ChallengeDraft, now: datetime | None = None) -> Challenge:
    """A manager's or admin's new challenge over a unit of its scope; everyone in it takes part."""
    now = now or datetime.now(UTC)
    actor = await manager_actor(author)
    scope = await Unit.get_or_none(id=draft.scope_unit_id or author.unit_id, organization_id=author.organization_id)
    if scope is None:
        raise ChallengeNotFound("scopeUnitId")
    check_in_scope(actor, scope)
    rules = await _rules(author.organization_id, draft)
    status = ChallengeStatus.DRAFT if draft.draft else status_at(draft.starts_at, draft.ends_at, now)
    async with atomic():
        challenge = await Challenge.create(
            organization_id=author.organization_id, scope_unit_id=scope.id, created_by_id=author.id,
            name=" ".join(draft.name.split()), description=draft.description.strip()[:DESCRIPTION_MAX],
            status=status if status != ChallengeStatus.CLOSED else ChallengeStatus.LIVE,
            format=draft.format, participant_kind=draft.participant_kind, scoring_mode=draft.scoring_mode,
            league_rule=draft.league_rule, rules=rules, prizes=draft.prizes.strip()[:300],
            visibility=draft.visibility, top_n=max(1, min(draft.top_n, 100)), recurrence=draft.recurrence,
            starts_at=draft.starts_at, ends_at=draft.ends_at,
        )
        challenge.series_id = challenge.id
        await challenge.save(update_fields=["series_id"])
        await enrol(challenge)
        await AuditEntry.create(organization_id=author.organization_id, actor_id=author.id,
                                action="challenge.created", detail={"challenge_id": challenge.id, "name": challenge.name})
    return challenge


async def update_description(author: User, challenge_id: int, description: str) -> Challenge:
    """The one thing that may still change once a challenge is live."""
    challenge = await _managed(author, challenge_id)
    async with atomic():
        challenge.description = description.strip()[:DESCRIPTION_MAX]
        await challenge.save(update_fields=["description"])
    return challenge


async def update_rules(author: User, challenge_id: int, draft: ChallengeDraft) -> Challenge:
    """Rules change only before the challenge goes live."""
    challenge = await _managed(author, challenge_id)
    if challenge.status in (ChallengeStatus.LIVE, ChallengeStatus.CLOSED):
        raise RulesFrozen()
    rules = await _rules(author.organization_id, draft)
    async with atomic():
        challenge.rules, challenge.scoring_mode, challenge.name = rules, draft.scoring_mode, " ".join(draft.name.split())
        challenge.starts_at, challenge.ends_at = draft.starts_at, draft.ends_at
        await challenge.save()
        await Participant.filter(challenge_id=challenge.id).delete()
        await enrol(challenge)
    for league in await _leagues(challenge.id):
        await get_rank_index().forget(board_name(challenge.id, league))
    return challenge


async def _managed(author: User, challenge_id: int) -> Challenge:
    actor = await manager_actor(author)
    challenge = await Challenge.get_or_none(id=challenge_id, organization_id=author.organization_id)
    if challenge is None:
        raise ChallengeNotFound("challengeId")
    check_in_scope(actor, await Unit.get(id=challenge.scope_unit_id))
    return challenge


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
            for rank, participant in enumerate(ranked, 1):
                participant.final_rank = rank
            await Participant.bulk_update(ranked, fields=["final_rank"], batch_size=2000)
            podium += [(league, p, r) for r, p in enumerate(ranked[:3], 1) if p.score > 0]
        challenge.status, challenge.closed_at, challenge.version = ChallengeStatus.CLOSED, now, challenge.version + 1
        await challenge.save(update_fields=["status", "closed_at", "version"])
        for _, participant, rank in podium:
            if participant.user_id is not None:
                events.emit("challenges.podium", {
                    "organization_id": challenge.organization_id, "challenge_id": challenge.id,
                    "user_id": participant.user_id, "rank": rank,
                })
        await _announce_winners(challenge, podium)
        events.publish(board_events.leaderboard_channel(challenge.id),
                       board_events.board_reset(challenge.id, challenge.version))
        if challenge.recurrence != Recurrence.NONE and challenge.format != ChallengeFormat.DUEL:
            await _next_period(challenge)
    return challenge


async def _announce_winners(challenge: Challenge, podium: list[tuple[str, Participant, int]]) -> None:
    if challenge.format == ChallengeFormat.DUEL or not podium:
        return
    if challenge.format == ChallengeFormat.RACE:
        target = float(challenge.rules.get("race_target") or 0)
        count = await Participant.filter(challenge_id=challenge.id, score__gte=target).count()
        body = f"Course « {challenge.name} » terminée : {count} participant(s) ont atteint l'objectif. Bravo à tous !"
    else:
        names = ", ".join(
            f"{'1er' if r == 1 else f'{r}e'} {'Un participant' if p.hidden else p.display_name}"
            for _, p, r in podium
        )
        body = f"Challenge « {challenge.name} » terminé ! Podium : {names}. Bravo à tous les participants !"
    announcer = challenge.created_by_id or next((p.user_id for _, p, _ in podium if p.user_id), None)
    if announcer is not None:
        await create_system_post(await User.get(id=announcer), body)


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


async def close_managed(author: User, challenge_id: int) -> Challenge:
    """A manager ends a challenge of its scope now (it would otherwise close at its end)."""
    await _managed(author, challenge_id)
    return await close_challenge(challenge_id)


async def publish_challenge(author: User, challenge_id: int, now: datetime | None = None) -> Challenge:
    """A draft goes out: scheduled, or live at once when its start has come."""
    now = now or datetime.now(UTC)
    challenge = await _managed(author, challenge_id)
    if challenge.status != ChallengeStatus.DRAFT or challenge.format == ChallengeFormat.DUEL:
        raise RulesFrozen()
    async with atomic():
        status = status_at(challenge.starts_at, challenge.ends_at, now)
        challenge.status = ChallengeStatus.LIVE if status == ChallengeStatus.CLOSED else status
        await challenge.save(update_fields=["status"])
    return challenge
