"""Push and mail notifications other than service messages go out only for the kinds a person
chose, each choice recorded with its time."""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from server.db import atomic
from server.notifications.models import Notification, NotificationKind
from server.privacy.consent import mail_allowed
from server.privacy.models import ConsentChannel, NotificationConsent
from server.push.models import PushMessage, PushStatus, PushSubscription
from server.push.outbox import enqueue_push
from server.push.preferences import update_preferences
from server.push.services import register_subscription
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _browser_keys() -> tuple[str, str]:
    public = ec.generate_private_key(ec.SECP256R1()).public_key()
    point = public.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return _b64(point), _b64(os.urandom(16))


async def _pushed(user_id: int, kind: NotificationKind) -> int:
    notification = await Notification.create(user_id=user_id, kind=kind, params={"challengeId": 1}, link="/challenges/1")
    async with atomic() as events:
        written = await enqueue_push(notification, events)
    # the rows are what this test looks at: the server's worker must not try to send them
    await PushMessage.filter(user_id=user_id).update(status=PushStatus.SKIPPED)
    return written


async def test_nothing_is_pushed_to_someone_who_never_chose(live_server):
    # given a seller whose device is known but who never turned pushes on in Élan
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    await PushSubscription.create(user=seller, endpoint=f"https://fcm.googleapis.com/fcm/send/{os.urandom(6).hex()}", p256dh="k" * 87, auth="a" * 22)
    # when she moves up a challenge
    written = await _pushed(seller.id, NotificationKind.RANK_UP)
    # then no push is queued for her
    assert written == 0 and not await PushMessage.exists(user_id=seller.id)


async def test_each_choice_is_recorded_with_its_time_and_honoured(live_server):
    # given a seller who turns pushes on: the screen lists what is pushed by default
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    before = datetime.now(UTC)
    p256dh, auth = _browser_keys()
    await register_subscription(seller, f"https://fcm.googleapis.com/fcm/send/{os.urandom(6).hex()}", p256dh, auth)
    # then each kind's choice is recorded, with its time: rank alerts on, reminders off
    consents = {c.kind: c for c in await NotificationConsent.filter(user_id=seller.id, channel=ConsentChannel.PUSH)}
    assert consents["RANK_UP"].granted is True and consents["TRAINING_REMINDER"].granted is False
    assert consents["RANK_UP"].decided_at >= before
    # and a rank alert is pushed
    assert await _pushed(seller.id, NotificationKind.RANK_UP) == 1

    # when she switches rank alerts off
    await update_preferences(seller, kinds={"RANK_UP": False})
    # then her new choice is recorded with its own time, and nothing more is pushed of that kind
    changed = await NotificationConsent.get(user_id=seller.id, channel=ConsentChannel.PUSH, kind="RANK_UP")
    assert changed.granted is False and changed.decided_at > consents["RANK_UP"].decided_at
    assert await _pushed(seller.id, NotificationKind.RANK_UP) == 0
    # and registering another device later keeps her choice
    p256dh, auth = _browser_keys()
    await register_subscription(seller, f"https://fcm.googleapis.com/fcm/send/{os.urandom(6).hex()}", p256dh, auth)
    assert (await NotificationConsent.get(user_id=seller.id, channel=ConsentChannel.PUSH, kind="RANK_UP")).granted is False


async def test_service_mails_need_no_consent_other_mails_do(live_server):
    # given a seller who chose one kind of mail
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    await NotificationConsent.create(user=seller, channel=ConsentChannel.MAIL, kind="weekly_digest", granted=True, decided_at=datetime.now(UTC))
    # then service mails go, the chosen kind goes, any other kind does not
    assert await mail_allowed(seller.email, "password_reset")
    assert await mail_allowed(seller.email, "weekly_digest")
    assert not await mail_allowed(seller.email, "challenge_summary")


SETTINGS = "query { pushPreferences { choiceNeeded kinds { kind enabled enabledByDefault } } }"
SWITCH_ON = """mutation($kind: NotificationKind!) { updatePushPreferences(input: {kinds: [{kind: $kind, enabled: true}]}) {
  ... on UpdatePushPreferencesSuccess { preferences { choiceNeeded kinds { kind enabled } } } } }"""


async def test_a_device_from_before_consent_is_told_to_choose_and_shows_what_it_really_gets(live_server):
    # given a seller whose phone was registered before consent was asked (no choice recorded)
    network = await make_network()
    seller, token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    await PushSubscription.create(user=seller, endpoint=f"https://fcm.googleapis.com/fcm/send/{os.urandom(6).hex()}", p256dh="k" * 87, auth="a" * 22)
    async with GraphQLClient(live_server.url, token=token) as julie:
        # when she opens her notification settings
        before = (await julie.execute(SETTINGS))["pushPreferences"]
        # and switches rank alerts on
        after = (await julie.execute(SWITCH_ON, {"kind": "RANK_UP"}))["updatePushPreferences"]["preferences"]
    # then she is asked to choose, and no switch pretends a kind is pushed while none is
    assert before["choiceNeeded"] is True
    assert {k["enabled"] for k in before["kinds"]} == {False}
    assert any(k["enabledByDefault"] for k in before["kinds"])  # what the prompt suggests
    # and once she chose, the prompt goes, rank alerts are on and pushed, the others still off
    assert after["choiceNeeded"] is False
    assert [k["kind"] for k in after["kinds"] if k["enabled"]] == ["RANK_UP"]
    assert await _pushed(seller.id, NotificationKind.RANK_UP) == 1


async def test_someone_without_a_device_sees_the_defaults_that_turning_pushes_on_records(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"], name="Karim Benali")
    async with GraphQLClient(live_server.url, token=token) as karim:
        shown = (await karim.execute(SETTINGS))["pushPreferences"]
    assert shown["choiceNeeded"] is False
    assert all(k["enabled"] == k["enabledByDefault"] for k in shown["kinds"])
