"""The badge catalogue of an organisation: create, list, retire."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import UTC, datetime

from server.accounts.models import Role, User
from server.badges.errors import BadgeNotFound
from server.badges.images import store_badge_image
from server.badges.models import AwardPolicy, Badge, BadgeCategory, BadgeKind
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed

NAME_MAX = 80
DESCRIPTION_MAX = 500
CRITERIA_MAX = 1000
VALIDITY_MAX_DAYS = 3650
LABEL_DEFAULT_DAYS = 730
LEVELS_MAX = 5
LEVEL_MAX_LEN = 40


@dataclass
class NewBadge:
    name: str
    kind: BadgeKind = BadgeKind.BADGE
    description: str = ""
    emoji: str | None = None
    image_base64: str | None = None
    category: BadgeCategory = BadgeCategory.SALES
    criteria: str = ""
    repeatable: bool = False
    validity_days: int | None = None
    award_policy: AwardPolicy = AwardPolicy.MANAGERS
    levels: list[str] = field(default_factory=list)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _checked(new: NewBadge) -> NewBadge:
    new.name = _clean(new.name)
    if not 2 <= len(new.name) <= NAME_MAX:
        raise ValidationFailed("badge_name_invalid", "name", max=NAME_MAX)
    new.description = (new.description or "").strip()
    if len(new.description) > DESCRIPTION_MAX:
        raise ValidationFailed("badge_text_too_long", "description", max=DESCRIPTION_MAX)
    new.criteria = (new.criteria or "").strip()
    if len(new.criteria) > CRITERIA_MAX:
        raise ValidationFailed("badge_text_too_long", "criteria", max=CRITERIA_MAX)
    new.emoji = (new.emoji or "").strip() or None
    if new.emoji is not None and (len(new.emoji) > 16 or any(c.isspace() or c.isalnum() for c in new.emoji)):
        raise ValidationFailed("badge_emoji_invalid", "emoji")
    if new.emoji is None and not new.image_base64:
        raise ValidationFailed("badge_emoji_invalid", "emoji")
    if new.kind == BadgeKind.LABEL:
        new.validity_days = new.validity_days or LABEL_DEFAULT_DAYS
        new.repeatable = False
        if new.award_policy == AwardPolicy.MANAGERS:
            new.award_policy = AwardPolicy.ADMINS  # a label needs an assessment or head office
        levels = [_clean(level) for level in new.levels]
        if len(levels) > LEVELS_MAX or len(set(levels)) != len(levels) or any(
            not 1 <= len(level) <= LEVEL_MAX_LEN for level in levels
        ):
            raise ValidationFailed("badge_levels_invalid", "levels", max=LEVELS_MAX, len=LEVEL_MAX_LEN)
        new.levels = levels
    else:
        new.levels = []
    if new.validity_days is not None and not 1 <= new.validity_days <= VALIDITY_MAX_DAYS:
        raise ValidationFailed("badge_validity_invalid", "validityDays", max=VALIDITY_MAX_DAYS)
    return new


def _decode_image(encoded: str) -> bytes:
    payload = encoded.split(",", 1)[1] if encoded.startswith("data:") else encoded
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValidationFailed("badge_image_invalid", "image", max_mb=2) from error


async def create_badge(actor: User, new: NewBadge) -> Badge:
    """Head office builds the catalogue."""
    if actor.role != Role.ADMIN:
        raise NotAllowed()
    new = _checked(new)
    image_name = store_badge_image(_decode_image(new.image_base64)) if new.image_base64 else None
    async with atomic():
        return await Badge.create(
            organization_id=actor.organization_id,
            kind=new.kind,
            name=new.name,
            description=new.description,
            emoji=new.emoji,
            image_name=image_name,
            category=new.category,
            criteria=new.criteria,
            repeatable=new.repeatable,
            validity_days=new.validity_days,
            award_policy=new.award_policy,
            levels=new.levels,
            created_by_id=actor.id,
        )


async def get_badge(organization_id: int, badge_id: int) -> Badge:
    badge = await Badge.get_or_none(id=badge_id, organization_id=organization_id)
    if badge is None:
        raise BadgeNotFound("badgeId")
    return badge


async def list_badges(viewer: User, include_retired: bool = False) -> list[Badge]:
    query = Badge.filter(organization_id=viewer.organization_id)
    if not include_retired:
        query = query.filter(retired_at=None)
    return await query.order_by("kind", "name")


async def retire_badge(actor: User, badge_id: int) -> Badge:
    """No new awards; the ones given stay visible, marked as retired."""
    if actor.role != Role.ADMIN:
        raise NotAllowed()
    badge = await get_badge(actor.organization_id, badge_id)
    if badge.retired_at is None:
        badge.retired_at = datetime.now(UTC)
        await badge.save(update_fields=["retired_at"])
    return badge
