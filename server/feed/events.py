"""Channels and payloads the feed publishes (after commit)."""

from __future__ import annotations

from typing import Any

POST_CREATED = "POST_CREATED"
LIKE_COUNT_CHANGED = "LIKE_COUNT_CHANGED"
POST_REMOVED = "POST_REMOVED"


def feed_channel(organization_id: int) -> str:
    return f"feed:{organization_id}"


def post_created(post_id: int, post: dict[str, Any]) -> dict[str, Any]:
    return {"type": POST_CREATED, "postId": post_id, "post": post}


def like_count_changed(post_id: int, like_count: int) -> dict[str, Any]:
    return {"type": LIKE_COUNT_CHANGED, "postId": post_id, "likeCount": like_count}


def post_removed(post_id: int) -> dict[str, Any]:
    return {"type": POST_REMOVED, "postId": post_id}
