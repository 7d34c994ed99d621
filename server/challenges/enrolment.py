"""Who takes part in a challenge, in which league, and their totals, targets and baselines."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta
from typing import Any

from server.accounts.models import Role, User
from server.challenges.criteria import CriterionKind, CriterionQuery, criterion_values
from server.challenges.models import (
    Aggregation,
    Challenge,
    LeaderboardPrivacy,
    LeagueRule,
    Metric,
    Participant,
    ParticipantKind,
    Result,
    ScoringMode,
    Target,
)
from server.challenges.movement import higher_is_better, tie_for
from server.challenges.scoring import score_parts, thresholds_reached
from server.network.models import Unit, UnitKind

BATCH = 2000
SMALL_SITE, LARGE_SITE = 5, 10  # people per point of sale
SENIOR_DAYS = 365


def site_league(size: int) -> str:
    return "SMALL" if size < SMALL_SITE else "LARGE" if size >= LARGE_SITE else "MEDIUM"


async def _candidates(challenge: Challenge) -> list[dict[str, Any]]:
    scope = await Unit.get(id=challenge.scope_unit_id)
    # closed units (server.network.tree) take part in nothing new
    units = await Unit.filter(organization_id=challenge.organization_id, path__startswith=scope.path, closed_at=None).values(
        "id", "name", "kind", "path"
    )
    by_id = {u["id"]: u for u in units}
    # people of the field: points of sale and their teams, not regional or head-office staff
    field_units = [u["id"] for u in units if u["kind"] in (UnitKind.POINT_OF_SALE, UnitKind.TEAM)]
    people = await User.filter(
        organization_id=challenge.organization_id, unit_id__in=field_units, role__not=Role.ADMIN, deactivated_at=None
    ).values("id", "display_name", "unit_id", "created_at")
    headcount: Counter[int] = Counter()
    for person in people:
        headcount[person["unit_id"]] += 1
    if challenge.participant_kind == ParticipantKind.UNIT:
        sites = [u for u in units if u["kind"] == UnitKind.POINT_OF_SALE]
        return [
            {"unit_id": u["id"], "display_name": u["name"], "unit_name": u["name"],
             "league": site_league(headcount[u["id"]]), "path": u["path"]}
            for u in sites
        ]
    senior_before = challenge.starts_at - timedelta(days=SENIOR_DAYS)
    return [
        {"user_id": p["id"], "display_name": p["display_name"], "unit_name": by_id[p["unit_id"]]["name"],
         "site_size": headcount[p["unit_id"]], "senior": p["created_at"] <= senior_before}
        for p in people
    ]


def _league(challenge: Challenge, candidate: dict[str, Any]) -> str:
    if challenge.league_rule == LeagueRule.POINT_OF_SALE_SIZE:
        return candidate.get("league") or site_league(candidate.get("site_size", 0))
    if challenge.league_rule == LeagueRule.SENIORITY and "senior" in candidate:
        return "SENIOR" if candidate["senior"] else "JUNIOR"
    return ""


async def enrol(challenge: Challenge, only: list[dict[str, Any]] | None = None) -> int:
    """Creates the participant rows (everyone in scope, or `only`), scored from what exists."""
    candidates = only if only is not None else await _candidates(challenge)
    hidden = set(await LeaderboardPrivacy.filter(hidden=True).values_list("user_id", flat=True))
    rows = [
        Participant(
            challenge_id=challenge.id, user_id=c.get("user_id"), unit_id=c.get("unit_id"),
            display_name=c["display_name"][:120], unit_name=c.get("unit_name", "")[:120],
            league=_league(challenge, c), hidden=c.get("user_id") in hidden, parts={},
        )
        for c in candidates
    ]
    for start in range(0, len(rows), BATCH):
        await Participant.bulk_create(rows[start : start + BATCH])
    await refresh_parts(challenge)
    return len(rows)


async def _totals(challenge: Challenge, metric_id: int, aggregation: str, start: datetime, end: datetime,
                  kind: ParticipantKind) -> dict[int, float]:
    """Each user's (or each unit's, including its people's) total of the metric over a period."""
    found = await Result.filter(metric_id=metric_id, organization_id=challenge.organization_id,
                                occurred_at__gte=start, occurred_at__lt=end).order_by("occurred_at", "id").values(
        "user_id", "unit_id", "value", "user__unit_id")
    if kind == ParticipantKind.USER:
        pairs = [(r["user_id"], float(r["value"])) for r in found if r["user_id"] is not None]
    else:
        paths = dict(await Unit.filter(organization_id=challenge.organization_id).values_list("id", "path"))
        pairs = []
        for r in found:
            unit_id = r["unit_id"] or r["user__unit_id"]
            for ancestor in str(paths.get(unit_id, "")).strip("/").split("/"):
                if ancestor:
                    pairs.append((int(ancestor), float(r["value"])))
    totals: dict[int, float] = defaultdict(float)
    for owner, value in pairs:
        totals[owner] = value if aggregation == Aggregation.LATEST else totals[owner] + value
    return totals


