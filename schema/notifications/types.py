"""GraphQL types of the notification centre."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry
from strawberry.scalars import JSON

from schema.context import Info
from schema.texts.loaders import refs_of
from schema.texts.types import TextRefs, text_refs
from server.notifications.models import NotificationKind
from server.notifications.services import NotificationRow, cursor_for
from server.texts.refs import Refs
from server.texts.render import actors, notification_text

strawberry.enum(
    NotificationKind, name="NotificationKind", description="What a notification is about."
)


@strawberry.type(
    description="One line of the notification centre: what happened (`kind` + `params`, people "
    "by id) and `text`, the sentence written in the viewer's language."
)
class Notification:
    id: strawberry.ID
    kind: NotificationKind
    link: str = strawberry.field(description="The app path to open, e.g. /posts/12.")
    count: int = strawberry.field(description="How many events are folded into this line.")
    read: bool
    created_at: datetime
    updated_at: datetime

    @strawberry.field(
        description="What happened, by id: `actorIds` (newest first), `challengeId`, `badgeId`, "
        "`postId`, `rank`… with titles (`challenge`, `badge`, `module`, `plan`, `grid`) as fallbacks."
    )
    def params(self) -> JSON:
        return dict(_row(self).params)  # type: ignore[return-value]

    @strawberry.field(description="The people, badges and challenges `params` names, as called now.")
    async def refs(self, info: Info) -> TextRefs:
        row = _row(self)
        refs = _known(row) or await refs_of(info, row.params, None)
        return text_refs(row.params, refs, info.context.language)

    @strawberry.field(description="Latest people behind it, newest first, as called now.")
    async def actor_names(self, info: Info) -> list[str]:
        row = _row(self)
        refs = _known(row) or await refs_of(info, row.params, None)
        return actors(row.params, row.actor_names, refs, info.context.language)

    @strawberry.field(description="The sentence to show, in the viewer's language.")
    async def text(self, info: Info) -> str:
        row = _row(self)
        refs = _known(row) or await refs_of(info, row.params, None)
        return notification_text(row.kind, row.params, row.actor_names, row.count, refs, info.context.language)


def _row(source: object) -> NotificationRow:
    return source  # type: ignore[return-value]  # the source is a NotificationRow


def _known(row: NotificationRow) -> Refs | None:
    """Rows of a page come resolved; a live event names its actor; otherwise ask the loader."""
    return row.refs if row.refs.people or row.refs.badges or row.refs.challenges or not _names_any(row) else None


def _names_any(row: NotificationRow) -> bool:
    p = row.params
    return bool(p.get("actorIds") or p.get("badgeId") or p.get("challengeId"))


def _edge_cursor(self: NotificationEdge) -> str:
    # written when asked (the PWA pages by `pageInfo.endCursor`: a cursor for every line was
    # about a twentieth of a page's time)
    return cursor_for(_row(self.node))


@strawberry.type
class NotificationEdge:
    cursor: str = strawberry.field(resolver=_edge_cursor)
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
