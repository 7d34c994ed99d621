"""Rules: declarative definitions (a trigger, a threshold, options) evaluated on domain events.

Each trigger is described once in DEFINITIONS: which event it listens to, its default and
allowed threshold, who earns it from an event's payload (with the occasion that makes it
count once), and how to find past earners for a backfill. Evaluation runs from
server.hooks, i.e. only after the triggering change committed; `grant` makes it idempotent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.functions import Count

from server.accounts.models import Role, User
from server.badges.awarding import grant
from server.badges.catalogue import get_badge
from server.badges.errors import BadgeRetired
from server.badges.models import BadgeKind, BadgeRule, Podium, RuleProgress, RuleTrigger
from server.db import atomic
from server.errors import DomainError, NotAllowed, ValidationFailed
from server.feed.models import Post, PostKind
from server.network.models import Unit

Earner = tuple[int, str]  # (user id, occasion)
EarnersFromEvent = Callable[[BadgeRule, dict[str, Any]], Awaitable[list[Earner]]]
PastEarners = Callable[[BadgeRule], Awaitable[list[Earner]]]


class RuleNotFound(DomainError):
    code = "rule_not_found"
    kind = "not_found"


@dataclass(frozen=True)
class Definition:
    event: str
    default_threshold: float | None
    threshold_range: tuple[float, float] | None
    earners: EarnersFromEvent
    past_earners: PastEarners | None = None
    # what the reason says when the rule awards, in French (the feed's language)
    reason: str = ""


def threshold(rule: BadgeRule) -> float:
    definition = DEFINITIONS[rule.trigger]
    return float(rule.threshold if rule.threshold is not None else definition.default_threshold or 0)


def _matches(rule: BadgeRule, key: str, value: Any) -> bool:
    wanted = (rule.options or {}).get(key)
    return wanted is None or str(wanted) == str(value)


# --- feed -----------------------------------------------------------------------------------


async def _wins_posted(rule: BadgeRule, payload: dict[str, Any]) -> list[Earner]:
    if payload.get("kind") != PostKind.WIN:
        return []
    needed = int(threshold(rule))
    wins = await Post.filter(author_id=payload["author_id"], kind=PostKind.WIN).count()
    return [(int(payload["author_id"]), f"wins:{needed}")] if wins >= needed else []


async def _past_wins(rule: BadgeRule) -> list[Earner]:
    needed = int(threshold(rule))
    rows = (
        await Post.filter(organization_id=rule.organization_id, kind=PostKind.WIN)
        .annotate(n=Count("id"))
        .group_by("author_id")
        .values("author_id", "n")
    )
    return [(int(r["author_id"]), f"wins:{needed}") for r in rows if int(r["n"]) >= needed]


async def _likes_on_post(rule: BadgeRule, payload: dict[str, Any]) -> list[Earner]:
    if int(payload.get("like_count", 0)) < threshold(rule):
        return []
    # a recognition post is the badge's own announcement, not a success of its author
    if await Post.exists(id=int(payload["post_id"]), organization_id=rule.organization_id, kind=PostKind.SYSTEM):
        return []
    return [(int(payload["author_id"]), f"post:{payload['post_id']}")]


async def _past_likes(rule: BadgeRule) -> list[Earner]:
    rows = await Post.filter(
        organization_id=rule.organization_id, like_count__gte=int(threshold(rule))
    ).exclude(kind=PostKind.SYSTEM).order_by("id").values("id", "author_id")
    return [(int(r["author_id"]), f"post:{r['id']}") for r in rows]


async def _best_practices_recommended(rule: BadgeRule, payload: dict[str, Any]) -> list[Earner]:
    author_id, post_id = int(payload["author_id"]), int(payload["post_id"])
    if not await Post.exists(id=post_id, organization_id=rule.organization_id, kind=PostKind.BEST_PRACTICE):
        return []
    try:
        async with atomic():
            await RuleProgress.create(rule_id=rule.id, user_id=author_id, occasion=f"post:{post_id}")
    except IntegrityError:
        pass  # this post was counted already
    needed = int(threshold(rule))
    counted = await RuleProgress.filter(rule_id=rule.id, user_id=author_id).count()
    return [(author_id, f"recommended:{needed}")] if counted >= needed else []


# --- challenges, training, evaluation -------------------------------------------------------


async def _target_reached(rule: BadgeRule, payload: dict[str, Any]) -> list[Earner]:
    if not _matches(rule, "metric_id", payload.get("metric_id")):
        return []
    return [(int(payload["user_id"]), f"target:{payload.get('metric_id')}:{payload.get('period')}")]


async def _podium(rule: BadgeRule, payload: dict[str, Any]) -> list[Earner]:
    if int(payload["rank"]) > threshold(rule) or not _matches(rule, "challenge_id", payload["challenge_id"]):
        return []
    return [(int(payload["user_id"]), f"challenge:{payload['challenge_id']}")]


async def _past_podiums(rule: BadgeRule) -> list[Earner]:
    rows = await Podium.filter(
        organization_id=rule.organization_id, rank__lte=int(threshold(rule))
    ).values("user_id", "challenge_id")
    return [
        (int(r["user_id"]), f"challenge:{r['challenge_id']}")
        for r in rows
        if _matches(rule, "challenge_id", r["challenge_id"])
    ]


async def _module_completed(rule: BadgeRule, payload: dict[str, Any]) -> list[Earner]:
    if not _matches(rule, "module_id", payload.get("module_id")):
        return []
    return [(int(payload["user_id"]), f"module:{payload.get('module_id')}")]


async def _quiz_passed(rule: BadgeRule, payload: dict[str, Any]) -> list[Earner]:
    if float(payload.get("score_percent", 0)) < threshold(rule):
        return []
    if not _matches(rule, "quiz_id", payload.get("quiz_id")):
        return []
    return [(int(payload["user_id"]), f"quiz:{payload.get('quiz_id')}")]


async def _satisfaction(rule: BadgeRule, payload: dict[str, Any]) -> list[Earner]:
    if float(payload.get("index", 0)) < threshold(rule):
        return []
    unit = await Unit.get_or_none(id=int(payload["unit_id"]), organization_id=rule.organization_id)
    if unit is None:
        return []
    team = await User.filter(
        organization_id=rule.organization_id, unit__path__startswith=unit.path, deactivated_at=None
    ).values_list("id", flat=True)
    return [(int(user_id), f"satisfaction:{unit.id}") for user_id in team]  # type: ignore[call-overload]


DEFINITIONS: dict[RuleTrigger, Definition] = {
    RuleTrigger.FIRST_WIN: Definition(
        "feed.post_created", 1, (1, 1000), _wins_posted, _past_wins, "Réussites partagées dans le fil"
    ),
    RuleTrigger.LIKES_ON_POST: Definition(
        "feed.post_liked", 10, (1, 100_000), _likes_on_post, _past_likes, "Publication très appréciée"
    ),
    RuleTrigger.BEST_PRACTICES_RECOMMENDED: Definition(
        "feed.post_recommended", 3, (1, 1000), _best_practices_recommended, None,
        "Bonnes pratiques recommandées",
    ),
    RuleTrigger.TARGET_REACHED: Definition(
        "challenges.target_reached", None, None, _target_reached, None, "Objectif atteint à 100 %"
    ),
    RuleTrigger.CHALLENGE_PODIUM: Definition(
        "challenges.podium", 3, (1, 100), _podium, _past_podiums, "Sur le podium d'un challenge"
    ),
    RuleTrigger.TRAINING_COMPLETED: Definition(
        "training.module_completed", None, None, _module_completed, None, "Formation terminée"
    ),
    RuleTrigger.QUIZ_PASSED: Definition(
        "training.quiz_passed", 80, (0, 100), _quiz_passed, None, "Quiz réussi"
    ),
    RuleTrigger.SATISFACTION_ABOVE: Definition(
        "evaluation.satisfaction_recorded", 90, (0, 100), _satisfaction, None,
        "Satisfaction client au rendez-vous",
    ),
}


def register_past_earners(trigger: RuleTrigger, source: PastEarners) -> None:
    """Other domains (training, evaluation, challenges) may tell backfills who earned before."""
    definition = DEFINITIONS[trigger]
    DEFINITIONS[trigger] = Definition(
        definition.event, definition.default_threshold, definition.threshold_range,
        definition.earners, source, definition.reason,
    )


def triggers_of(event: str) -> list[RuleTrigger]:
    return [trigger for trigger, d in DEFINITIONS.items() if d.event == event]


async def evaluate(event: str, payload: dict[str, Any]) -> int:
    """Runs every active rule listening to `event`; returns how many awards were made."""
    triggers = triggers_of(event)
    if not triggers or "organization_id" not in payload:
        return 0
    rules = await BadgeRule.filter(
        organization_id=int(payload["organization_id"]), active=True, trigger__in=triggers
    ).select_related("badge")
    made = 0
    for rule in rules:
        if rule.badge.retired_at is not None:
            continue
        for user_id, occasion in await DEFINITIONS[rule.trigger].earners(rule, payload):
            made += await _grant_by_rule(rule, user_id, occasion, announce=True)
    return made


async def _grant_by_rule(rule: BadgeRule, user_id: int, occasion: str, *, announce: bool) -> int:
    user = await User.get_or_none(id=user_id, organization_id=rule.organization_id, deactivated_at=None)
    if user is None:  # gone, or left the network: rules award only the people still here
        return 0
    reason = rule.badge.criteria or DEFINITIONS[rule.trigger].reason
    award = await grant(
        rule.badge,
        user,
        reason=reason,
        rule_id=rule.id,
        occasion=f"rule:{rule.id}:{occasion}",
        announce=announce,
        # a backfill folds everything one person receives into one notification line
        notification_group=None if announce else f"backfill:{rule.id}:{user_id}",
    )
    return 0 if award is None else 1


async def backfill(rule: BadgeRule) -> int:
    """Grants past earners quietly: no feed post, one folded notification per person."""
    definition = DEFINITIONS[rule.trigger]
    if definition.past_earners is None or not rule.active or rule.badge.retired_at is not None:
        return 0
    made = 0
    for user_id, occasion in await definition.past_earners(rule):
        made += await _grant_by_rule(rule, user_id, occasion, announce=False)
    return made


def _check_rule(trigger: RuleTrigger, value: float | None) -> None:
    allowed = DEFINITIONS[trigger].threshold_range
    if value is not None and allowed is not None and not allowed[0] <= value <= allowed[1]:
        low, high = allowed
        raise ValidationFailed("rule_threshold_invalid", "threshold", min=int(low), max=int(high))


async def create_rule(
    actor: User, badge_id: int, trigger: RuleTrigger, value: float | None, options: dict[str, Any]
) -> tuple[BadgeRule, int]:
    """Head office adds a rule; past earners get the badge at once (quietly)."""
    if actor.role != Role.ADMIN:
        raise NotAllowed()
    badge = await get_badge(actor.organization_id, badge_id)
    if badge.retired_at is not None:
        raise BadgeRetired("badgeId")
    if badge.kind == BadgeKind.LABEL:
        # a label needs a passed assessment or a decision of head office, never a rule
        raise ValidationFailed("rule_label_not_allowed", "badgeId")
    _check_rule(trigger, value)
    rule = await BadgeRule.create(
        organization_id=actor.organization_id, badge=badge, trigger=trigger, threshold=value,
        options=options, created_by_id=actor.id,
    )
    rule.badge = badge
    return rule, await backfill(rule)


async def update_rule(
    actor: User, rule_id: int, value: float | None, options: dict[str, Any] | None, active: bool
) -> tuple[BadgeRule, int]:
    if actor.role != Role.ADMIN:
        raise NotAllowed()
    rule = await BadgeRule.get_or_none(id=rule_id, organization_id=actor.organization_id).select_related(
        "badge"
    )
    if rule is None:
        raise RuleNotFound("ruleId")
    _check_rule(rule.trigger, value)
    rule.threshold = value
    if options is not None:
        rule.options = options
    rule.active = active
    await rule.save(update_fields=["threshold", "options", "active", "updated_at"])
    return rule, await backfill(rule)


async def list_rules(viewer: User) -> list[BadgeRule]:
    """The organisation's rules, for head office; nobody else sees any."""
    if viewer.role != Role.ADMIN:
        return []
    return await BadgeRule.filter(organization_id=viewer.organization_id).order_by("id")
