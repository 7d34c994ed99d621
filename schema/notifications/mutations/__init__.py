"""The notifications domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
from schema.notifications.mutations.mark_notifications_read import (
    MarkNotificationsReadSuccess,
    mark_notifications_read,
)


@strawberry.type
class NotificationsMutation:
    mark_notifications_read: MarkNotificationsReadSuccess = mutation(
        resolver=mark_notifications_read,
        description="Mark the given notifications read, or all of them when ids is omitted.",
    )
