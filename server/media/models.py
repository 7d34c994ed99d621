"""Uploaded images: one row per upload, its two WebP renditions kept in the media storage."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from server.accounts.models import User


class Media(Model):
    """An image re-encoded on upload, kept as two WebP files in the media storage."""

    # `key` names both files (<key>-feed.webp, <key>-full.webp): random, so never guessed

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=40, unique=True)
    owner: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="media", on_delete=fields.CASCADE
    )
    organization_id = fields.IntField(db_index=True)
    width = fields.IntField()
    height = fields.IntField()
    feed_width = fields.IntField()
    feed_height = fields.IntField()
    size_bytes = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)

    owner_id: int

    class Meta:
        table = "media"
