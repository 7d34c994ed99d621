"""Results against targets and challenge standings, read from the challenges domain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from server.accounts.models import User
from server.challenges.bounds import finite
from server.challenges.models import (
    Aggregation,
    ChallengeStatus,
    Result,
    Target,
)
from server.network.models import Unit
from server.sql import Statement


@dataclass(slots=True)
class ResultAgainstTarget:
    metric_id: int
    metric_name: str
    unit_label: str
    total: float
    target: float

    def __post_init__(self) -> None:
        # a row stored before values were bounded (an old 1e308) must not break the screen
        self.total, self.target = finite(self.total), finite(self.target)

    @property
    def percent(self) -> float | None:
        return round(finite(100.0 * self.total / self.target), 1) if self.target else None


@dataclass(slots=True)
class StandingRow:
    challenge_id: int
    name: str
    rank: int | None
    size: int
    score: float
    scoring_mode: str = "PERCENT_OF_TARGET"  # the score's unit: percent, or points when ABSOLUTE
    tied: bool = False  # the rank is shared (ex aequo)


def _total(aggregation: str, rows: list[tuple[datetime, float]]) -> float:
    if not rows:
        return 0.0
    if aggregation == Aggregation.LATEST:
        return max(rows)[1]
    return sum(value for _, value in rows)


async def my_results(viewer: User, now: datetime) -> list[ResultAgainstTarget]:
    """Each metric with a target for the viewer over a period that includes now, with the
    viewer's results within that period so far: one statement, by hand (the dashboard is
    read again after every sale)."""
    q = Statement()
    rows = await q.rows(f"""
SELECT t.id, t.metric_id, m.name, m.unit_label, m.aggregation, t.value AS target, r.occurred_at, r.value
  FROM target t JOIN metric m ON m.id = t.metric_id
  LEFT JOIN result r ON r.user_id = t.user_id AND r.metric_id = t.metric_id
       AND r.occurred_at >= t.period_start AND r.occurred_at <= t.period_end AND r.occurred_at <= {q.arg(now)}
 WHERE t.user_id = {q.arg(viewer.id)} AND t.period_start <= {q.arg(now)} AND t.period_end >= {q.arg(now)}""")
    targets: dict[int, Any] = {}
    results: dict[int, list[tuple[datetime, float]]] = {}
    for row in rows:
        targets.setdefault(int(row["id"]), row)
        found = results.setdefault(int(row["id"]), [])
        if row["occurred_at"] is not None:
            found.append((_when(row["occurred_at"]), float(row["value"])))
    return [
        ResultAgainstTarget(
            int(t["metric_id"]), str(t["name"]), str(t["unit_label"]),
            round(_total(str(t["aggregation"]), results[key]), 2), float(t["target"]),
        )
        for key, t in sorted(targets.items(), key=lambda item: str(item[1]["name"]))
    ]


def _when(value: Any) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value  # (SQLite: text)


async def my_standings(viewer: User, ancestor_ids: list[int] | None = None) -> list[StandingRow]:
    """The live challenges the viewer (or one of its units) takes part in, with its rank: one
    statement for every participation, whatever their number, by hand (read again after every
    move on those boards); ranks from the rank index (`ancestor_ids`: the viewer's units, top
    first, when the caller knows them)."""
    from server.challenges.models import ParticipantKind
    from server.challenges.movement import board_loader
    from server.challenges.ranking import board_name, get_rank_index

    if ancestor_ids is None:
        ancestor_ids = (await Unit.get(id=viewer.unit_id)).ancestor_ids
    q = Statement()
    found = await q.rows(f"""
SELECT p.id, p.league, p.score, p.tie, p.final_rank, c.id AS challenge_id, c.name, c.scoring_mode
  FROM challenge_participant p JOIN challenge c ON c.id = p.challenge_id
 WHERE c.organization_id = {q.arg(viewer.organization_id)} AND c.status = {q.arg(ChallengeStatus.LIVE.value)}
   AND ((c.participant_kind = {q.arg(ParticipantKind.USER.value)} AND p.user_id = {q.arg(viewer.id)})
        OR (c.participant_kind = {q.arg(ParticipantKind.UNIT.value)} AND p.unit_id IN {q.ids(ancestor_ids)}))
 ORDER BY c.ends_at, c.id, p.id""")
    index = get_rank_index()
    rows, seen = [], set()
    for me in found:
        challenge_id = int(me["challenge_id"])
        if challenge_id in seen:  # a unit challenge: the first of the viewer's units taking part
            continue
        seen.add(challenge_id)
        league = str(me["league"])
        board, load = board_name(challenge_id, league), board_loader(challenge_id, league)
        key = (float(me["score"]), int(me["tie"]), int(me["id"]))  # as movement.key_of
        rank = me["final_rank"] or await index.rank(board, key, load)
        rows.append(StandingRow(challenge_id, str(me["name"]), rank, await index.size(board, load),
                                round(finite(float(me["score"])), 2), str(me["scoring_mode"]),
                                await index.tied(board, key, load) > 0))
    return rows


async def unit_results(unit: Unit, now: datetime) -> list[ResultAgainstTarget]:
    """Per added-up metric: the subtree's results over the current period against the unit's
    own target when it has one, else the sum of its people's targets (four queries in all)."""
    people = await Target.filter(
        organization_id=unit.organization_id, period_start__lte=now, period_end__gte=now,
        metric__aggregation=Aggregation.SUM, user__unit__path__startswith=unit.path,
    ).values("metric_id", "metric__name", "metric__unit_label", "period_start", "value")
    own = await Target.filter(
        unit_id=unit.id, period_start__lte=now, period_end__gte=now, metric__aggregation=Aggregation.SUM
    ).values("metric_id", "metric__name", "metric__unit_label", "period_start", "value")
    names: dict[int, tuple[str, str]] = {}
    targets: dict[int, float] = {}
    starts: dict[int, datetime] = {}
    for rows, replace in ((people, False), (own, True)):
        chosen: dict[int, float] = {}
        for t in rows:
            mid = int(t["metric_id"])
            names[mid] = (str(t["metric__name"]), str(t["metric__unit_label"]))
            chosen[mid] = chosen.get(mid, 0.0) + float(t["value"])
            starts[mid] = min(starts.get(mid, t["period_start"]), t["period_start"])
        for mid, value in chosen.items():
            targets[mid] = value if replace else targets.get(mid, 0.0) + value
    if not targets:
        return []
    earliest = min(starts.values())
    totals: dict[int, float] = dict.fromkeys(targets, 0.0)
    for query in (
        Result.filter(user__unit__path__startswith=unit.path),
        Result.filter(user_id__isnull=True, unit__path__startswith=unit.path),
    ):
        found = await query.filter(
            organization_id=unit.organization_id, metric_id__in=list(targets), occurred_at__gte=earliest, occurred_at__lte=now
        ).values("metric_id", "occurred_at", "value")
        for r in found:
            mid = int(r["metric_id"])
            if r["occurred_at"] >= starts[mid]:
                totals[mid] += float(r["value"])
    return [
        ResultAgainstTarget(mid, names[mid][0], names[mid][1], round(totals[mid], 2), round(targets[mid], 2))
        for mid in sorted(targets, key=lambda m: names[m][0])
    ]
