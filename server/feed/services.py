"""Posting, editing, deleting and liking; reading lives in `server.feed.reading`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from server.accounts.models import Role, User
from server.db import Events, atomic
from server.errors import NotAllowed, ValidationFailed
from server.feed import events
from server.feed.audience import audience_unit_id, moderates
from server.feed.errors import PostNotFound, SystemPostNotEditable
from server.feed.models import (
    Like,
    Post,
    PostAudience,
    PostImage,
    PostKind,
    PostMention,
    PostTag,
)
from server.feed.reading import (  # noqa: F401 - the feed's public reading API
    PAGE_MAX,
    FeedFilter,
    FeedOrder,
    FeedPage,
    comment_page,
    decode_cursor,
    encode_cursor,
    feed_page,
    get_post,
    normalize_tag,
)
from server.feed.rows import PostRow
from server.media.cleanup import delete_files
from server.media.models import Media
from server.network.scope import Scope
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.ratelimit import consume
from server.settings import get_settings

BODY_MAX = 2000
FIELD_MAX = 1000
IDEMPOTENCY_KEY_MAX = 64
IMAGES_MAX = 4
TAGS_MAX = 10
MENTIONS_MAX = 10
MENTION_RATE_LIMIT = 60  # people mentioned per author per rate window
MEMBER_KINDS = {PostKind.WIN, PostKind.BEST_PRACTICE}
MANAGER_KINDS = MEMBER_KINDS | {PostKind.ANNOUNCEMENT}
TAG_PATTERN = re.compile(r"(?<![\w#])#([\w-]{2,40})")


@dataclass(slots=True)
class PostContent:
    """What the author writes; the structured parts depend on the kind."""

    body: str
    figure: str | None = None
    product: str | None = None
    context: str | None = None
    action: str | None = None
    result: str | None = None


@dataclass(slots=True)
class NewPost:
    kind: PostKind
    content: PostContent
    audience: PostAudience = PostAudience.NETWORK
    image_ids: list[int] = field(default_factory=list)
    mention_ids: list[int] = field(default_factory=list)
    idempotency_key: str | None = None


def tags_in(*texts: str | None) -> list[str]:
    found: list[str] = []
    for text in texts:
        for tag in TAG_PATTERN.findall(text or ""):
            tag = tag.lower()
            if tag not in found:
                found.append(tag)
    return found[:TAGS_MAX]


def _optional(value: str | None, name: str, limit: int) -> str | None:
    value = (value or "").strip() or None
    if value is not None and len(value) > limit:
        raise ValidationFailed("post_field_too_long", name, max=limit)
    return value


def _clean_content(kind: PostKind, content: PostContent) -> PostContent:
    body = content.body.strip()
    if not body:
        raise ValidationFailed("post_body_required", "body")
    if len(body) > BODY_MAX:
        raise ValidationFailed("post_body_too_long", "body", max=BODY_MAX)
    clean = PostContent(body=body)
    if kind == PostKind.WIN:
        clean.figure = _optional(content.figure, "figure", 60)
        clean.product = _optional(content.product, "product", 80)
    if kind == PostKind.BEST_PRACTICE:
        clean.context = _optional(content.context, "context", FIELD_MAX)
        clean.action = _optional(content.action, "action", FIELD_MAX)
        clean.result = _optional(content.result, "result", FIELD_MAX)
    return clean


def check_idempotency_key(key: str | None) -> None:
    if key is not None and not 8 <= len(key) <= IDEMPOTENCY_KEY_MAX:
        raise ValidationFailed("idempotency_key_invalid", "idempotencyKey", max=IDEMPOTENCY_KEY_MAX)


def _check_new_post(author: User, new: NewPost) -> PostContent:
    allowed = MEMBER_KINDS if author.role == Role.MEMBER else MANAGER_KINDS
    if new.kind not in allowed:
        raise ValidationFailed("post_kind_not_allowed", "kind")
    content = _clean_content(new.kind, new.content)
    check_idempotency_key(new.idempotency_key)
    if len(new.image_ids) > IMAGES_MAX:
        raise ValidationFailed("post_images_too_many", "imageIds", max=IMAGES_MAX)
    if len(new.mention_ids) > MENTIONS_MAX:
        raise ValidationFailed("post_mentions_too_many", "mentionIds", max=MENTIONS_MAX)
    return content


async def _attach_images(author: User, post_id: int, image_ids: list[int]) -> None:
    ids = list(dict.fromkeys(image_ids))
    owned = set(
        await Media.filter(id__in=ids, owner_id=author.id, post_images__id=None).values_list(
            "id", flat=True
        )
    )
    if len(owned) != len(ids):
        raise ValidationFailed("post_image_unknown", "imageIds")
    await PostImage.bulk_create(
        [PostImage(post_id=post_id, media_id=media_id, position=n) for n, media_id in enumerate(ids)]
    )


async def _check_mentions(author: User, mention_ids: list[int]) -> list[int]:
    """The people of the author's organisation to mention (not those who left), counted against
    the author's mention limit before anything is written."""
    people: list[Any] = await User.filter(
        id__in=list(dict.fromkeys(mention_ids)), organization_id=author.organization_id, deactivated_at=None
    ).values_list("id", flat=True)
    settings = get_settings()
    for _ in people:
        await consume(f"mention:{author.id}", MENTION_RATE_LIMIT, settings.rate_window_seconds)
    return [int(p) for p in people]


