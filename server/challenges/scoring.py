"""How a participant's score is computed from its totals: pure functions, no database.

Percent of target and improvement over baseline are weighted averages of each part in
percent, so a small point of sale at 120 % of its own target beats a big one at 90 %.
Absolute points add `weight × value` for metrics and `weight × 100 × value` for criteria.
Qualitative criteria are values in [0, 1] (see server.challenges.criteria) counted as percent.
Every total, part and score goes through `bounds.finite`: whatever a stored row holds (an
old 1e308, a target of 1e-300), a score is a finite number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server.challenges.bounds import finite
from server.challenges.models import ScoringMode

SCORE_DECIMALS = 4


@dataclass(frozen=True, slots=True)
class Part:
    """One line of "how my score is computed"."""

    kind: str  # "METRIC" or a CriterionKind
    ref: str  # metric id, or the criterion's index in the rules
    value: float  # the metric's total, or the criterion's value in [0, 1]
    target: float | None
    baseline: float | None
    weight: float
    percent: float | None  # the part in percent (of target, of improvement, or criterion)
    points: float  # what this part adds to the score

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "ref": self.ref,
            "value": self.value,
            "target": self.target,
            "baseline": self.baseline,
            "weight": self.weight,
            "percent": self.percent,
            "points": self.points,
        }


def _metric_percent(
    mode: ScoringMode, total: float, target: float | None, baseline: float | None, higher_is_better: bool
) -> float:
    if mode == ScoringMode.PERCENT_OF_TARGET:
        if not target:
            return 0.0
        if higher_is_better:
            return 100.0 * total / target
        return 100.0 * target / total if total > 0 else 0.0
    # improvement over the participant's own baseline, in percent (negative when worse)
    if not baseline:
        return 100.0 if total > 0 else 0.0
    change = (total - baseline) / baseline
    return 100.0 * (change if higher_is_better else -change)


def score_parts(
    mode: ScoringMode,
    rules: dict[str, Any],
    parts: dict[str, Any],
    higher_is_better: dict[int, bool],
) -> tuple[float, list[Part]]:
    """The score and its breakdown, one Part per metric and criterion of the rules."""
    metric_totals: dict[str, Any] = parts.get("metrics", {})
    criterion_values: dict[str, Any] = parts.get("criteria", {})
    lines: list[Part] = []
    for rule in rules.get("metrics", []):
        ref = str(rule["metric_id"])
        weight = finite(rule.get("weight", 1))
        found = metric_totals.get(ref, {})
        total = finite(found.get("total", 0.0))
        target, baseline = _optional(found.get("target")), _optional(found.get("baseline"))
        if mode == ScoringMode.ABSOLUTE:
            lines.append(Part("METRIC", ref, total, target, baseline, weight, None, finite(weight * total)))
            continue
        percent = finite(_metric_percent(mode, total, target, baseline, higher_is_better.get(int(ref), True)))
        lines.append(Part("METRIC", ref, total, target, baseline, weight, percent, 0.0))
    for index, rule in enumerate(rules.get("criteria", [])):
        weight = finite(rule.get("weight", 1))
        value = finite(criterion_values.get(str(index), 0.0))
        points = finite(weight * 100.0 * value) if mode == ScoringMode.ABSOLUTE else 0.0
        lines.append(Part(str(rule["kind"]), str(index), value, None, None, weight, 100.0 * value, points))
    if mode != ScoringMode.ABSOLUTE:
        weights = sum(p.weight for p in lines) or 1.0
        lines = [
            Part(p.kind, p.ref, p.value, p.target, p.baseline, p.weight, p.percent,
                 round(finite(p.weight * (p.percent or 0.0) / weights), SCORE_DECIMALS))
            for p in lines
        ]
    score = round(finite(sum(p.points for p in lines)), SCORE_DECIMALS)
    return score, lines


def _optional(value: Any) -> float | None:
    return None if value is None else finite(value)


def thresholds_reached(rules: dict[str, Any], score: float) -> int:
    """How many of the challenge's thresholds (ascending) the score has reached."""
    levels = sorted(float(t["score"]) for t in rules.get("thresholds", []))
    return sum(1 for level in levels if score >= level)


def next_threshold(rules: dict[str, Any], score: float) -> float | None:
    above = sorted(float(t["score"]) for t in rules.get("thresholds", []) if float(t["score"]) > score)
    return above[0] if above else None
