"""What the service worker receives: text already in the person's language, small."""

from __future__ import annotations

import json
from typing import Any

from server.notifications.models import Notification
from server.notifications.texts import likes_digest_text, notification_text, push_title

ICON = "/icon-192.png"
BADGE = "/badge-72.png"
BODY_MAX = 400


def _clip(text: str) -> str:
    return text if len(text) <= BODY_MAX else text[: BODY_MAX - 1] + "…"


def notification_payload(notification: Notification, language: str, tag: str) -> dict[str, Any]:
    body = notification_text(
        str(notification.kind),
        dict(notification.params or {}),
        list(notification.actor_names or []),
        notification.count,
        language,
    )
    return {
        "id": notification.id,
        "kind": str(notification.kind),
        "title": push_title(str(notification.kind), language),
        "body": _clip(body),
        "link": notification.link,
        "tag": tag,
        "lang": language,
        "icon": ICON,
        "badge": BADGE,
    }


def likes_digest_payload(
    notification: Notification, digest: dict[str, Any], language: str
) -> dict[str, Any]:
    """One push for many likes: one post reads like its centre line, several posts sum up."""
    actors: list[str] = digest["actors"]
    if len(digest["posts"]) == 1:
        body = notification_text("POST_LIKED", {}, actors, digest["count"], language)
        link = notification.link
    else:
        body = likes_digest_text(actors[0] if actors else "", digest["count"], language)
        link = "/notifications"
    return {
        "id": notification.id,
        "kind": "POST_LIKED",
        "title": push_title("POST_LIKED", language),
        "body": _clip(body),
        "link": link,
        "tag": "likes",
        "lang": language,
        "icon": ICON,
        "badge": BADGE,
    }


def encoded(payload: dict[str, Any]) -> bytes:
    """The JSON the service worker reads, kept under the push size limit (4 KB of
    ciphertext): a body that would pass it is shortened."""
    from server.push.policy import LIMITS

    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    while len(data) > LIMITS.payload_max_bytes and len(payload.get("body", "")) > 1:
        payload = {**payload, "body": payload["body"][: len(payload["body"]) // 2] + "…"}
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return data
