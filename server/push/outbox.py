"""Writing the outbox inside the transaction of the change that causes a notification.

Rules applied here, before anything is sent: the person's per-kind switches, quiet
hours (rows held until the morning), rank updates coalesced per challenge (one pending
row per topic, updated in place; at most one alert per window), likes gathered into one
digest, and a cap of pushes per person per hour.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.expressions import Q

from server.accounts.models import User
from server.db import Events
from server.notifications.models import Notification, NotificationKind
from server.push.models import PushMessage, PushStatus, PushSubscription
from server.push.payload import likes_digest_spec, notification_spec
from server.push.policy import LIKES_TOPIC, LIMITS, RANK_KINDS, rank_topic, rule
from server.push.preferences import preferences_of, quiet_until

OUTBOX_CHANNEL = "push:outbox"  # wakes the workers after commit
ACTORS_KEPT = 3


def _unclaimed(now: datetime) -> Q:
    return Q(claimed_until=None) | Q(claimed_until__lt=now)


async def _pending_of_topic(user_id: int, topic: str, now: datetime) -> list[PushMessage]:
    return await (
        PushMessage.filter(user_id=user_id, topic=topic, status=PushStatus.PENDING)
        .filter(_unclaimed(now))
        .select_for_update()
    )


async def _over_hourly_cap(user_id: int, now: datetime) -> bool:
    recent = await (
        PushMessage.filter(
            user_id=user_id,
            created_at__gte=now - timedelta(hours=1),
            status__in=[PushStatus.PENDING, PushStatus.SENT, PushStatus.FAILED],
        )
        .distinct()
        .values_list("event_key", flat=True)
    )
    return len(recent) >= LIMITS.hourly_cap


async def _rank_window_end(user_id: int, topic: str, now: datetime) -> datetime | None:
    """The end of the window opened by the last alert of this topic, sent or in flight
    (a waiting one was replaced in place before this is asked)."""
    last = await (
        PushMessage.filter(
            user_id=user_id, topic=topic, status__in=[PushStatus.SENT, PushStatus.PENDING]
        )
        .order_by("-id")
        .first()
    )
    if last is None:
        return None
    end = (last.sent_at or now) + timedelta(seconds=LIMITS.rank_window_seconds)
    return end if end > now else None


async def enqueue_push(
    notification: Notification,
    events: Events,
    *,
    topic: str | None = None,
    now: datetime | None = None,
) -> int:
    """Writes the outbox rows for `notification` (one per device); returns how many."""
    subscriptions = await PushSubscription.filter(user_id=notification.user_id).values_list(
        "id", flat=True
    )
    if not subscriptions:
        return 0
    user = await User.get(id=notification.user_id)
    preferences = await preferences_of(user)
    kind = str(notification.kind)
    if not preferences.pushes(kind):
        return 0
    from server.privacy.consent import granted
    from server.privacy.models import ConsentChannel

    if not await granted(user.id, ConsentChannel.PUSH, kind):
        return 0  # never chosen (opt-in, with its time: server.privacy.consent)
    now = now or datetime.now(UTC)
    due = now
    digest: dict[str, Any] | None = None

    if kind == NotificationKind.POST_LIKED:
        topic = LIKES_TOPIC
        pending = await _pending_of_topic(user.id, topic, now)
        actor = ((notification.params or {}).get("actorIds") or [None])[0]
        if pending:
            for row in pending:  # fold this like into the waiting digest
                state = dict(row.digest or {"count": 0, "actors": [], "posts": []})
                state["count"] += 1
                state["actors"] = ([actor] + [a for a in state["actors"] if a != actor])[:ACTORS_KEPT]
                post_id = (notification.params or {}).get("postId")
                if post_id not in state["posts"]:
                    state["posts"] = [*state["posts"], post_id]
                row.digest = state
                row.payload = likes_digest_spec(notification, state)
                await row.save(update_fields=["digest", "payload"])
            return 0
        digest = {"count": 1, "actors": [actor], "posts": [(notification.params or {}).get("postId")]}
        due = now + timedelta(seconds=LIMITS.likes_digest_seconds)
        payload = likes_digest_spec(notification, digest)
    else:
        if topic is None and kind in RANK_KINDS:
            topic = rank_topic(dict(notification.params or {}), notification.link)
        payload = notification_spec(notification, topic or f"n{notification.id}")
        if topic is not None:
            pending = await _pending_of_topic(user.id, topic, now)
            if pending:  # the newer standing replaces the one still waiting
                for row in pending:
                    row.payload, row.kind = payload, kind
                    row.urgency, row.ttl = rule(kind).urgency, rule(kind).ttl
                    await row.save(update_fields=["payload", "kind", "urgency", "ttl"])
                return 0
            due = await _rank_window_end(user.id, topic, now) or now

    held = quiet_until(preferences, due)
    if held is not None:
        due = held
    over_cap = await _over_hourly_cap(user.id, now)
    event_key = uuid.uuid4().hex
    await PushMessage.bulk_create(
        [
            PushMessage(
                subscription_id=subscription_id,
                user_id=user.id,
                kind=kind,
                event_key=event_key,
                topic=topic,
                urgency=rule(kind).urgency,
                ttl=rule(kind).ttl,
                payload=payload,
                digest=digest,
                not_before=due,
                status=PushStatus.SKIPPED if over_cap else PushStatus.PENDING,
                last_error="hourly_cap" if over_cap else None,
            )
            for subscription_id in subscriptions
        ]
    )
    if not over_cap:
        events.publish(OUTBOX_CHANNEL, {"due": due.isoformat()})
    return 0 if over_cap else len(subscriptions)


async def outbox_state() -> tuple[int, datetime | None]:
    """Pushes waiting and when the oldest due one became due (metrics)."""
    pending = PushMessage.filter(status=PushStatus.PENDING)
    oldest = await pending.filter(not_before__lte=datetime.now(UTC)).order_by("not_before").first()
    return await pending.count(), oldest.not_before if oldest else None
