"""Qualitative criteria of a challenge, read through one interface that other domains feed.

The training and evaluation domains register a source per kind; a challenge with a
criterion of that kind asks the source for every participant's value, as a fraction in
[0, 1] (1 = module completed, quiz at 100 %, satisfaction at or above target). When such a
value changes, the feeding domain emits a domain event (server.hooks) naming the people or
units concerned, and the challenges domain recomputes those participants' scores.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class CriterionKind(StrEnum):
    TRAINING_COMPLETION = "TRAINING_COMPLETION"  # share of the chosen modules completed
    QUIZ_SCORE = "QUIZ_SCORE"  # best score of the chosen quiz (or quiz average), 0..1
    SATISFACTION = "SATISFACTION"  # satisfaction index of the participant's point of sale vs target


@dataclass(frozen=True, slots=True)
class CriterionQuery:
    organization_id: int
    kind: CriterionKind
    # "USER" or "UNIT": who the participants are
    participant_kind: str
    participant_ids: tuple[int, ...]
    starts_at: datetime
    ends_at: datetime
    # kind-specific settings chosen in the challenge, e.g. {"module_ids": [3, 4]} or {"quiz_id": 7}
    options: dict[str, Any]


CriterionSource = Callable[[CriterionQuery], Awaitable[dict[int, float]]]
_sources: dict[CriterionKind, CriterionSource] = {}


def register_source(kind: CriterionKind, source: CriterionSource) -> None:
    _sources[kind] = source


async def criterion_values(query: CriterionQuery) -> dict[int, float]:
    """Each participant's value in [0, 1]; participants a source doesn't know score 0."""
    source = _sources.get(query.kind)
    if source is None:
        return {pid: 0.0 for pid in query.participant_ids}
    found = await source(query)
    return {pid: min(1.0, max(0.0, float(found.get(pid, 0.0)))) for pid in query.participant_ids}
