"""Who earned a rule before it existed: the backfill sources of the other domains.

Registered at import time (this module is imported by server.badges.handlers, which the app
loads at startup). Each source gives the same (user, occasion) pairs the live rule would have
given on the original events, so a backfill and a late event never award twice.
"""

from __future__ import annotations

from server.accounts.models import User
from server.badges.models import BadgeRule, RuleProgress, RuleTrigger
from server.badges.rules import Earner, _matches, register_past_earners, threshold
from server.challenges.models import Challenge, Participant
from server.evaluation.models import SatisfactionSurvey
from server.evaluation.satisfaction import latest_index
from server.feed.models import PostKind, Recommendation
from server.network.models import Unit
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


# --- challenges -----------------------------------------------------------------------------


async def past_targets_reached(rule: BadgeRule) -> list[Earner]:
    """A person's challenge results at or above the target of a metric, as the live event sees
    them (`challenges.target_reached` fires when a metric's total reaches its target)."""
    challenges = dict(
        await Challenge.filter(organization_id=rule.organization_id).values_list("id", "starts_at")
    )
    if not challenges:
        return []
    rows = await Participant.filter(
        challenge_id__in=list(challenges), user_id__not_isnull=True
    ).order_by("id").values("user_id", "challenge_id", "parts")
    earners: list[Earner] = []
    for row in rows:
        period = challenges[row["challenge_id"]].isoformat()
        for metric_id, part in ((row["parts"] or {}).get("metrics") or {}).items():
            target = part.get("target")
            if not target or float(part.get("total", 0.0)) < float(target):
                continue
            if _matches(rule, "metric_id", int(metric_id)):
                earners.append((int(row["user_id"]), f"target:{int(metric_id)}:{period}"))
    return earners


# --- evaluation -----------------------------------------------------------------------------


async def past_satisfaction(rule: BadgeRule) -> list[Earner]:
    """The team of every unit whose latest satisfaction index is at or above the threshold."""
    unit_ids = set(
        await SatisfactionSurvey.filter(organization_id=rule.organization_id).values_list("unit_id", flat=True)
    )
    if not unit_ids:
        return []
    earners: list[Earner] = []
    for unit in await Unit.filter(id__in=unit_ids, organization_id=rule.organization_id).order_by("id"):
        index = await latest_index(unit)
        if index is None or index < threshold(rule):
            continue
        team = await User.filter(
            organization_id=rule.organization_id, unit__path__startswith=unit.path, deactivated_at=None
        ).order_by("id").values_list("id", flat=True)
        earners.extend((int(user_id), f"satisfaction:{unit.id}") for user_id in team)  # type: ignore[call-overload]
    return earners


# --- feed -----------------------------------------------------------------------------------


async def past_best_practices_recommended(rule: BadgeRule) -> list[Earner]:
    """Counts each author's recommended best practices into the rule's progress (so later
    recommendations add to them) and returns those who reached N."""
    rows = await Recommendation.filter(
        post__organization_id=rule.organization_id, post__kind=PostKind.BEST_PRACTICE
    ).values("post_id", "post__author_id")
    counted = set(
        await RuleProgress.filter(rule_id=rule.id).values_list("user_id", "occasion")
    )
    missing = {
        (int(r["post__author_id"]), f"post:{r['post_id']}") for r in rows
    } - {(int(u), str(o)) for u, o in counted}
    if missing:
        await RuleProgress.bulk_create(
            [RuleProgress(rule_id=rule.id, user_id=u, occasion=o) for u, o in sorted(missing)],
            ignore_conflicts=True,
        )
    needed = int(threshold(rule))
    per_user: dict[int, int] = {}
    for user_id in await RuleProgress.filter(rule_id=rule.id).values_list("user_id", flat=True):
        per_user[int(user_id)] = per_user.get(int(user_id), 0) + 1  # type: ignore[call-overload]
    return [(user_id, f"recommended:{needed}") for user_id, n in sorted(per_user.items()) if n >= needed]


register_past_earners(RuleTrigger.TARGET_REACHED, past_targets_reached)
register_past_earners(RuleTrigger.SATISFACTION_ABOVE, past_satisfaction)
register_past_earners(RuleTrigger.BEST_PRACTICES_RECOMMENDED, past_best_practices_recommended)
register_past_earners(RuleTrigger.TRAINING_COMPLETED, past_modules_completed)
register_past_earners(RuleTrigger.QUIZ_PASSED, past_quizzes_passed)
