"""markNotificationsRead: some or all of the viewer's notifications."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.ids import parse_id
from schema.permissions import signed_in
from server.notifications import services


@strawberry.type
class MarkNotificationsReadSuccess:
    unread_count: int


async def mark_notifications_read(
    info: Info,
    ids: list[strawberry.ID] | None = strawberry.UNSET,  # type: ignore[assignment]
) -> MarkNotificationsReadSuccess:
    viewer = signed_in(info)
    chosen = None if not ids else [parse_id(i) for i in ids]
    return MarkNotificationsReadSuccess(unread_count=await services.mark_read(viewer, chosen))
