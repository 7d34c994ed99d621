"""notify(): the single way any domain tells a person something, inside its own transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from server.accounts.models import User
from server.cursors import decode_keyset, encode_keyset
from server.db import Events, atomic, read_time
from server.errors import ValidationFailed
from server.notifications.events import notifications_channel
from server.notifications.models import Notification, NotificationKind
from server.push.outbox import enqueue_push
from server.texts.refs import Refs, resolve

NAMES_KEPT = 3
PAGE_MAX = 50


@dataclass(slots=True)
class NotificationRow:
    id: int
    kind: str
    params: dict[str, Any]
    actor_names: list[str]
    count: int
    link: str
    read: bool
    created_at: datetime
    updated_at: datetime
    # the people, badges and challenges its parameters name, as they are now
    refs: Refs = field(default_factory=Refs)

    def to_event(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "params": self.params,
            "actorNames": self.actor_names,
            "count": self.count,
            "link": self.link,
            "read": self.read,
            "createdAt": self.created_at.isoformat(),
            "updatedAt": self.updated_at.isoformat(),
            "refs": self.refs.to_event(),
        }

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> NotificationRow:
        return cls(
            id=data["id"],
            kind=data["kind"],
            params=data["params"],
            actor_names=data["actorNames"],
            count=data["count"],
            link=data["link"],
            read=data["read"],
            created_at=datetime.fromisoformat(data["createdAt"]),
            updated_at=datetime.fromisoformat(data["updatedAt"]),
            refs=Refs.from_event(data.get("refs")),
        )


def _row(n: Notification, refs: Refs | None = None) -> NotificationRow:
    return NotificationRow(
        id=n.id,
        kind=str(n.kind),
        params=dict(n.params or {}),
        actor_names=list(n.actor_names or []),
        count=n.count,
        link=n.link,
        read=n.read_at is not None,
        created_at=n.created_at,
        updated_at=n.updated_at,
        refs=refs or Refs(),
    )


def _with_actor(params: dict[str, Any], actor_id: int | None, before: list[Any] | None) -> dict[str, Any]:
    """Newest actor first, each once, at most NAMES_KEPT; people are kept by id only, so a
    renamed or erased person reads as they are now."""
    if actor_id is None and before is None:
        return params
    ids = [actor_id] if actor_id is not None else []
    ids += [i for i in before or [] if i != actor_id]
    return {**params, "actorIds": ids[:NAMES_KEPT]}


async def notify(
    user_id: int,
    kind: NotificationKind,
    *,
    params: dict[str, Any] | None = None,
    actor: User | None = None,
    link: str = "/",
    group_key: str | None = None,
    events: Events | None = None,
    push: bool = True,
    push_topic: str | None = None,
) -> Notification:
    """Records a notification for `user_id` and announces it after commit.

    Call it inside the transaction of the change that causes it, so both commit or
    neither does. With a `group_key`, an unread notification of the same group is folded
    into (count + 1, newest actor first) instead of adding a line. What happened is stored
    as `kind` + `params` (people by id in `actorIds`, badges and challenges by id with their
    title as a fallback) and written in each reader's language when read or pushed.

    Unless `push` is False, the same transaction writes one push outbox row per device of
    the person, subject to their preferences, quiet hours, the hourly cap, rank-update
    coalescing (per challenge, or per `push_topic`) and the likes digest.
    """
    async with atomic() as own_events:
        sink = events or own_events
        notification: Notification | None = None
        if group_key is not None:
            notification = (
                await Notification.filter(user_id=user_id, group_key=group_key, read_at=None)
                .select_for_update()
                .first()
            )
        actor_id = actor.id if actor is not None else None
        if notification is not None:
            before = notification.params.get("actorIds")
            merged = {**notification.params, **(params or {})}
            notification.params = _with_actor(merged, actor_id, list(before or []))
            notification.count += 1
            notification.updated_at = datetime.now(UTC)
            await notification.save(update_fields=["count", "params", "updated_at"])
        else:
            notification = await Notification.create(
                user_id=user_id,
                kind=kind,
                params=_with_actor(dict(params or {}), actor_id, [] if actor_id is not None else None),
                actor_names=[],
                link=link,
                group_key=group_key,
            )
        if push:
            await enqueue_push(notification, sink, topic=push_topic)
        unread = await Notification.filter(user_id=user_id, read_at=None).count()
        sink.publish(
            notifications_channel(user_id),
            {
                "type": "NOTIFICATION",
                "notification": _row(notification, _known(actor)).to_event(),
                "unreadCount": unread,
            },
        )
    return notification


def _known(actor: User | None) -> Refs:
    """What the live event can name without a query: the actor (titles use their fallback)."""
    if actor is None:
        return Refs()
    return Refs(people={actor.id: actor.display_name}, photos={actor.id: actor.avatar_url} if actor.avatar_url else {})


def _cursor(row: NotificationRow) -> str:
    """Lines come newest change first (a like folded into a line brings it back to the top, as
    the live event does): the cursor is the line's last change, then its id."""
    at = row.updated_at.astimezone(UTC)
    return encode_keyset("notification", round((at - _EPOCH).total_seconds() * 1_000_000), row.id)


