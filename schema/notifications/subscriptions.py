"""Live notifications of the viewer."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from schema.context import Info
from schema.notifications.types import NotificationEvent, NotificationEventType, as_notification
from schema.permissions import signed_in
from server.bus import listen_queue
from server.notifications.events import notifications_channel
from server.notifications.services import NotificationRow, unread_count


@strawberry.type
class NotificationsSubscription:
    @strawberry.subscription(
        description="The viewer's unread count as it is now (a SNAPSHOT, version 0), then new notifications "
        "and changes of the unread count as they happen."
    )
    async def notifications(self, info: Info) -> AsyncGenerator[NotificationEvent, None]:
        viewer = signed_in(info)
        queue, stop = listen_queue(notifications_channel(viewer.id), 128)
        try:
            # counted after listening: a notification committed in between is in the count or
            # in the queue (maybe both, and a count is idempotent), never lost
            yield NotificationEvent(
                version=0, type=NotificationEventType.SNAPSHOT, notification=None,
                unread_count=await unread_count(viewer),
            )
            while True:
                message = await queue.get()
                data = message.get("notification")
                yield NotificationEvent(
                    version=int(message["version"]),
                    type=NotificationEventType(message["type"]),
                    notification=as_notification(NotificationRow.from_event(data)) if data else None,
                    unread_count=int(message["unreadCount"]),
                )
        finally:
            stop()
