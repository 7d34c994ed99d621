"""Domain events between domains, delivered in this process after the change commits.

A service calls `events.emit(name, payload)` inside `atomic()`; once the outermost
transaction commits, every handler registered with `on(name)` runs (in order, awaited
by the caller of `atomic`, errors logged). A rolled-back change emits nothing. Handlers
must be idempotent: badge rules, challenge criteria and dashboards all stand on this.

Names in use (payloads are plain JSON-able dicts, ids as ints):
  feed.post_created        {organization_id, post_id, author_id, kind}
  feed.post_liked          {organization_id, post_id, author_id, like_count}
  feed.post_recommended    {organization_id, post_id, author_id, unit_ids}
  challenges.result_recorded  {organization_id, challenge_id, participant_id, user_id, unit_id,
                              score, rank, unit_path (None when not known)}
  challenges.result_saved     {organization_id, metric_id, user_id, unit_id} (no challenge moved)
  challenges.target_reached   {organization_id, user_id, metric_id, period, challenge_id}
  challenges.podium           {organization_id, challenge_id, user_id, rank}
  challenges.threshold_reached {organization_id, challenge_id, user_id, score, label, badge_id}
  training.module_completed   {organization_id, user_id, module_id}
  training.quiz_passed        {organization_id, user_id, quiz_id, score_percent}
  evaluation.assessment_passed     {organization_id, user_id, assessment_id, label_badge_id, level?}
  evaluation.satisfaction_recorded {organization_id, unit_id, index}
  badges.awarded           {organization_id, award_id, badge_id, user_id, kind, level, by_rule}
                           (a badge or label awarded or renewed; kind is BADGE or LABEL)
  training.progress_recorded  {organization_id, user_id, module_id}
  training.quiz_attempted     {organization_id, user_id, quiz_id, score_percent, passed}
  evaluation.action_plan_changed {organization_id, unit_id, plan_id}
  accounts.person_deactivated {organization_id, user_id}
  accounts.sessions_ended     {sessionIds} (also on the bus for the other instances)
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger("elan.hooks")

Handler = Callable[[dict[str, Any]], Awaitable[None]]
_handlers: dict[str, list[Handler]] = defaultdict(list)


def on(name: str) -> Callable[[Handler], Handler]:
    """Registers a handler for a domain event (use as a decorator at import time)."""

    def register(handler: Handler) -> Handler:
        if handler not in _handlers[name]:
            _handlers[name].append(handler)
        return handler

    return register


async def dispatch(name: str, payload: dict[str, Any]) -> None:
    for handler in list(_handlers.get(name, ())):
        try:
            await handler(payload)
        except Exception:
            log.exception("handler %s of %s failed", getattr(handler, "__name__", handler), name)
