"""Hiding and reporting posts: anyone reports, managers of the post's scope hide."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError

from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.feed import events
from server.feed.audience import moderates
from server.feed.models import Post, PostReport
from server.feed.reading import get_post
from server.feed.rows import PostRow
from server.network.scope import Scope

REASON_MAX = 300


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationFailed("reason_required", "reason")
    if len(reason) > REASON_MAX:
        raise ValidationFailed("reason_too_long", "reason", max=REASON_MAX)
    return reason


async def hide_post(scope: Scope, post_id: int, reason: str) -> PostRow:
    """A manager or admin hides a post from its subtree, with a reason the author sees;
    the open reports on it are resolved at the same time."""
    reason = _reason(reason)
    post = await get_post(scope, post_id)
    if not moderates(scope, post.unit_path):
        raise NotAllowed("postId")
    now = datetime.now(UTC)
    async with atomic() as bus:
        await Post.filter(id=post_id).update(
            hidden_at=now, hidden_reason=reason, hidden_by_id=scope.user_id
        )
        await PostReport.filter(post_id=post_id, resolved_at=None).update(resolved_at=now)
        bus.publish(
            events.feed_channel(scope.organization_id),
            events.post_removed(events.POST_HIDDEN, post_id, post.audience_path),
        )
    return await get_post(scope, post_id)


async def report_post(scope: Scope, post_id: int, reason: str) -> None:
    """Reporting twice counts once."""
    reason = _reason(reason)
    post = await get_post(scope, post_id)
    try:
        async with atomic():
            await PostReport.create(post_id=post.id, reporter_id=scope.user_id, reason=reason)
    except IntegrityError:
        pass


@dataclass(slots=True)
class ReportRow:
    id: int
    reason: str
    created_at: datetime
    reporter_name: str
    post: PostRow
    reporter_photo_url: str | None = None


async def open_reports(scope: Scope) -> list[ReportRow]:
    """Unresolved reports on posts from the manager's subtree, newest first."""
    scope.require_manager()
    values = (
        await PostReport.filter(scope.subtree_filter("post__unit__"), resolved_at=None)
        .order_by("-id")
        .limit(100)
        .values("id", "reason", "created_at", "reporter__display_name", "reporter__avatar_url", "post_id")
    )
    posts: dict[int, PostRow] = {}
    for post_id in {int(v["post_id"]) for v in values}:
        posts[post_id] = await get_post(scope, post_id)
    return [
        ReportRow(
            id=int(v["id"]),
            reason=str(v["reason"]),
            created_at=v["created_at"],
            reporter_name=str(v["reporter__display_name"]),
            post=posts[int(v["post_id"])],
            reporter_photo_url=v["reporter__avatar_url"] or None,
        )
        for v in values
    ]
