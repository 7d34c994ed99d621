"""GraphQL types of the notification centre."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from schema.context import Info
from server.notifications.models import NotificationKind
from server.notifications.services import NotificationRow
from server.notifications.texts import notification_text

strawberry.enum(
    NotificationKind, name="NotificationKind", description="What a notification is about."
)


@strawberry.type(description="One line of the notification centre.")
class Notification:
    id: strawberry.ID
    kind: NotificationKind
    link: str = strawberry.field(description="The app path to open, e.g. /posts/12.")
    count: int = strawberry.field(description="How many events are folded into this line.")
    actor_names: list[str] = strawberry.field(description="Latest people behind it, newest first.")
    read: bool
    created_at: datetime
    updated_at: datetime

    @strawberry.field(description="The sentence to show, in the viewer's language.")
    def text(self, info: Info) -> str:
        row = self  # the source is a NotificationRow
        return notification_text(
            row.kind, row.params, row.actor_names, row.count, info.context.language  # type: ignore[attr-defined]
        )


@strawberry.type
class NotificationEdge:
    cursor: str
    node: Notification


@strawberry.type
class NotificationPageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="A page of notifications, newest first.")
class NotificationConnection:
    edges: list[NotificationEdge]
    page_info: NotificationPageInfo
    unread_count: int


@strawberry.enum
class NotificationEventType(StrEnum):
    SNAPSHOT = "SNAPSHOT"  # first event of every subscription: the unread count as it is now
    NOTIFICATION = "NOTIFICATION"
    READ = "READ"


@strawberry.type(description="A new (or folded) notification, or a change of the unread count.")
class NotificationEvent:
    version: int
    type: NotificationEventType
    notification: Notification | None
    unread_count: int


def as_notification(row: NotificationRow) -> Notification:
    return row  # type: ignore[return-value]
