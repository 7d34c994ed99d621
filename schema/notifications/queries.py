"""Reading the notification centre."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.notifications.types import (
    NotificationConnection,
    NotificationEdge,
    NotificationPageInfo,
    as_notification,
)
from schema.permissions import signed_in
from server.notifications import services


@strawberry.type
class NotificationsQuery:
    @strawberry.field(description="The viewer's notifications, newest first (1 to 50 a page).",
                      extensions=[DomainErrors()])
    async def notifications(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> NotificationConnection:
        viewer = signed_in(info)
        page = await services.notification_page(viewer, first, after)
        return NotificationConnection(
            edges=[NotificationEdge(node=as_notification(row)) for row in page.rows],
            page_info=NotificationPageInfo(
                has_next_page=page.has_next_page, end_cursor=page.end_cursor
            ),
            unread_count=page.unread if page.unread is not None else await services.unread_count(viewer),
        )

    @strawberry.field(description="How many notifications the viewer has not read.")
    async def unread_notification_count(self, info: Info) -> int:
        return await services.unread_count(signed_in(info))
