"""Who earned a rule before it existed: the backfill sources of the other domains.

Registered at import time (this module is imported by server.badges.handlers, which the app
loads at startup). Each source gives the same (user, occasion) pairs the live rule would have
given on the original events, so a backfill and a late event never award twice.
"""

from __future__ import annotations

from server.badges.models import BadgeRule, RuleTrigger
from server.badges.rules import Earner, _matches, register_past_earners, threshold
from server.training.models import ModuleProgress, QuizAttempt

# --- training -------------------------------------------------------------------------------


async def past_modules_completed(rule: BadgeRule) -> list[Earner]:
    rows = await ModuleProgress.filter(
        organization_id=rule.organization_id, completed_at__isnull=False
    ).order_by("id").values("user_id", "module_id")
    return [
        (int(r["user_id"]), f"module:{r['module_id']}")
        for r in rows
        if _matches(rule, "module_id", r["module_id"])
    ]


async def past_quizzes_passed(rule: BadgeRule) -> list[Earner]:
    # the live rule hears only passed attempts, each with its own score: any passed attempt at
    # or above the rule's mark counts, once per person and quiz
    rows = await QuizAttempt.filter(
        organization_id=rule.organization_id, passed=True, score_percent__gte=threshold(rule)
    ).order_by("id").values("user_id", "quiz_id")
    earners = {
        (int(r["user_id"]), f"quiz:{r['quiz_id']}")
        for r in rows
        if _matches(rule, "quiz_id", r["quiz_id"])
    }
    return sorted(earners)


register_past_earners(RuleTrigger.TRAINING_COMPLETED, past_modules_completed)
register_past_earners(RuleTrigger.QUIZ_PASSED, past_quizzes_passed)
