"""A notification is its recipient's alone: `markNotificationsRead(ids)` with someone else's id
changes nothing of theirs, whoever asks (a seller of the region, the manager of a sibling region,
the manager of a unit below, head office, another organisation)."""

from __future__ import annotations

from server.notifications.models import Notification, NotificationKind
from server.notifications.services import notify
from tests.scope_world import World, enforce, make_world, rule

MARK = "mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { unreadCount } }"


async def _owners_notification(world: World) -> None:
    notification = await notify(world.users["owner"].id, NotificationKind.MENTIONED, params={"postId": 1}, push=False)
    world.things["notification"] = notification.id


async def marks_read(world: World, actor: str) -> bool:
    notification = world.things["notification"]
    body = await world.execute(actor, MARK, {"ids": [str(notification)]})
    assert not body.get("errors")
    return (await Notification.get(id=notification)).read_at is not None


async def test_marking_read_reaches_only_ones_own_notifications(live_server):
    world = await make_world(live_server)
    await enforce(world, rule("markNotificationsRead(ids)", marks_read, {"owner"}, also=["admin"]),
                  prepare=_owners_notification)
