"""Giving badges and labels to people, and taking them back.

`grant` is the one place an award is made (by a manager, a rule, an assessment or a
backfill): it is idempotent through `Award.unique_key`, renews a label already held, and
announces the award in the feed and the person's notifications in the same transaction.
A manager awards the people it manages (its Scope's subtree), head office anyone of the
organisation; the evidence post must be one the awarder reads.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError

from server.accounts.models import Role, User
from server.badges.catalogue import get_badge
from server.badges.errors import (
    AwardAlreadyRevoked,
    AwardedByAdminsOnly,
    AwardedByRulesOnly,
    AwardNotFound,
    BadgeRetired,
    PersonOutOfScope,
)
from server.badges.models import Award, AwardPolicy, Badge, BadgeKind
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.feed.reading import get_post
from server.network.scope import Scope
from server.notifications.models import NotificationKind
from server.notifications.services import notify

REASON_MAX = 500
PEOPLE_MAX = 50


def unique_key(badge: Badge, user_id: int, occasion: str | None = None) -> str | None:
    """Non-repeatable badges and labels: once per person; repeatable: once per occasion."""
    if not badge.repeatable or badge.kind == BadgeKind.LABEL:
        return f"badge:{badge.id}:{user_id}"
    return f"badge:{badge.id}:{user_id}:{occasion}" if occasion else None


def recognition_post(badge: Badge, user: User, level: str | None, reason: str, by: User | None) -> tuple[str, dict[str, Any]]:
    """The automatic post's kind and parameters; it is written in each reader's language."""
    label = badge.kind == BadgeKind.LABEL
    params: dict[str, Any] = {
        "userId": user.id,
        "badgeId": badge.id,
        "badge": badge.name,
        "emoji": "🎖️" if label else badge.emoji or "🏅",
        "level": level,
        "byId": by.id if by is not None else None,
        "reason": reason,
    }
    return ("LABEL_AWARDED" if label else "BADGE_AWARDED"), params


async def grant(
    badge: Badge,
    user: User,
    *,
    reason: str,
    awarded_by: User | None = None,
    level: str | None = None,
    evidence_post_id: int | None = None,
    rule_id: int | None = None,
    occasion: str | None = None,
    announce: bool = True,
    notification_group: str | None = None,
    now: datetime | None = None,
) -> Award | None:
    """Awards `badge` to `user`; None when the person already holds it for this occasion."""
    now = now or datetime.now(UTC)
    expires_at = now + timedelta(days=badge.validity_days) if badge.validity_days else None
    key = unique_key(badge, user.id, occasion)
    async with atomic() as events:
        held = await Award.get_or_none(unique_key=key) if key else None
        if held is not None and badge.kind == BadgeKind.LABEL and rule_id is None:
            # a label passed again (renewal or a new level) refreshes the one held
            held.level = level or held.level
            held.awarded_at = now
            held.expires_at = expires_at
            held.reminder_sent_at = None
            held.reason = reason or held.reason
            held.awarded_by_id = awarded_by.id if awarded_by else None
            await held.save(
                update_fields=["level", "awarded_at", "expires_at", "reminder_sent_at", "reason", "awarded_by_id"]
            )
            award = held
        elif held is not None:
            return None
        else:
            try:
                async with atomic():
                    award = await Award.create(
                        public_id=str(uuid.uuid4()),
                        organization_id=user.organization_id,
                        badge_id=badge.id,
                        user_id=user.id,
                        awarded_by_id=awarded_by.id if awarded_by else None,
                        rule_id=rule_id,
                        reason=reason,
                        level=level,
                        evidence_post_id=evidence_post_id,
                        unique_key=key,
                        awarded_at=now,
                        expires_at=expires_at,
                    )
            except IntegrityError:
                return None  # the same award raced in from another event; it counts once
        if announce and not user.hidden_from_feed:
            from server.feed.system_posts import create_system_post

            kind, params = recognition_post(badge, user, level, reason, awarded_by)
            post = await create_system_post(user, kind, params, body=reason)
            award.recognition_post_id = post.id
            await award.save(update_fields=["recognition_post_id"])
        label = badge.kind == BadgeKind.LABEL
        events.emit(
            "badges.awarded",
            {
                "organization_id": user.organization_id,
                "award_id": award.id,
                "badge_id": badge.id,
                "user_id": user.id,
                "kind": str(badge.kind),
                "level": award.level,
                "by_rule": rule_id is not None,
            },
        )
        await notify(
            user.id,
            NotificationKind.LABEL_RECEIVED if label else NotificationKind.BADGE_RECEIVED,
            params={
                "badge": badge.name,
                "badgeId": badge.id,
                "awardId": award.id,
                "emoji": badge.emoji or ("🎖️" if label else "🏅"),
                "level": award.level,
                "announce": announce,
            },
            actor=awarded_by,
            link=f"/people/{user.id}",
            group_key=notification_group,
        )
    return award


@dataclass
class AwardOutcome:
    awards: list[Award] = field(default_factory=list)
    already_held: list[int] = field(default_factory=list)


def check_may_award(scope: Scope, badge: Badge) -> None:
    if not scope.is_manager or scope.user is None:
        raise NotAllowed()
    if badge.retired_at is not None:
        raise BadgeRetired("badgeId")
    if badge.award_policy == AwardPolicy.RULES:
        raise AwardedByRulesOnly("badgeId")
    admin_only = badge.award_policy == AwardPolicy.ADMINS or badge.kind == BadgeKind.LABEL
    if admin_only and not scope.is_admin:
        raise AwardedByAdminsOnly("badgeId")


async def people_in_scope(scope: Scope, user_ids: list[int]) -> list[User]:
    """The people asked for, all of the actor's organisation and units it manages."""
    ids = list(dict.fromkeys(user_ids))
    if not 1 <= len(ids) <= PEOPLE_MAX:
        raise ValidationFailed("award_people_invalid", "userIds", max=PEOPLE_MAX)
    # someone deactivated (who left) is awarded nothing new: as if not found
    people = await User.filter(id__in=ids, organization_id=scope.organization_id, deactivated_at=None).select_related("unit")
    if len(people) != len(ids):
        raise ValidationFailed("person_not_found", "userIds")
    for person in people:
        if not scope.manages(person.unit):
            raise PersonOutOfScope("userIds", name=person.display_name)
    by_id = {p.id: p for p in people}
    return [by_id[i] for i in ids]


