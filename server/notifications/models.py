"""Notifications kept for the in-app notification centre."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from server.accounts.models import User


class NotificationKind(StrEnum):
    POST_LIKED = "POST_LIKED"  # grouped per post: "Julie et 4 autres aiment votre réussite"
    POST_COMMENTED = "POST_COMMENTED"
    MENTIONED = "MENTIONED"
    POST_RECOMMENDED = "POST_RECOMMENDED"
    RANK_OVERTAKEN = "RANK_OVERTAKEN"
    RANK_UP = "RANK_UP"
    TOP_THREE = "TOP_THREE"
    BADGE_RECEIVED = "BADGE_RECEIVED"
    LABEL_RECEIVED = "LABEL_RECEIVED"
    LABEL_EXPIRING = "LABEL_EXPIRING"
    CHALLENGE_STARTED = "CHALLENGE_STARTED"
    CHALLENGE_ENDING = "CHALLENGE_ENDING"
    DUEL_INVITATION = "DUEL_INVITATION"
    TRAINING_ASSIGNED = "TRAINING_ASSIGNED"
    TRAINING_REMINDER = "TRAINING_REMINDER"
    ACTION_PLAN_UPDATED = "ACTION_PLAN_UPDATED"
    ASSESSMENT_SHARED = "ASSESSMENT_SHARED"


class Notification(Model):
    """One line of a person's notification centre.

    Notifications that share a `group_key` (e.g. the likes of one post) fold into one
    line while it is unread: `actor_names` keeps the latest names, `count` the total.
    """

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="notifications", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(NotificationKind, max_length=30)
    params: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]
    actor_names: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    count = fields.IntField(default=1)
    link = fields.CharField(max_length=300, default="/")
    group_key = fields.CharField(max_length=120, null=True)
    read_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    user_id: int

    class Meta:
        table = "notification"
        # the bell reads newest change first (a folded line comes back to the top)
        indexes = (("user_id", "id"), ("user_id", "group_key", "read_at"), ("user_id", "updated_at", "id"))
