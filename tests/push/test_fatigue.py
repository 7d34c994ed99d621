"""Preferences, quiet hours, the hourly cap, rank coalescing and the likes digest each
change what the local push service receives."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from server.db import atomic
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.push.models import PushMessage, PushStatus
from server.push.policy import LIMITS
from server.push.worker import in_server_worker
from tests.factories import make_network, signed_in
from tests.feed.test_feed import LIKE, post_as
from tests.graphql_client import GraphQLClient
from tests.push.conftest import person_with_device
from tests.push.test_delivery import colleague, overtaken

SWITCH = """
mutation ($kind: NotificationKind!, $enabled: Boolean!) {
  updatePushPreferences(input: {kinds: [{kind: $kind, enabled: $enabled}]}) {
    __typename ... on UpdatePushPreferencesSuccess { preferences { kinds { kind enabled } } }
  }
}
"""
QUIET = """
mutation ($start: String!, $end: String!) {
  updatePushPreferences(input: {quietHoursEnabled: true, quietHoursStart: $start, quietHoursEnd: $end}) {
    __typename ... on UpdatePushPreferencesSuccess { preferences { quietHoursStart quietHoursEnd timeZone } }
    ... on ValidationError { code }
  }
}
"""
PREFERENCES = "{ pushPreferences { quietHoursEnabled quietHoursStart quietHoursEnd kinds { kind enabled enabledByDefault } } }"


async def badge(user_id: int, name: str = "Closer du mois") -> None:
    async with atomic():
        await notify(user_id, NotificationKind.BADGE_RECEIVED, params={"badge": name}, link="/me")


def bodies(push_service, device) -> list[str]:
    return [a.payload["body"] for a in push_service.arrived(device)]


async def test_defaults_push_what_matters_and_quiet_hours_are_21_to_8(live_server, push_service):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as client:
        preferences = (await client.execute(PREFERENCES))["pushPreferences"]
    assert preferences["quietHoursEnabled"] is True
    assert (preferences["quietHoursStart"], preferences["quietHoursEnd"]) == ("21:00", "08:00")
    enabled = {k["kind"] for k in preferences["kinds"] if k["enabled"]}
    assert {"RANK_OVERTAKEN", "TOP_THREE", "BADGE_RECEIVED", "POST_LIKED", "DUEL_INVITATION"} <= enabled
    assert "ACTION_PLAN_UPDATED" not in enabled


async def test_a_kind_switched_off_is_not_pushed_but_stays_in_the_centre(live_server, push_service, quick_push):
    # given Julie switched off rank alerts
    julie = await person_with_device(live_server, push_service)
    async with GraphQLClient(live_server.url, token=julie.token) as client:
        result = await client.execute(SWITCH, {"kind": "RANK_OVERTAKEN", "enabled": False})
        assert result["updatePushPreferences"]["__typename"] == "UpdatePushPreferencesSuccess"
    # when she is overtaken, then receives a badge
    await overtaken(julie.user_id)
    await badge(julie.user_id)
    # then only the badge reaches her phone
    await push_service.wait_until(lambda: push_service.arrived(julie.device))
    await asyncio.sleep(0.3)
    assert bodies(push_service, julie.device) == ["Vous recevez le badge « Closer du mois »"]
    async with GraphQLClient(live_server.url, token=julie.token) as client:
        centre = await client.execute("{ notifications(first: 5) { unreadCount } }")
    assert centre["notifications"]["unreadCount"] == 2


async def test_quiet_hours_hold_pushes_until_they_end(live_server, push_service, quick_push):
    # given Julie's quiet hours cover the present moment in Paris
    julie = await person_with_device(live_server, push_service, quiet_hours=True)
    paris = datetime.now(UTC).astimezone(ZoneInfo("Europe/Paris"))
    start = (paris - timedelta(hours=1)).strftime("%H:%M")
    end_local = (paris + timedelta(hours=2)).replace(second=0, microsecond=0)
    async with GraphQLClient(live_server.url, token=julie.token) as client:
        set_ = await client.execute(QUIET, {"start": start, "end": end_local.strftime("%H:%M")})
        assert set_["updatePushPreferences"]["__typename"] == "UpdatePushPreferencesSuccess"
    # when she is overtaken
    await overtaken(julie.user_id)
    # then nothing reaches her phone now; the message waits for the end of quiet hours
    await asyncio.sleep(0.6)
    assert push_service.arrived(julie.device) == []
    row = await PushMessage.get(user_id=julie.user_id)
    assert row.status == PushStatus.PENDING
    assert row.not_before == end_local.astimezone(UTC)
    # and once the morning comes (moved forward here), it goes out
    await PushMessage.filter(id=row.id).update(not_before=datetime.now(UTC))
    worker = in_server_worker()
    assert worker is not None
    worker.wake()
    await push_service.wait_until(lambda: push_service.arrived(julie.device))


async def test_the_hourly_cap_limits_pushes_per_person(live_server, push_service, quick_push, monkeypatch):
    # given a cap of 3 pushes per hour
    monkeypatch.setattr(LIMITS, "hourly_cap", 3)
    julie = await person_with_device(live_server, push_service)
    # when 5 badges are awarded within the hour
    for number in range(5):
        await badge(julie.user_id, f"Badge {number}")
    # then 3 are pushed, the 2 others are skipped with the reason
    await push_service.wait_until(lambda: len(push_service.arrived(julie.device)) == 3)
    await asyncio.sleep(0.3)
    assert len(push_service.arrived(julie.device)) == 3
    skipped = await PushMessage.filter(user_id=julie.user_id, status=PushStatus.SKIPPED)
    assert [r.last_error for r in skipped] == ["hourly_cap", "hourly_cap"]


async def test_a_busy_evening_of_rank_changes_gives_one_alert_per_window(
    live_server, push_service, quick_push, monkeypatch
):
    # given rank alerts of one challenge are coalesced over a 1.5 s window
    monkeypatch.setattr(LIMITS, "rank_window_seconds", 1.5)
    julie = await person_with_device(live_server, push_service)
    # when she is overtaken once, then 19 more times in quick succession
    for rank in range(3, 22):  # (the colleagues exist before the clock matters)
        await colleague(julie.user_id, f"Vendeur {rank}")
    await overtaken(julie.user_id, rank=2)
    await push_service.wait_until(lambda: push_service.arrived(julie.device))
    for rank in range(3, 22):
        await overtaken(julie.user_id, rank=rank, by=f"Vendeur {rank}")
    # then the first alert went at once, and the 19 others make one alert with the latest rank
    await push_service.wait_until(lambda: len(push_service.arrived(julie.device)) == 2, timeout=6)
    await asyncio.sleep(0.5)
    first, second = push_service.arrived(julie.device)
    assert second.at - first.at >= 1.4
    assert "vous êtes 2e" in first.payload["body"]
    assert second.payload["body"].startswith("Vendeur 21 vient de vous dépasser") and "21e" in second.payload["body"]
    assert second.topic == "rank-7"
    # and another challenge is not held back by this one
    await overtaken(julie.user_id, rank=5, challenge_id=8)
    await push_service.wait_until(lambda: len(push_service.arrived(julie.device)) == 3, timeout=3)


async def test_likes_go_out_as_one_digest(live_server, push_service, quick_push, monkeypatch):
    # given Julie posted a win and her phone is registered (a 3 s digest: five likes fit in it
    # however busy the machine)
    monkeypatch.setattr(LIMITS, "likes_digest_seconds", 3.0)
    julie = await person_with_device(live_server, push_service)
    async with GraphQLClient(live_server.url, token=julie.token) as author:
        post_id = (await post_as(author, "Flotte de 12 utilitaires signée !"))["post"]["id"]
    # when five colleagues like it within the digest window
    fans = [(await signed_in(julie.network.points_of_sale["Arras"], name=name))[1]
            for name in ["Thomas Petit", "Léa Roux", "Hugo Faure", "Inès Blanc", "Karim Benali"]]
    for token in fans:  # (signed in beforehand: the likes fall within the window however busy the machine)
        async with GraphQLClient(live_server.url, token=token) as fan:
            await fan.execute(LIKE, {"id": post_id})
    # then one push says so, once the window is over
    await push_service.wait_until(lambda: push_service.arrived(julie.device), timeout=5)
    await asyncio.sleep(1.2)
    [digest] = push_service.arrived(julie.device)
    assert digest.payload["body"] == "Karim Benali et 4 autres aiment votre publication"
    assert digest.payload["link"] == f"/posts/{post_id}" and digest.urgency == "low"
    # and likes on two posts in one window sum up in one line that opens the centre
    async with GraphQLClient(live_server.url, token=julie.token) as author:
        other_id = (await post_as(author, "Bonne pratique : relancer sous 48 h"))["post"]["id"]
    _, token = await signed_in(julie.network.points_of_sale["Lille"], name="Nadia Haddad")
    async with GraphQLClient(live_server.url, token=token) as fan:
        await fan.execute(LIKE, {"id": post_id})
        await fan.execute(LIKE, {"id": other_id})
    await push_service.wait_until(lambda: len(push_service.arrived(julie.device)) == 2, timeout=5)
    summary = push_service.arrived(julie.device)[1]
    assert summary.payload["body"] == "Nadia Haddad et d'autres ont aimé vos publications : 2 nouveaux j'aime"
    assert summary.payload["link"] == "/notifications"
