"""Registering devices: the allow-list, keys, moving an endpoint, removing a device."""

from __future__ import annotations

from datetime import UTC, datetime

from server.push.endpoints import address_is_public, check_endpoint
from server.push.models import PushSubscription
from server.push.services import DEVICES_PER_PERSON
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.push.conftest import REGISTER

UNREGISTER = """
mutation ($endpoint: String!) { unregisterPushSubscription(endpoint: $endpoint) { removed } }
"""
DEVICES = "{ pushDevices { id userAgent lastSuccessAt } }"
REMOVE = """
mutation ($id: ID!) { removePushDevice(id: $id) {
  __typename ... on RemovePushDeviceSuccess { devices { id } } ... on NotFoundError { code } } }
"""
VAPID = "{ vapidPublicKey }"


async def test_an_endpoint_outside_the_allow_list_is_refused_with_a_clear_error(live_server, push_service):
    # given a signed-in seller
    network = await make_network()
    user, token = await signed_in(network.points_of_sale["Lille"])
    device = push_service.new_device()
    async with GraphQLClient(live_server.url, token=token) as client:
        for endpoint in (
            "https://evil.example/push/abc",
            "http://fcm.googleapis.com/fcm/send/abc",  # not https
            "https://127.0.0.1:9/push",
            "https://fcm.googleapis.com.evil.example/x",
        ):
            # when the browser registers an endpoint that is not a known push service
            variables = {**device.as_variables(), "endpoint": endpoint}
            result = (await client.execute(REGISTER, variables))["registerPushSubscription"]
            # then it is refused, saying why, and nothing is stored
            assert result["__typename"] == "ValidationError"
            assert result["code"] == "push_endpoint_not_allowed" and result["field"] == "endpoint"
            assert "n'est pas pris en charge" in result["message"]
    assert not await PushSubscription.exists(user_id=user.id)


async def test_keys_that_are_not_a_p256_point_are_refused(live_server, push_service):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    device = push_service.new_device()
    async with GraphQLClient(live_server.url, token=token) as client:
        bad = {**device.as_variables(), "p256dh": "AAAA"}
        result = (await client.execute(REGISTER, bad))["registerPushSubscription"]
    assert result["__typename"] == "ValidationError" and result["code"] == "push_key_invalid"


def test_the_known_push_services_are_accepted():
    for endpoint in (
        "https://fcm.googleapis.com/fcm/send/dR2x:APA91b",
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
        "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
        "https://web.push.apple.com/QGuQyavXutnMH",
    ):
        assert check_endpoint(endpoint) == endpoint


def test_private_and_loopback_addresses_are_not_public():
    for address in ("127.0.0.1", "10.1.2.3", "192.168.1.1", "169.254.169.254", "::1", "fd00::1", "::ffff:127.0.0.1"):
        assert not address_is_public(address), address
    assert address_is_public("142.250.75.234")


async def test_several_devices_are_listed_and_one_can_be_removed(live_server, push_service):
    # given a seller with a phone and a laptop
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    phone, laptop = push_service.new_device(), push_service.new_device()
    async with GraphQLClient(live_server.url, token=token) as client:
        await client.execute(REGISTER, phone.as_variables("Chrome on Android"))
        await client.execute(REGISTER, laptop.as_variables("Firefox on Windows"))
        devices = (await client.execute(DEVICES))["pushDevices"]
        assert sorted(d["userAgent"] for d in devices) == ["Chrome on Android", "Firefox on Windows"]
        # when the laptop is removed from the settings screen
        laptop_id = next(d["id"] for d in devices if d["userAgent"] == "Firefox on Windows")
        left = (await client.execute(REMOVE, {"id": laptop_id}))["removePushDevice"]
        # then only the phone is left; removing it twice says it is gone
        assert [d["id"] for d in left["devices"]] != [laptop_id] and len(left["devices"]) == 1
        again = (await client.execute(REMOVE, {"id": laptop_id}))["removePushDevice"]
        assert again == {"__typename": "NotFoundError", "code": "push_device_not_found"}
        # and the browser unsubscribing removes the phone by its endpoint
        removed = await client.execute(UNREGISTER, {"endpoint": phone.endpoint})
        assert removed["unregisterPushSubscription"]["removed"] is True
        assert (await client.execute(DEVICES))["pushDevices"] == []