async def _mention(author: User, post_id: int, people: list[int], bus: Events) -> None:
    if not people:
        return
    await PostMention.bulk_create([PostMention(post_id=post_id, user_id=p) for p in people])
    for person in people:
        if person != author.id:
            await notify(
                int(person),  # type: ignore[call-overload]
                NotificationKind.MENTIONED,
                params={"postId": post_id},
                actor=author,
                link=f"/posts/{post_id}",
            )


async def _existing(scope: Scope, idempotency_key: str | None) -> PostRow | None:
    if idempotency_key is None:
        return None
    found = await Post.filter(author_id=scope.user_id, idempotency_key=idempotency_key).values_list(
        "id", flat=True
    )
    return await get_post(scope, int(found[0])) if found else None  # type: ignore[call-overload]


def _author(scope: Scope) -> User:
    if scope.user is None:
        raise NotAllowed()
    return scope.user


async def create_post(
    scope: Scope,
    kind: PostKind | NewPost,
    body: str | None = None,
    idempotency_key: str | None = None,
) -> PostRow:
    """A new post; the same idempotency key from the same author gives back the first one."""
    author = _author(scope)
    new = kind if isinstance(kind, NewPost) else NewPost(
        kind=kind, content=PostContent(body=body or ""), idempotency_key=idempotency_key
    )
    content = _check_new_post(author, new)
    existing = await _existing(scope, new.idempotency_key)
    if existing is not None:
        return existing
    settings = get_settings()
    await consume(f"post:{author.id}", settings.post_rate_limit, settings.rate_window_seconds)
    mentioned = await _check_mentions(author, new.mention_ids) if new.mention_ids else []
    audience_id = await audience_unit_id(scope, new.audience)
    try:
        async with atomic() as bus:
            post = await Post.create(
                organization_id=author.organization_id,
                author_id=author.id,
                unit_id=author.unit_id,
                kind=new.kind,
                body=content.body,
                figure=content.figure,
                product=content.product,
                context=content.context,
                action=content.action,
                result=content.result,
                audience=new.audience,
                audience_unit_id=audience_id,
                idempotency_key=new.idempotency_key,
            )
            tags = tags_in(content.body, content.context, content.action, content.result)
            if tags:
                await PostTag.bulk_create([PostTag(post_id=post.id, tag=t) for t in tags])
            if new.image_ids:
                await _attach_images(author, post.id, new.image_ids)
            if mentioned:
                await _mention(author, post.id, mentioned, bus)
            row = await get_post(scope, post.id)
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
                    "kind": str(new.kind),
                },
            )
    except IntegrityError:
        # the same key raced in from a retry: the first one won, give it back
        existing = await _existing(scope, new.idempotency_key)
        if existing is None:
            raise
        return existing
    return row


