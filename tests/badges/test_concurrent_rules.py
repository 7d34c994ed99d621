"""Under PostgreSQL, the same earned event heard by several instances at once awards once."""

from __future__ import annotations

import asyncio

import pytest

from server.badges.models import Award, RuleTrigger
from server.db import atomic
from server.network.scope import scope_of_user
from tests.badges.test_rules import _rule
from tests.factories import make_network, make_user

pytestmark = pytest.mark.postgres_redis


async def test_the_same_event_racing_in_from_many_places_awards_once(live_server, caplog):
    network = await make_network()
    badge, _ = await _rule(network, RuleTrigger.QUIZ_PASSED, 80)
    seller = await make_user(network.points_of_sale["Lille"])
    payload = {"organization_id": network.organization_id, "user_id": seller.id, "quiz_id": 4, "score_percent": 95}

    async def heard() -> None:
        async with atomic() as events:
            events.emit("training.quiz_passed", payload)

    await asyncio.gather(*(heard() for _ in range(8)))
    assert await Award.filter(user_id=seller.id, badge_id=badge.id).count() == 1
    assert [r.getMessage() for r in caplog.records if r.name == "elan.hooks"] == []


async def test_two_instances_checking_labels_at_once_send_one_reminder(live_server):
    from datetime import UTC, datetime, timedelta

    from server.badges.awarding import award_badge
    from server.badges.labels import send_renewal_reminders
    from server.notifications.models import Notification, NotificationKind
    from tests.badges.factories import head_office, make_label

    network = await make_network()
    label = await make_label(network)
    admin = await head_office(network)
    holder = await make_user(network.points_of_sale["Lille"])
    await award_badge(await scope_of_user(admin), label.id, [holder.id], "Assessment réussi")
    now = datetime.now(UTC)
    await Award.filter(user_id=holder.id).update(expires_at=now + timedelta(days=10))
    await asyncio.gather(*(send_renewal_reminders(now) for _ in range(4)))
    assert await Notification.filter(user_id=holder.id, kind=NotificationKind.LABEL_EXPIRING).count() == 1
