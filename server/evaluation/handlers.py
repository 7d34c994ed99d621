"""Feeds the SATISFACTION challenge criterion (imported at start-up, see server.app)."""

from __future__ import annotations

from server.challenges.criteria import CriterionKind, register_source
from server.evaluation.criteria import satisfaction

register_source(CriterionKind.SATISFACTION, satisfaction)
