"""Posts and likes."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from server.accounts.models import User
from server.media.models import Media
from server.network.models import Organization, Unit


class PostKind(StrEnum):
    WIN = "WIN"
    BEST_PRACTICE = "BEST_PRACTICE"
    ANNOUNCEMENT = "ANNOUNCEMENT"
    SYSTEM = "SYSTEM"


class PostAudience(StrEnum):
    UNIT = "UNIT"  # the author's team or point of sale
    REGION = "REGION"  # the author's region
    NETWORK = "NETWORK"  # the whole organisation


class Post(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "elan.Organization", related_name="posts", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="posts", on_delete=fields.CASCADE
    )
    # the author's unit when posting: where the post comes from in the network
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "elan.Unit", related_name="posts", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(PostKind, max_length=20)
    body = fields.TextField()
    # a SYSTEM post: what happened (server.texts: BADGE_AWARDED, CHALLENGE_PODIUM…) and its
    # parameters (people, badges, challenges by id), written in each reader's language;
    # none for one written before kinds were kept: its body is shown as it is
    system_kind = fields.CharField(max_length=30, null=True)
    system_params: dict[str, Any] | None = fields.JSONField(null=True)  # type: ignore[assignment]
    # who may read it: everyone at or below `audience_unit` (the root for NETWORK; none
    # also means the whole organisation, for posts written before audiences existed)
    audience = fields.CharEnumField(PostAudience, max_length=10, default=PostAudience.NETWORK)
    audience_unit: fields.ForeignKeyNullableRelation[Unit] = fields.ForeignKeyField(
        "elan.Unit", related_name="audience_posts", null=True, on_delete=fields.CASCADE
    )
    # a win: what was achieved, with an optional figure and product
    figure = fields.CharField(max_length=60, null=True)
    product = fields.CharField(max_length=80, null=True)
    # a best practice, structured so others can copy it
    context = fields.TextField(null=True)
    action = fields.TextField(null=True)
    result = fields.TextField(null=True)
    edited_at = fields.DatetimeField(null=True)
    hidden_at = fields.DatetimeField(null=True)
    hidden_reason = fields.CharField(max_length=300, null=True)
    hidden_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="hidden_posts", null=True, on_delete=fields.SET_NULL
    )
    like_count = fields.IntField(default=0)
    comment_count = fields.IntField(default=0)
    # the week's top: ln(likes + 2 × comments + 1) + age in days, kept by a trigger in the like
    # and comment transactions (migration 0012; server.feed.page_query)
    top_score = fields.FloatField(default=0)
    idempotency_key = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int
    author_id: int
    unit_id: int
    audience_unit_id: int | None
    hidden_by_id: int | None

    class Meta:
        table = "post"
        unique_together = (("author", "idempotency_key"),)
        indexes = (("organization_id", "id"), ("audience_unit_id", "id"), ("organization_id", "top_score"))


class Like(Model):
    id = fields.IntField(primary_key=True)
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "elan.Post", related_name="likes", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="likes", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    post_id: int
    user_id: int

    class Meta:
        table = "post_like"
        unique_together = (("post", "user"),)


class PostTag(Model):
    """A `#tag` of a post, lower-cased without the hash."""

    id = fields.IntField(primary_key=True)
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "elan.Post", related_name="tags", on_delete=fields.CASCADE
    )
    tag = fields.CharField(max_length=40)

    post_id: int

    class Meta:
        table = "post_tag"
        unique_together = (("post", "tag"),)
        indexes = (("tag", "post_id"),)


class PostMention(Model):
    id = fields.IntField(primary_key=True)
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "elan.Post", related_name="mentions", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="mentioned_in", on_delete=fields.CASCADE
    )

    post_id: int
    user_id: int

    class Meta:
        table = "post_mention"
        unique_together = (("post", "user"),)


class PostImage(Model):
    id = fields.IntField(primary_key=True)
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "elan.Post", related_name="images", on_delete=fields.CASCADE
    )
    media: fields.ForeignKeyRelation[Media] = fields.ForeignKeyField(
        "elan.Media", related_name="post_images", on_delete=fields.CASCADE, unique=True
    )
    position = fields.SmallIntField(default=0)

    post_id: int
    media_id: int

    class Meta:
        table = "post_image"
        indexes = (("post_id", "position"),)


class Comment(Model):
    """A flat thread under a post."""

    id = fields.IntField(primary_key=True)
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "elan.Post", related_name="comments", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="comments", on_delete=fields.CASCADE
    )
    body = fields.TextField()
    idempotency_key = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    edited_at = fields.DatetimeField(null=True)

    post_id: int
    author_id: int

    class Meta:
        table = "post_comment"
        unique_together = (("author", "idempotency_key"),)
        indexes = (("post_id", "id"),)


class PostReport(Model):
    """Someone flagged a post. Managers whose scope holds the post see it until resolved."""

    id = fields.IntField(primary_key=True)
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "elan.Post", related_name="reports", on_delete=fields.CASCADE
    )
    reporter: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="reports", on_delete=fields.CASCADE
    )
    reason = fields.CharField(max_length=300)
    created_at = fields.DatetimeField(auto_now_add=True)
    resolved_at = fields.DatetimeField(null=True)

    post_id: int
    reporter_id: int

    class Meta:
        table = "post_report"
        unique_together = (("post", "reporter"),)


class Recommendation(Model):
    """A manager pins a best practice at the top of the feeds of a unit and below, for a while."""

    id = fields.IntField(primary_key=True)
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "elan.Post", related_name="recommendations", on_delete=fields.CASCADE
    )
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "elan.Unit", related_name="recommendations", on_delete=fields.CASCADE
    )
    recommended_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="recommendations", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    ends_at = fields.DatetimeField()

    post_id: int
    unit_id: int
    recommended_by_id: int

    class Meta:
        table = "post_recommendation"
        unique_together = (("post", "unit"),)
        indexes = (("unit_id", "ends_at"),)
