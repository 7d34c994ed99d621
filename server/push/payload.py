"""What the service worker receives, small, in the recipient's language.

The outbox keeps what happened (kind, parameters, people by id); the worker writes the
sentence when it sends, in the language the person reads now and with the names as they
are now (server.texts), for a whole batch in a few queries.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from server.accounts.models import User
from server.notifications.models import Notification
from server.privacy.pseudonym import localized
from server.push.delivery import Outbound
from server.texts.refs import Refs, resolve
from server.texts.render import likes_digest_text, notification_text, push_title

ICON = "/icon-192.png"
BADGE = "/badge-72.png"
BODY_MAX = 400


def _clip(text: str) -> str:
    return text if len(text) <= BODY_MAX else text[: BODY_MAX - 1] + "…"


def notification_spec(notification: Notification, tag: str) -> dict[str, Any]:
    """The outbox copy of a notification: what happened, not yet a sentence."""
    return {
        "id": notification.id,
        "to": notification.user_id,
        "kind": str(notification.kind),
        "params": dict(notification.params or {}),
        "names": list(notification.actor_names or []),  # only rows from before ids were kept
        "count": notification.count,
        "link": notification.link,
        "tag": tag,
    }


def likes_digest_spec(notification: Notification, digest: dict[str, Any]) -> dict[str, Any]:
    """One push for many likes: `digest` holds the count, the actor ids and the posts."""
    return {
        "id": notification.id,
        "to": notification.user_id,
        "kind": "POST_LIKED",
        "digest": digest,
        "link": notification.link,
        "tag": "likes",
    }


def render_payload(spec: dict[str, Any], language: str, refs: Refs) -> dict[str, Any]:
    """The payload the service worker shows, written in `language`."""
    if "body" in spec:  # written before the outbox kept specs
        return spec
    kind = str(spec["kind"])
    link = str(spec["link"])
    if "digest" in spec:
        digest = spec["digest"]
        people = [a for a in digest.get("actors") or []]
        ids = [a for a in people if isinstance(a, int)]
        names = [str(a) for a in people if not isinstance(a, int)]
        params = {"actorIds": ids} if ids else {}
        if len(digest.get("posts") or []) <= 1:
            body = notification_text("POST_LIKED", params, names, int(digest["count"]), refs, language)
        else:
            first = refs.person(ids[0], language) if ids else names[0] if names else ""
            body = likes_digest_text(first, int(digest["count"]), language)
            link = "/notifications"
    else:
        body = notification_text(
            kind, spec.get("params") or {}, spec.get("names") or [], int(spec.get("count") or 1), refs, language
        )
    return {
        "id": spec["id"],
        "kind": kind,
        "title": push_title(kind, language),
        "body": _clip(localized(body, language)),  # names copied into the spec may be erased since
        "link": link,
        "tag": spec.get("tag"),
        "lang": language,
        "icon": ICON,
        "badge": BADGE,
    }


def _params_of(spec: dict[str, Any]) -> dict[str, Any]:
    if "digest" in spec:
        return {"actorIds": [a for a in spec["digest"].get("actors") or [] if isinstance(a, int)]}
    return dict(spec.get("params") or {})


async def write_batch(messages: Sequence[Outbound]) -> None:
    """Writes each claimed message's payload in its recipient's language, in place: one
    query for the recipients' languages, a few for what the batch names."""
    specs = [m for m in messages if "body" not in m.payload]
    if not specs:
        return
    recipients = {int(m.payload["to"]) for m in specs if m.payload.get("to") is not None}
    languages = dict(await User.filter(id__in=recipients).values_list("id", "language")) if recipients else {}
    refs = await resolve(_params_of(m.payload) for m in specs)
    for message in specs:
        language = languages.get(message.payload.get("to")) or "fr"
        message.payload = render_payload(message.payload, str(language), refs)


def encoded(payload: dict[str, Any]) -> bytes:
    """The JSON the service worker reads, kept under the push size limit (4 KB of
    ciphertext): a body that would pass it is shortened."""
    from server.push.policy import LIMITS

    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    while len(data) > LIMITS.payload_max_bytes and len(payload.get("body", "")) > 1:
        payload = {**payload, "body": payload["body"][: len(payload["body"]) // 2] + "…"}
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return data


async def notification_payload(notification: Notification, language: str, tag: str) -> dict[str, Any]:
    """One notification's payload written at once, names as they are now (tests, previews)."""
    refs = await resolve([dict(notification.params or {})])
    return render_payload(notification_spec(notification, tag), language, refs)
