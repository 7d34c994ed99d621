"""Channels and payloads the feed publishes (after commit).

Every payload carries the post's `audiencePath`, so each subscriber keeps only what its
audience may see (see `schema.feed.subscriptions`)."""

from __future__ import annotations

from typing import Any

POST_CREATED = "POST_CREATED"
POST_EDITED = "POST_EDITED"
POST_HIDDEN = "POST_HIDDEN"
POST_DELETED = "POST_DELETED"
LIKE_COUNT_CHANGED = "LIKE_COUNT_CHANGED"
COMMENT_ADDED = "COMMENT_ADDED"
COMMENT_EDITED = "COMMENT_EDITED"
COMMENT_DELETED = "COMMENT_DELETED"
POST_REMOVED = "POST_REMOVED"  # a system post taken back (e.g. a revoked badge)


def feed_channel(organization_id: int) -> str:
    return f"feed:{organization_id}"


def post_created(post_id: int, post: dict[str, Any]) -> dict[str, Any]:
    return {"type": POST_CREATED, "postId": post_id, "post": post, "audiencePath": post["audiencePath"]}


def post_edited(post_id: int, post: dict[str, Any]) -> dict[str, Any]:
    return {"type": POST_EDITED, "postId": post_id, "post": post, "audiencePath": post["audiencePath"]}


def post_removed(kind: str, post_id: int, audience_path: str) -> dict[str, Any]:
    return {"type": kind, "postId": post_id, "audiencePath": audience_path}


def like_count_changed(post_id: int, like_count: int, audience_path: str) -> dict[str, Any]:
    return {
        "type": LIKE_COUNT_CHANGED,
        "postId": post_id,
        "likeCount": like_count,
        "audiencePath": audience_path,
    }


def comment_changed(
    kind: str,
    post_id: int,
    comment_count: int,
    audience_path: str,
    comment: dict[str, Any] | None = None,
    comment_id: int | None = None,
) -> dict[str, Any]:
    return {
        "type": kind,
        "postId": post_id,
        "commentCount": comment_count,
        "comment": comment,
        "commentId": comment_id if comment_id is not None else (comment or {}).get("id"),
        "audiencePath": audience_path,
    }
