"""A manager recommends a best practice to units: pinned at the top of their feeds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.feed.models import PostKind, Recommendation
from server.feed.reading import get_post
from server.feed.rows import PostRow
from server.network.models import Unit
from server.network.scope import Scope
from server.notifications.models import NotificationKind
from server.notifications.services import notify

DAYS_MAX = 90
UNITS_MAX = 50


async def recommend_post(
    scope: Scope, post_id: int, unit_ids: list[int], days: int
) -> PostRow:
    """Managers recommend a post they read to units they manage (their subtree; admins: the
    organisation). Recommending again to the same unit moves its end date."""
    scope.require_manager()
    manager = scope.user
    if manager is None:
        raise NotAllowed()
    if not 1 <= days <= DAYS_MAX:
        raise ValidationFailed("recommendation_days_invalid", "days", max=DAYS_MAX)
    unit_ids = list(dict.fromkeys(unit_ids))
    if not 1 <= len(unit_ids) <= UNITS_MAX:
        raise ValidationFailed("recommendation_units_invalid", "unitIds", max=UNITS_MAX)
    post = await get_post(scope, post_id)
    if post.kind != PostKind.BEST_PRACTICE or post.hidden_at is not None:
        raise ValidationFailed("recommendation_not_best_practice", "postId")
    units = await Unit.filter(scope.subtree_filter(""), id__in=unit_ids).values_list("id", flat=True)
    if len(units) != len(unit_ids):
        raise NotAllowed("unitIds")
    ends_at = datetime.now(UTC) + timedelta(days=days)
    async with atomic() as bus:
        for unit_id in units:
            updated = await Recommendation.filter(post_id=post_id, unit_id=unit_id).update(
                ends_at=ends_at, recommended_by_id=manager.id
            )
            if not updated:
                await Recommendation.create(
                    post_id=post_id, unit_id=unit_id, recommended_by_id=manager.id, ends_at=ends_at
                )
        if post.author.id != manager.id:
            await notify(
                post.author.id,
                NotificationKind.POST_RECOMMENDED,
                params={"postId": post_id, "units": len(units)},
                actor=manager,
                link=f"/posts/{post_id}",
            )
        bus.emit(
            "feed.post_recommended",
            {
                "organization_id": manager.organization_id,
                "post_id": post_id,
                "author_id": post.author.id,
                "unit_ids": [int(u) for u in units],  # type: ignore[call-overload]
            },
        )
    return await get_post(scope, post_id)
