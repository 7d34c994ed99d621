"""Posts and likes."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.accounts.models import User
from server.network.models import Organization, Unit


class PostKind(StrEnum):
    WIN = "WIN"
    BEST_PRACTICE = "BEST_PRACTICE"
    ANNOUNCEMENT = "ANNOUNCEMENT"
    SYSTEM = "SYSTEM"


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
    like_count = fields.IntField(default=0)
    comment_count = fields.IntField(default=0)
    idempotency_key = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int
    author_id: int
    unit_id: int

    class Meta:
        table = "post"
        unique_together = (("author", "idempotency_key"),)
        indexes = (("organization_id", "id"),)


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