def _decode(cursor: str) -> tuple[datetime, int]:
    micros, notification_id = decode_keyset(cursor, "notification", 2)
    return _EPOCH + timedelta(microseconds=micros), notification_id


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(slots=True)
class NotificationPage:
    rows: list[NotificationRow]
    has_next_page: bool
    unread: int | None = None  # the viewer's unread count, read with the page (None: not read)

    @property
    def end_cursor(self) -> str | None:
        return _cursor(self.rows[-1]) if self.rows else None


async def notification_page(viewer: User, first: int = 20, after: str | None = None) -> NotificationPage:
    if not 1 <= first <= PAGE_MAX:
        raise ValidationFailed("page_size_invalid", "first", max=PAGE_MAX)
    before = _decode(after) if after is not None else None
    found, unread_count = await _page_with_unread(viewer.id, first + 1, before)
    shown = found[:first]
    refs = await resolve(n.params for n in shown)  # set-based: a few queries per page
    for row in shown:
        row.refs = refs
    # the unread count comes with the rows (an empty first page: nothing at all, so none unread)
    unread = unread_count if found else (0 if before is None else None)
    return NotificationPage(shown, len(found) > first, unread)


_PAGE_SQL = """
SELECT n.id, n.kind, n.params, n.actor_names, n.count, n.link, n.read_at, n.created_at, n.updated_at,
       (SELECT count(*) FROM notification r WHERE r.user_id = $1 AND r.read_at IS NULL) AS unread
  FROM notification n WHERE n.user_id = $1{before} ORDER BY n.updated_at DESC, n.id DESC LIMIT {limit}"""


async def _page_with_unread(
    user_id: int, limit: int, before: tuple[datetime, int] | None
) -> tuple[list[NotificationRow], int]:
    """The page's rows (straight from the columns, through the model's own converters) and the
    viewer's unread count: one statement."""
    from tortoise import connections

    from server.db import dialect

    values: list[Any] = [user_id]
    condition = ""
    if before is not None:
        values.extend(before)
        condition = " AND (n.updated_at, n.id) < ($2, $3)"
    values.append(limit)
    sql = _PAGE_SQL.format(before=condition, limit=f"${len(values)}")
    if dialect("$1") == "?":  # SQLite: numbered, since $1 is used twice
        sql = re.sub(r"\$(\d+)", r"?\1", sql)
    _, records = await connections.get("default").execute_query(sql, values)
    fields = Notification._meta.fields_map
    params, names, when = fields["params"].to_python_value, fields["actor_names"].to_python_value, read_time
    found = [
        NotificationRow(
            id=int(r["id"]), kind=str(r["kind"]), params=dict(params(r["params"]) or {}),
            actor_names=list(names(r["actor_names"]) or []), count=int(r["count"]), link=str(r["link"]),
            read=r["read_at"] is not None, created_at=when(r["created_at"]), updated_at=when(r["updated_at"]),
        )
        for r in records
    ]
    return found, int(records[0]["unread"]) if records else 0


async def unread_count(viewer: User) -> int:
    return await Notification.filter(user_id=viewer.id, read_at=None).count()


async def mark_read(viewer: User, ids: list[int] | None) -> int:
    """Marks the given notifications (or all when `ids` is None) read; returns unread left."""
    query = Notification.filter(user_id=viewer.id, read_at=None)
    if ids is not None:
        query = query.filter(id__in=ids)
    async with atomic() as events:
        await query.update(read_at=datetime.now(UTC))
        left = await Notification.filter(user_id=viewer.id, read_at=None).count()
        events.publish(notifications_channel(viewer.id), {"type": "READ", "unreadCount": left})
    return left


def cursor_for(row: NotificationRow) -> str:
    return _cursor(row)