def check_reason(reason: str) -> str:
    reason = reason.strip()
    if not 3 <= len(reason) <= REASON_MAX:
        raise ValidationFailed("award_reason_invalid", "reason", max=REASON_MAX)
    return reason


async def award_badge(
    scope: Scope,
    badge_id: int,
    user_ids: list[int],
    reason: str,
    post_id: int | None = None,
    level: str | None = None,
) -> AwardOutcome:
    """A manager (or head office) awards a badge to one or several people at once."""
    badge = await get_badge(scope.organization_id, badge_id)
    check_may_award(scope, badge)
    actor = scope.user
    assert actor is not None  # check_may_award refuses a scope without a person
    reason = check_reason(reason)
    if badge.levels:
        level = level or badge.levels[0]
        if level not in badge.levels:
            raise ValidationFailed("badge_level_unknown", "level")
    else:
        level = None
    people = await people_in_scope(scope, user_ids)
    if post_id is not None:
        await get_post(scope, post_id)  # PostNotFound unless the awarder reads it
    outcome = AwardOutcome()
    async with atomic():
        for person in people:
            award = await grant(
                badge, person, reason=reason, awarded_by=actor, level=level, evidence_post_id=post_id,
                occasion=uuid.uuid4().hex,
            )
            if award is None:
                outcome.already_held.append(person.id)
            else:
                outcome.awards.append(award)
    return outcome


async def revoke_award(actor: User, award_id: int, reason: str) -> Award:
    """By the person who awarded it or head office; it leaves the profile and the feed."""
    award = await Award.get_or_none(id=award_id, organization_id=actor.organization_id)
    if award is None:
        raise AwardNotFound("awardId")
    if actor.role != Role.ADMIN and award.awarded_by_id != actor.id:
        raise NotAllowed()
    if award.revoked_at is not None:
        raise AwardAlreadyRevoked("awardId")
    reason = check_reason(reason)
    async with atomic():
        award.revoked_at = datetime.now(UTC)
        award.revoked_by_id = actor.id  # type: ignore[attr-defined]
        award.revocation_reason = reason
        award.unique_key = None  # it may be earned again
        await award.save(update_fields=["revoked_at", "revoked_by_id", "revocation_reason", "unique_key"])
        if award.recognition_post_id is not None:
            from server.feed.system_posts import remove_system_post

            await remove_system_post(award.organization_id, award.recognition_post_id)
    return award


async def grant_label_from_assessment(payload: dict[str, object]) -> Award | None:
    """evaluation.assessment_passed: a passed assessment grants (or renews) its label."""
    organization_id = int(payload["organization_id"])  # type: ignore[call-overload]
    badge = await Badge.get_or_none(
        id=int(payload["label_badge_id"]), organization_id=organization_id, kind=BadgeKind.LABEL  # type: ignore[call-overload]
    )
    user = await User.get_or_none(id=int(payload["user_id"]), organization_id=organization_id, deactivated_at=None)  # type: ignore[call-overload]
    if badge is None or user is None or badge.retired_at is not None:
        return None
    level = payload.get("level")
    level = str(level) if level else (badge.levels[0] if badge.levels else None)
    if badge.levels and level not in badge.levels:
        level = badge.levels[0]
    held = await Award.get_or_none(unique_key=unique_key(badge, user.id), level=level)
    marker = f"(n° {payload.get('assessment_id')})"
    if held is not None and held.reason.endswith(marker):
        return None  # the same assessment heard twice
    return await grant(badge, user, reason=f"Évaluation réussie {marker}", level=level)
