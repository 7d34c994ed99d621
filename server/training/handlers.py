"""Feeds the challenge criteria of the training domain (imported at start-up, see server.app)."""

from __future__ import annotations

from server.challenges.criteria import CriterionKind, register_source
from server.training.criteria import quiz_score, training_completion

register_source(CriterionKind.TRAINING_COMPLETION, training_completion)
register_source(CriterionKind.QUIZ_SCORE, quiz_score)
