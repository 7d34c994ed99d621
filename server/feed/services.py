"""Posting, liking and reading the feed."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from server.accounts.models import Role, User
from server.db import atomic
from server.errors import ValidationFailed
from server.feed import events
from server.feed.errors import PostNotFound
from server.feed.models import Like, Post, PostKind
from server.feed.rows import POST_COLUMNS, PostRow, post_row
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.ratelimit import consume
from server.settings import get_settings

BODY_MAX = 2000
PAGE_MAX = 50
IDEMPOTENCY_KEY_MAX = 64
MEMBER_KINDS = {PostKind.WIN, PostKind.BEST_PRACTICE}
MANAGER_KINDS = MEMBER_KINDS | {PostKind.ANNOUNCEMENT}


@dataclass(slots=True)
class FeedPage:
    rows: list[PostRow]
    has_next_page: bool

    @property
    def end_cursor(self) -> str | None:
        return encode_cursor(self.rows[-1].id) if self.rows else None


def encode_cursor(post_id: int) -> str:
    return base64.urlsafe_b64encode(f"post:{post_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, value = raw.partition(":")
        if prefix != "post":
            raise ValueError(raw)
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise ValidationFailed("cursor_invalid", "after") from error


async def _post_rows(viewer: User, **filters: object) -> list[PostRow]:
    values = await Post.filter(organization_id=viewer.organization_id, **filters).values(
        *POST_COLUMNS
    )
    return [post_row(v) for v in values]


async def _mark_liked(viewer: User, rows: list[PostRow]) -> list[PostRow]:
    if rows:
        liked = set(
            await Like.filter(user_id=viewer.id, post_id__in=[r.id for r in rows]).values_list(
                "post_id", flat=True
            )
        )
        for row in rows:
            row.liked_by_me = row.id in liked
    return rows


async def feed_page(viewer: User, first: int = 20, after: str | None = None) -> FeedPage:
    """Newest first; the cursor is the last post id, so inserts never shift a page."""
    if not 1 <= first <= PAGE_MAX:
        raise ValidationFailed("page_size_invalid", "first", max=PAGE_MAX)
    query = Post.filter(organization_id=viewer.organization_id)
    if after is not None:
        query = query.filter(id__lt=decode_cursor(after))
    values = await query.order_by("-id").limit(first + 1).values(*POST_COLUMNS)
    rows = [post_row(v) for v in values[:first]]
    return FeedPage(rows=await _mark_liked(viewer, rows), has_next_page=len(values) > first)


async def get_post(viewer: User, post_id: int) -> PostRow:
    rows = await _post_rows(viewer, id=post_id)
    if not rows:
        raise PostNotFound("postId")
    return (await _mark_liked(viewer, rows))[0]


def _check_new_post(author: User, kind: PostKind, body: str, idempotency_key: str | None) -> str:
    allowed = MEMBER_KINDS if author.role == Role.MEMBER else MANAGER_KINDS
    if kind not in allowed:
        raise ValidationFailed("post_kind_not_allowed", "kind")
    body = body.strip()
    if not body:
        raise ValidationFailed("post_body_required", "body")
    if len(body) > BODY_MAX:
        raise ValidationFailed("post_body_too_long", "body", max=BODY_MAX)
    if idempotency_key is not None and not 8 <= len(idempotency_key) <= IDEMPOTENCY_KEY_MAX:
        raise ValidationFailed(
            "idempotency_key_invalid", "idempotencyKey", max=IDEMPOTENCY_KEY_MAX
        )
    return body


async def create_post(
    author: User, kind: PostKind, body: str, idempotency_key: str | None = None
) -> PostRow:
    """A new post; the same idempotency key from the same author gives back the first one."""
    body = _check_new_post(author, kind, body, idempotency_key)
    if idempotency_key is not None:
        existing = await Post.get_or_none(author_id=author.id, idempotency_key=idempotency_key)
        if existing is not None:
            return await get_post(author, existing.id)
    settings = get_settings()
    await consume(f"post:{author.id}", settings.post_rate_limit, settings.rate_window_seconds)
    try:
        async with atomic() as bus:
            post = await Post.create(
                organization_id=author.organization_id,
                author_id=author.id,
                unit_id=author.unit_id,
                kind=kind,
                body=body,
                idempotency_key=idempotency_key,
            )
            row = (await _post_rows(author, id=post.id))[0]
            bus.publish(
                events.feed_channel(author.organization_id),
                events.post_created(row.id, row.to_event()),
            )
            bus.emit(
                "feed.post_created",
                {
                    "organization_id": author.organization_id,
                    "post_id": row.id,
                    "author_id": author.id,
                    "kind": str(kind),
                },
            )
    except IntegrityError:
        # the same key raced in from a retry: the first one won, give it back
        existing = await Post.get_or_none(author_id=author.id, idempotency_key=idempotency_key)
        if existing is None:
            raise
        return await get_post(author, existing.id)
    return row


async def _like_count(post_id: int) -> int:
    rows = await Post.filter(id=post_id).values("like_count")
    return int(rows[0]["like_count"])


async def _visible_post(viewer: User, post_id: int) -> dict[str, object]:
    found = await Post.filter(id=post_id, organization_id=viewer.organization_id).values(
        "id", "author_id", "kind"
    )
    if not found:
        raise PostNotFound("postId")
    return found[0]


async def like_post(viewer: User, post_id: int) -> PostRow:
    """Idempotent: a second like changes nothing. The count moves in the same transaction as
    the like row and only when that row was really inserted, so it stays exact."""
    post = await _visible_post(viewer, post_id)
    settings = get_settings()
    await consume(f"like:{viewer.id}", settings.like_rate_limit, settings.rate_window_seconds)
    if not await Like.filter(post_id=post_id, user_id=viewer.id).exists():
        try:
            async with atomic() as bus:
                await Like.create(post_id=post_id, user_id=viewer.id)
                await Post.filter(id=post_id).update(like_count=F("like_count") + 1)
                count = await _like_count(post_id)
                bus.publish(
                    events.feed_channel(viewer.organization_id),
                    events.like_count_changed(post_id, count),
                )
                bus.emit(
                    "feed.post_liked",
                    {
                        "organization_id": viewer.organization_id,
                        "post_id": post_id,
                        "author_id": post["author_id"],
                        "like_count": count,
                    },
                )
                if post["author_id"] != viewer.id:
                    # one line per post in the author's centre, however many like it
                    await notify(
                        int(post["author_id"]),  # type: ignore[call-overload]
                        NotificationKind.POST_LIKED,
                        params={"postId": post_id, "postKind": str(post["kind"])},
                        actor_name=viewer.display_name,
                        link=f"/posts/{post_id}",
                        group_key=f"like:{post_id}",
                    )
        except IntegrityError:
            pass  # a concurrent like by the same person won; nothing more to count
    return await get_post(viewer, post_id)


async def unlike_post(viewer: User, post_id: int) -> PostRow:
    await _visible_post(viewer, post_id)
    settings = get_settings()
    await consume(f"like:{viewer.id}", settings.like_rate_limit, settings.rate_window_seconds)
    async with atomic() as bus:
        removed = await Like.filter(post_id=post_id, user_id=viewer.id).delete()
        if removed:
            await Post.filter(id=post_id).update(like_count=F("like_count") - removed)
            count = await _like_count(post_id)
            bus.publish(
                events.feed_channel(viewer.organization_id),
                events.like_count_changed(post_id, count),
            )
    return await get_post(viewer, post_id)


async def create_system_post(author: User, body: str) -> PostRow:
    """A post written by Élan on behalf of another domain (badge awarded, challenge results).

    `author` is the person the post is about or who caused it; other domains call this
    inside their own transaction so the post commits with the change it announces.
    """
    async with atomic() as bus:
        post = await Post.create(
            organization_id=author.organization_id,
            author_id=author.id,
            unit_id=author.unit_id,
            kind=PostKind.SYSTEM,
            body=body[:BODY_MAX],
        )
        row = (await _post_rows(author, id=post.id))[0]
        bus.publish(
            events.feed_channel(author.organization_id),
            events.post_created(row.id, row.to_event()),
        )
    return row


async def remove_system_post(organization_id: int, post_id: int) -> None:
    """Takes back a post Élan wrote for another domain (e.g. a revoked badge); screens drop it
    live. Call it inside the caller's transaction, like `create_system_post`."""
    async with atomic() as bus:
        removed = await Post.filter(
            id=post_id, organization_id=organization_id, kind=PostKind.SYSTEM
        ).delete()
        if removed:
            bus.publish(events.feed_channel(organization_id), events.post_removed(post_id))
