"""A challenge's rules as a manager writes them, checked and turned into what the model stores.

The same checks hold for the wizard, the edit form, the demo seeder and the tests: each
broken rule is a ValidationFailed naming the input field, so a form can show it in place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from server.challenges.bounds import VALUE_MAX
from server.challenges.criteria import CriterionKind
from server.challenges.errors import MetricNotFound
from server.challenges.models import (
    ChallengeFormat,
    LeagueRule,
    Metric,
    ParticipantKind,
    Recurrence,
    ScoringMode,
    Visibility,
)
from server.errors import ValidationFailed

NAME_MAX = 120
DESCRIPTION_MAX = 2000
PRIZES_MAX = 300
THRESHOLD_LABEL_MAX = 60
TOP_N_MAX = 100
CRITERIA_MAX = 6
DEFAULT_TOP_N = 10


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
    top_n: int = DEFAULT_TOP_N
    recurrence: Recurrence = Recurrence.NONE
    draft: bool = False


def clean_name(name: str) -> str:
    return " ".join(name.split())


def _positive(value: float) -> bool:
    """A weight, a threshold, a race target: finite, above 0 and bounded."""
    return math.isfinite(value) and 0 < value <= VALUE_MAX


def check_privacy(draft: ChallengeDraft) -> int:
    """The number of rows shown by name: asked for with TOP_AND_AROUND, the default otherwise."""
    if draft.visibility != Visibility.TOP_AND_AROUND:
        return DEFAULT_TOP_N
    if not 1 <= draft.top_n <= TOP_N_MAX:
        raise ValidationFailed("challenge_top_n_invalid", "topN", max=TOP_N_MAX)
    return draft.top_n


async def _check_criteria(organization_id: int, draft: ChallengeDraft) -> None:
    if len(draft.criteria) > CRITERIA_MAX:
        raise ValidationFailed("challenge_criteria_too_many", "criteria", max=CRITERIA_MAX)
    if any(not _positive(w) for _, w, _ in draft.criteria):
        raise ValidationFailed("challenge_weight_invalid", "criteria")
    # the ids belong to the training domain; a wrong one would silently score 0 for everyone
    from server.training.models import Quiz, TrainingModule

    for kind, _, options in draft.criteria:
        modules = [int(m) for m in options.get("module_ids") or []]
        quiz = options.get("quiz_id")
        if (modules and kind != CriterionKind.TRAINING_COMPLETION) or (quiz and kind != CriterionKind.QUIZ_SCORE):
            raise ValidationFailed("challenge_criterion_options_invalid", "criteria")
        if modules and await TrainingModule.filter(organization_id=organization_id, id__in=modules).count() != len(set(modules)):
            raise ValidationFailed("challenge_criterion_options_invalid", "criteria")
        if quiz and not await Quiz.exists(organization_id=organization_id, id=int(quiz)):
            raise ValidationFailed("challenge_criterion_options_invalid", "criteria")


async def _check_threshold_badges(organization_id: int, draft: ChallengeDraft) -> None:
    """A threshold's badge is one of the organisation's catalogue, still awarded."""
    badges = {b for _, _, b in draft.thresholds if b is not None}
    if not badges:
        return
    from server.badges.models import Badge  # the catalogue belongs to the badges domain

    found = await Badge.filter(organization_id=organization_id, id__in=list(badges), retired_at=None).count()
    if found != len(badges):
        raise ValidationFailed("challenge_thresholds_invalid", "thresholds")


def check_description(description: str) -> None:
    if len(description) > DESCRIPTION_MAX:
        raise ValidationFailed("challenge_description_too_long", "description", max=DESCRIPTION_MAX)


async def build_rules(organization_id: int, draft: ChallengeDraft) -> dict[str, Any]:
    """Checks a draft and returns the rules the model stores (metrics, criteria, thresholds)."""
    name = clean_name(draft.name)
    if not 2 <= len(name) <= NAME_MAX:
        raise ValidationFailed("challenge_name_required", "name", max=NAME_MAX)
    check_description(draft.description)
    if draft.ends_at <= draft.starts_at:
        raise ValidationFailed("challenge_period_invalid", "endsAt")
    if draft.format == ChallengeFormat.DUEL:
        # a duel is started by a seller against a colleague (createDuel), never by a form
        raise ValidationFailed("challenge_format_invalid", "format")
    if not draft.metrics or any(not _positive(w) for _, w in draft.metrics):
        raise ValidationFailed("challenge_metrics_required", "metrics")
    ids = [m for m, _ in draft.metrics]
    if len(set(ids)) != len(ids):
        raise ValidationFailed("challenge_metrics_duplicate", "metrics")
    await _check_criteria(organization_id, draft)
    if any(not _positive(s) or not label.strip() for s, label, _ in draft.thresholds):
        raise ValidationFailed("challenge_thresholds_invalid", "thresholds")
    await _check_threshold_badges(organization_id, draft)
    if draft.format == ChallengeFormat.RACE and not (draft.race_target and _positive(draft.race_target)):
        raise ValidationFailed("challenge_race_target_required", "raceTarget")
    if len(draft.prizes.strip()) > PRIZES_MAX:
        raise ValidationFailed("challenge_prizes_too_long", "prizes", max=PRIZES_MAX)
    check_privacy(draft)
    metrics = {m.id: m for m in await Metric.filter(organization_id=organization_id, id__in=ids)}
    if len(metrics) != len(ids):
        raise MetricNotFound("metrics")
    thresholds = [{"score": s, "label": label.strip()[:THRESHOLD_LABEL_MAX], "badge_id": b} for s, label, b in draft.thresholds]
    if draft.format == ChallengeFormat.RACE and draft.race_target:
        thresholds.append({"score": draft.race_target, "label": "Objectif atteint", "badge_id": None})
    return {
        "metrics": [{"metric_id": m, "weight": w, "higher_is_better": metrics[m].higher_is_better} for m, w in draft.metrics],
        "criteria": [{"kind": str(k), "weight": w, "options": o} for k, w, o in draft.criteria],
        "thresholds": sorted(thresholds, key=lambda t: float(t["score"])),
        "race_target": draft.race_target if draft.format == ChallengeFormat.RACE else None,
    }
