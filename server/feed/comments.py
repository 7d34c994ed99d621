"""Comments: a flat thread under a post; authors edit and delete theirs, managers moderate."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.feed import events
from server.feed.audience import moderates
from server.feed.errors import CommentNotFound, PostNotFound
from server.feed.models import Comment, Post
from server.feed.reading import COMMENT_COLUMNS, comment_row, get_post
from server.feed.rows import CommentRow, PostRow
from server.feed.services import check_idempotency_key
from server.network.scope import Scope
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.ratelimit import consume
from server.settings import get_settings

COMMENT_MAX = 1000


def _clean(body: str) -> str:
    body = body.strip()
    if not body:
        raise ValidationFailed("comment_body_required", "body")
    if len(body) > COMMENT_MAX:
        raise ValidationFailed("comment_body_too_long", "body", max=COMMENT_MAX)
    return body


async def _comment(comment_id: int) -> CommentRow:
    values = await Comment.filter(id=comment_id).values(*COMMENT_COLUMNS)
    if not values:
        raise CommentNotFound("commentId")
    return comment_row(values[0])


async def _commentable(scope: Scope, post_id: int) -> PostRow:
    post = await get_post(scope, post_id)
    if post.hidden_at is not None:
        raise PostNotFound("postId")
    return post


async def _count(post_id: int) -> int:
    return int((await Post.filter(id=post_id).values("comment_count"))[0]["comment_count"])


async def add_comment(
    scope: Scope, post_id: int, body: str, idempotency_key: str | None = None
) -> tuple[CommentRow, PostRow]:
    """The same idempotency key from the same person gives back the first comment."""
    body = _clean(body)
    check_idempotency_key(idempotency_key)
    viewer = scope.user
    if viewer is None:
        raise NotAllowed()
    post = await _commentable(scope, post_id)
    if idempotency_key is not None:
        found = await Comment.filter(author_id=viewer.id, idempotency_key=idempotency_key).values_list("id", flat=True)
        if found:
            return await _comment(int(found[0])), await get_post(scope, post_id)  # type: ignore[call-overload]
    settings = get_settings()
    await consume(f"comment:{viewer.id}", settings.like_rate_limit, settings.rate_window_seconds)
    try:
        async with atomic() as bus:
            comment = await Comment.create(
                post_id=post_id, author_id=viewer.id, body=body, idempotency_key=idempotency_key
            )
            await Post.filter(id=post_id).update(comment_count=F("comment_count") + 1)
            row = await _comment(comment.id)
            count = await _count(post_id)
            bus.publish(
                events.feed_channel(viewer.organization_id),
                events.comment_changed(
                    events.COMMENT_ADDED, post_id, count, post.audience_path, row.to_event()
                ),
            )
            if post.author.id != viewer.id:
                await notify(
                    post.author.id,
                    NotificationKind.POST_COMMENTED,
                    params={"postId": post_id, "commentId": comment.id},
                    actor=viewer,
                    link=f"/posts/{post_id}",
                    group_key=f"comment:{post_id}",
                )
    except IntegrityError:
        found = await Comment.filter(author_id=viewer.id, idempotency_key=idempotency_key).values_list("id", flat=True)
        if not found:
            raise
        return await _comment(int(found[0])), await get_post(scope, post_id)  # type: ignore[call-overload]
    return row, await get_post(scope, post_id)


async def edit_comment(scope: Scope, comment_id: int, body: str) -> CommentRow:
    body = _clean(body)
    row = await _comment(comment_id)
    post = await _commentable(scope, row.post_id)
    if row.author.id != scope.user_id:
        raise NotAllowed("commentId")
    async with atomic() as bus:
        await Comment.filter(id=comment_id).update(body=body, edited_at=datetime.now(UTC))
        row = await _comment(comment_id)
        bus.publish(
            events.feed_channel(scope.organization_id),
            events.comment_changed(
                events.COMMENT_EDITED, post.id, post.comment_count, post.audience_path, row.to_event()
            ),
        )
    return row


async def delete_comment(scope: Scope, comment_id: int) -> PostRow:
    """Its author, or a manager who moderates the post, removes a comment."""
    row = await _comment(comment_id)
    post = await get_post(scope, row.post_id)
    if row.author.id != scope.user_id and not moderates(scope, post.unit_path):
        raise NotAllowed("commentId")
    async with atomic() as bus:
        removed = await Comment.filter(id=comment_id).delete()
        if removed:
            await Post.filter(id=post.id).update(comment_count=F("comment_count") - removed)
            bus.publish(
                events.feed_channel(scope.organization_id),
                events.comment_changed(
                    events.COMMENT_DELETED,
                    post.id,
                    await _count(post.id),
                    post.audience_path,
                    comment_id=comment_id,
                ),
            )
    return await get_post(scope, post.id)