async def refresh_parts(challenge: Challenge) -> None:
    """Recomputes every participant's totals, targets, baselines, criteria and score.

    Used when a challenge is created or scheduled, not on the hot path of a result."""
    participants = await Participant.filter(challenge_id=challenge.id)
    if not participants:
        return
    kind = challenge.participant_kind
    owner = (lambda p: p.user_id) if kind == ParticipantKind.USER else (lambda p: p.unit_id)
    parts: dict[int, dict[str, Any]] = {p.id: {"metrics": {}, "criteria": {}} for p in participants}
    length = challenge.ends_at - challenge.starts_at
    metrics = {m.id: m for m in await Metric.filter(id__in=[int(r["metric_id"]) for r in challenge.rules.get("metrics", [])])}
    for metric_id, metric in metrics.items():
        totals = await _totals(challenge, metric_id, metric.aggregation, challenge.starts_at, challenge.ends_at, kind)
        baselines: dict[int, float] = {}
        if challenge.scoring_mode == ScoringMode.IMPROVEMENT:
            baselines = await _totals(challenge, metric_id, metric.aggregation,
                                      challenge.starts_at - length, challenge.starts_at, kind)
        targets = await targets_for(challenge, metric_id)
        for p in participants:
            who = owner(p)
            parts[p.id]["metrics"][str(metric_id)] = {
                "total": totals.get(who, 0.0),
                "target": targets.get(who),
                "baseline": baselines.get(who),
            }
    for index, rule in enumerate(challenge.rules.get("criteria", [])):
        values = await criterion_values(CriterionQuery(
            challenge.organization_id, CriterionKind(rule["kind"]), str(kind),
            tuple(owner(p) for p in participants), challenge.starts_at, challenge.ends_at,
            dict(rule.get("options") or {}),
        ))
        for p in participants:
            parts[p.id]["criteria"][str(index)] = values.get(owner(p), 0.0)
    tie = tie_for(challenge.starts_at)
    hib = higher_is_better(challenge)
    for p in participants:
        score, _ = score_parts(challenge.scoring_mode, challenge.rules, parts[p.id], hib)
        if score != p.score:
            p.tie = tie
        p.score, p.parts = score, parts[p.id]
        p.thresholds_reached = thresholds_reached(challenge.rules, score)
    for start in range(0, len(participants), BATCH):
        await Participant.bulk_update(participants[start : start + BATCH],
                                      fields=["score", "tie", "parts", "thresholds_reached"])


async def targets_for(challenge: Challenge, metric_id: int) -> dict[int, float]:
    """The target of each user (or unit) for the metric in force when the challenge starts."""
    column = "user_id" if challenge.participant_kind == ParticipantKind.USER else "unit_id"
    found = await Target.filter(
        metric_id=metric_id, period_start__lte=challenge.starts_at, period_end__gt=challenge.starts_at,
        **{f"{column}__not_isnull": True},
    ).values_list(column, "value")
    return {int(owner): float(value) for owner, value in found}