async def edit_post(scope: Scope, post_id: int, content: PostContent) -> PostRow:
    """Only the author edits, and never a post Élan wrote (a podium, a badge: SYSTEM);
    tags follow the new text."""
    row = await get_post(scope, post_id)
    if row.kind == PostKind.SYSTEM:
        raise SystemPostNotEditable("postId")
    if row.author.id != scope.user_id:
        raise NotAllowed("postId")
    clean = _clean_content(PostKind(row.kind), content)
    async with atomic() as bus:
        await Post.filter(id=post_id).update(
            body=clean.body,
            figure=clean.figure,
            product=clean.product,
            context=clean.context,
            action=clean.action,
            result=clean.result,
            edited_at=datetime.now(UTC),
        )
        await PostTag.filter(post_id=post_id).delete()
        tags = tags_in(clean.body, clean.context, clean.action, clean.result)
        if tags:
            await PostTag.bulk_create([PostTag(post_id=post_id, tag=t) for t in tags])
        row = await get_post(scope, post_id)
        if row.hidden_at is None:
            bus.publish(
                events.feed_channel(scope.organization_id),
                events.post_edited(post_id, row.to_event()),
            )
    return row


async def delete_post(scope: Scope, post_id: int) -> None:
    """The author deletes a post; a post Élan wrote (SYSTEM) only its moderators do. The
    post goes with its photos (rows in the same transaction, files after commit)."""
    row = await get_post(scope, post_id)
    if row.kind == PostKind.SYSTEM:
        if not moderates(scope, row.unit_path):
            raise NotAllowed("postId")
    elif row.author.id != scope.user_id:
        raise NotAllowed("postId")
    async with atomic() as bus:
        media_ids = await PostImage.filter(post_id=post_id).values_list("media_id", flat=True)
        keys = [str(k) for k in await Media.filter(id__in=media_ids).values_list("key", flat=True)]
        await Post.filter(id=post_id).delete()
        await Media.filter(id__in=media_ids).delete()
        bus.publish(
            events.feed_channel(scope.organization_id),
            events.post_removed(events.POST_DELETED, post_id, row.audience_path),
        )
    await delete_files(keys)


async def _visible_post(scope: Scope, post_id: int) -> PostRow:
    row = await get_post(scope, post_id)
    if row.hidden_at is not None:
        raise PostNotFound("postId")
    return row


async def _like_count(post_id: int) -> int:
    rows = await Post.filter(id=post_id).values("like_count")
    return int(rows[0]["like_count"])


async def like_post(scope: Scope, post_id: int) -> PostRow:
    """Idempotent: a second like changes nothing. The count moves in the same transaction as
    the like row and only when that row was really inserted, so it stays exact."""
    viewer = _author(scope)
    post = await _visible_post(scope, post_id)
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
                    events.like_count_changed(post_id, count, post.audience_path),
                )
                bus.emit(
                    "feed.post_liked",
                    {
                        "organization_id": viewer.organization_id,
                        "post_id": post_id,
                        "author_id": post.author.id,
                        "like_count": count,
                    },
                )
                if post.author.id != viewer.id:
                    # one line per post in the author's centre, however many like it
                    await notify(
                        post.author.id,
                        NotificationKind.POST_LIKED,
                        params={"postId": post_id, "postKind": post.kind},
                        actor=viewer,
                        link=f"/posts/{post_id}",
                        group_key=f"like:{post_id}",
                    )
        except IntegrityError:
            pass  # a concurrent like by the same person won; nothing more to count
    return await get_post(scope, post_id)


async def unlike_post(scope: Scope, post_id: int) -> PostRow:
    viewer = _author(scope)
    post = await _visible_post(scope, post_id)
    settings = get_settings()
    await consume(f"like:{viewer.id}", settings.like_rate_limit, settings.rate_window_seconds)
    async with atomic() as bus:
        removed = await Like.filter(post_id=post_id, user_id=viewer.id).delete()
        if removed:
            await Post.filter(id=post_id).update(like_count=F("like_count") - removed)
            count = await _like_count(post_id)
            bus.publish(
                events.feed_channel(viewer.organization_id),
                events.like_count_changed(post_id, count, post.audience_path),
            )
    return await get_post(scope, post_id)
