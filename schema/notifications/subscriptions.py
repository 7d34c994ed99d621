"""Live notifications of the viewer."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import strawberry

from schema.context import Info
from schema.notifications.types import NotificationEvent, NotificationEventType, as_notification
from schema.permissions import signed_in
from server.accounts.models import User
from server.bus import listen_queue
from server.notifications.events import notifications_channel
from server.notifications.services import NotificationRow, unread_count


class NotificationsFollower:
    """A person's notifications: every message of their own channel, numbered by the bus (a
    gap is a lost one), after a SNAPSHOT of the unread count. The rule the subscription applies,
    whether it runs on its own (below) or shares an execution with the person's other sockets
    (schema.fanout.FeedHub)."""

    def __init__(self, viewer: User) -> None:
        self.viewer = viewer

    @classmethod
    async def create(cls, info: Info) -> NotificationsFollower:
        return cls(signed_in(info))

    @property
    def channel(self) -> str:
        return notifications_channel(self.viewer.id)

    def accept(self, message: dict[str, Any]) -> int | None:
        return int(message["version"])


    def variant(self, message: dict[str, Any]) -> tuple[Any, ...]:
        return ()

    def event(self, message: dict[str, Any], version: int) -> NotificationEvent:
        data = message.get("notification")
        return NotificationEvent(
            version=version,
            type=NotificationEventType(message["type"]),
            notification=as_notification(NotificationRow.from_event(data)) if data else None,
            unread_count=int(message["unreadCount"]),
        )

    async def snapshot(self) -> NotificationEvent:
        """Counted after listening: a notification committed in between is in the count or in
        what follows (maybe both, and a count is idempotent), never lost."""
        return NotificationEvent(
            version=0, type=NotificationEventType.SNAPSHOT, notification=None,
            unread_count=await unread_count(self.viewer),
        )


@strawberry.type
class NotificationsSubscription:
    @strawberry.subscription(
        description="The viewer's unread count as it is now (a SNAPSHOT, version 0), then new notifications "
        "and changes of the unread count as they happen."
    )
    async def notifications(self, info: Info) -> AsyncGenerator[NotificationEvent, None]:
        # A socket shares this with the person's other sockets (schema.fanout.FeedHub); this is
        # the subscription run on its own.
        follower = await NotificationsFollower.create(info)
        queue, stop = listen_queue(follower.channel, 128)
        try:
            yield await follower.snapshot()
            while True:
                message = await queue.get()
                yield follower.event(message, follower.accept(message) or 0)
        finally:
            stop()