async def test_re_registering_an_endpoint_moves_it_to_the_new_person(live_server, push_service):
    # given a shared tablet registered by Julie (the same browser subscription, so the same keys)
    network = await make_network()
    julie, julie_token = await signed_in(network.points_of_sale["Lille"])
    karim, karim_token = await signed_in(network.points_of_sale["Lille"])
    tablet = push_service.new_device()
    async with GraphQLClient(live_server.url, token=julie_token) as client:
        await client.execute(REGISTER, tablet.as_variables())
    # when Karim signs in on it and registers the same endpoint
    async with GraphQLClient(live_server.url, token=karim_token) as client:
        await client.execute(REGISTER, tablet.as_variables())
    # then the tablet receives Karim's pushes, not Julie's
    [subscription] = await PushSubscription.filter(endpoint=tablet.endpoint)
    assert subscription.user_id == karim.id


REGISTER_ANY = """
mutation Register($endpoint: String!, $p256dh: String!, $auth: String!, $userAgent: String!, $language: String) {
  registerPushSubscription(endpoint: $endpoint, p256dh: $p256dh, auth: $auth, userAgent: $userAgent,
                           language: $language) {
    __typename ... on RegisterPushSubscriptionSuccess { device { id } } ... on UserError { code message }
  }
}
"""


async def test_an_endpoint_of_someone_else_is_not_taken_without_its_keys(live_server, push_service):
    # given Julie's phone, registered with its own keys
    network = await make_network()
    julie, julie_token = await signed_in(network.points_of_sale["Lille"])
    karim, karim_token = await signed_in(network.points_of_sale["Arras"])
    phone, karims_own = push_service.new_device(), push_service.new_device()
    async with GraphQLClient(live_server.url, token=julie_token) as client:
        await client.execute(REGISTER, phone.as_variables())
    # when Karim registers her endpoint with keys of his own (he knows the address, not the keys)
    stolen = {**karims_own.as_variables("Pirate"), "endpoint": phone.endpoint, "language": "en"}
    async with GraphQLClient(live_server.url, token=karim_token) as client:
        result = (await client.execute(REGISTER_ANY, stolen))["registerPushSubscription"]
    # then he is refused, saying why, and nothing changed: the phone is still Julie's, with her keys
    assert result["__typename"] == "ConflictError" and result["code"] == "push_endpoint_taken"
    assert "déjà enregistré" in result["message"]
    [device] = await PushSubscription.filter(endpoint=phone.endpoint)
    assert (device.user_id, device.p256dh, device.auth, device.user_agent) == (
        julie.id, phone.p256dh, phone.auth, "Chrome on Android"
    )
    await karim.refresh_from_db()
    assert karim.language is None  # his language was not set either


async def test_a_person_keeps_at_most_ten_devices_the_least_recently_used_goes(live_server, push_service):
    # given a seller who registered ten browsers, the first of which has just received a push
    network = await make_network()
    seller, token = await signed_in(network.points_of_sale["Lille"])
    devices = [push_service.new_device() for _ in range(11)]
    async with GraphQLClient(live_server.url, token=token) as client:
        for number, device in enumerate(devices[:10]):
            await client.execute(REGISTER, device.as_variables(f"Navigateur {number}"))
        await PushSubscription.filter(endpoint=devices[0].endpoint).update(last_success_at=datetime.now(UTC))
        # when she registers an eleventh
        result = (await client.execute(REGISTER, devices[10].as_variables("Navigateur 10")))
        listed = (await client.execute(DEVICES))["pushDevices"]
    # then it is registered, and the one unused the longest (the second) is dropped
    assert result["registerPushSubscription"]["__typename"] == "RegisterPushSubscriptionSuccess"
    assert len(listed) == DEVICES_PER_PERSON == 10
    assert sorted(d["userAgent"] for d in listed) == sorted(f"Navigateur {n}" for n in range(11) if n != 1)


async def test_the_vapid_public_key_is_generated_once_and_kept(live_server):
    async with GraphQLClient(live_server.url) as client:
        first = (await client.execute(VAPID))["vapidPublicKey"]
        second = (await client.execute(VAPID))["vapidPublicKey"]
    assert first == second and len(first) == 87  # 65 bytes, base64url
    assert (live_server.data_dir / "vapid_private_key").exists()
