"""One-to-one duels: a seller challenges a colleague, who accepts or declines.

A colleague is someone the challenger acts with (server.network.scope: a seller's point of
sale, a manager's subtree); invitations are rate-limited per challenger, like posts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from server.accounts.models import User
from server.challenges.enrolment import enrol
from server.challenges.errors import ChallengeNotFound, DuelNotPending, MetricNotFound
from server.challenges.models import (
    Challenge,
    ChallengeFormat,
    ChallengeStatus,
    DuelState,
    Metric,
    Participant,
    ParticipantKind,
    ScoringMode,
)
from server.db import atomic
from server.errors import ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.ratelimit import consume
from server.settings import get_settings
from server.sql import Statement
from server.texts.render import duel_description, duel_title

DAYS_MAX = 31
DUEL_RATE_LIMIT = 10  # invitations per challenger per rate window
OPPONENTS_MAX = 100


def _common_ancestor(a: Unit, b: Unit) -> int:
    shared = [x for x, y in zip(a.ancestor_ids, b.ancestor_ids, strict=False) if x == y]
    return shared[-1]


@dataclass(frozen=True, slots=True)
class Opponent:
    id: int
    display_name: str


async def duel_opponents(scope: Scope) -> list[Opponent]:
    """Colleagues of the viewer's own unit, by name: whom the duel screen offers (by hand: the
    challenges screen asks on every visit, and the ORM's objects cost more than the read)."""
    statement = Statement()
    rows = await statement.rows(
        f'SELECT id, display_name FROM "user" WHERE organization_id = {statement.arg(scope.organization_id)} '
        f"AND unit_id = {statement.arg(scope.unit_id)} AND id <> {statement.arg(scope.user_id or -1)} "
        f"ORDER BY display_name, id LIMIT {OPPONENTS_MAX}")
    return [Opponent(int(row["id"]), str(row["display_name"])) for row in rows]


async def create_duel(scope: Scope, opponent_id: int, metric_id: int, days: int,
                      now: datetime | None = None) -> Challenge:
    """A pending duel on one metric, in absolute points: whoever does more wins."""
    now = now or datetime.now(UTC)
    challenger = scope.user
    if challenger is None:
        raise ValidationFailed("duel_opponent_invalid", "opponentId")
    opponent = await User.get_or_none(id=opponent_id, organization_id=scope.organization_id)
    if opponent is None or opponent.id == challenger.id:
        raise ValidationFailed("duel_opponent_invalid", "opponentId")
    if not 1 <= days <= DAYS_MAX:
        raise ValidationFailed("challenge_period_invalid", "days")
    metric = await Metric.get_or_none(id=metric_id, organization_id=scope.organization_id)
    if metric is None:
        raise MetricNotFound("metricId")
    mine, theirs = await Unit.get(id=challenger.unit_id), await Unit.get(id=opponent.unit_id)
    if not scope.acts_in(theirs):
        raise ValidationFailed("duel_opponent_invalid", "opponentId")
    settings = get_settings()
    await consume(f"duel:{challenger.id}", DUEL_RATE_LIMIT, settings.rate_window_seconds)
    async with atomic() as events:
        duel = await Challenge.create(
            organization_id=challenger.organization_id, scope_unit_id=_common_ancestor(mine, theirs),
            created_by_id=challenger.id, name=duel_title(challenger.display_name, opponent.display_name, "fr"),
            description=duel_description(metric.name, days, "fr"), status=ChallengeStatus.DRAFT,
            format=ChallengeFormat.DUEL, participant_kind=ParticipantKind.USER, scoring_mode=ScoringMode.ABSOLUTE,
            rules={"metrics": [{"metric_id": metric.id, "weight": 1, "higher_is_better": metric.higher_is_better}],
                   "criteria": [], "thresholds": [], "race_target": None, "days": days,
                   # who: the title is written per reader with their names now (server.texts)
                   "duel": [challenger.id, opponent.id], "metric_name": metric.name},
            starts_at=now, ends_at=now + timedelta(days=days), duel_state=DuelState.PENDING,
        )
        await enrol(duel, only=[
            {"user_id": u.id, "display_name": u.display_name, "unit_name": unit.name}
            for u, unit in ((challenger, mine), (opponent, theirs))
        ])
        await notify(opponent.id, NotificationKind.DUEL_INVITATION, actor=challenger,
                     params={"challengeId": duel.id, "metric": metric.name, "days": days},
                     link=f"/challenges/{duel.id}", events=events)
    return duel


async def answer_duel(scope: Scope, duel_id: int, accept: bool, now: datetime | None = None) -> Challenge:
    """The invited colleague accepts (the duel starts now) or declines (it closes)."""
    now = now or datetime.now(UTC)
    async with atomic():
        found = await Challenge.filter(id=duel_id, organization_id=scope.organization_id,
                                       format=ChallengeFormat.DUEL).select_for_update()
        if not found or scope.user_id is None or found[0].created_by_id == scope.user_id:
            raise ChallengeNotFound("challengeId")
        duel = found[0]
        if not await Participant.exists(challenge_id=duel.id, user_id=scope.user_id):
            raise ChallengeNotFound("challengeId")
        if duel.duel_state != DuelState.PENDING:
            raise DuelNotPending()
        if accept:
            days = int(duel.rules.get("days", 7))
            duel.duel_state, duel.status = DuelState.ACCEPTED, ChallengeStatus.LIVE
            duel.starts_at, duel.ends_at = now, now + timedelta(days=days)
        else:
            duel.duel_state, duel.status, duel.closed_at = DuelState.DECLINED, ChallengeStatus.CLOSED, now
        await duel.save(update_fields=["duel_state", "status", "starts_at", "ends_at", "closed_at"])
    return duel


async def pending_duels(scope: Scope, mine: list[Challenge] | None = None) -> list[Challenge]:
    """Duels the viewer was invited to and has not answered, among its duels (`mine`: as
    `standings.my_duels` gives them, when the caller read them)."""
    from server.challenges.standings import my_duels

    if mine is None:
        mine = await my_duels(scope)
    return [d for d in mine if d.duel_state == DuelState.PENDING and d.created_by_id != scope.user_id]
