"""Every push field that names a device, tried by a member, a manager of a sibling unit and a
manager of a child unit: a device is its person's alone (server.push.services), so all three
are refused and change nothing, as is any other person, her own managers included."""

from __future__ import annotations

from dataclasses import dataclass

from schema.push.mutations import PushMutation
from schema.push.queries import PushQuery
from server.accounts.models import Role
from server.network.models import UnitKind
from server.network.services import create_unit
from server.push.models import PushSubscription
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.push.conftest import REGISTER
from tests.push.push_service import Device
from tests.scope_rules import ALLOWED, CHILD, MEMBER, SIBLING, Rule, missing_rules, run_table

DEVICES = "{ pushDevices { id } }"


@dataclass
class World:
    phone_id: str
    phone: Device
    laptop: Device
    intruder: Device


RULES = [
    Rule(
        "registerPushSubscription",
        """mutation($endpoint: String!, $p256dh: String!, $auth: String!) { registerPushSubscription(
           endpoint: $endpoint, p256dh: $p256dh, auth: $auth) { __typename } }""",
        # her phone's endpoint, with keys that are not the phone's
        lambda w: {"endpoint": w.phone.endpoint, "p256dh": w.intruder.p256dh, "auth": w.intruder.auth},
    ),
    Rule(
        "unregisterPushSubscription",
        "mutation($endpoint: String!) { unregisterPushSubscription(endpoint: $endpoint) { removed } }",
        lambda w: {"endpoint": w.laptop.endpoint},
        refusal=lambda value: value == {"removed": False},
    ),
    Rule("removePushDevice", "mutation($id: ID!) { removePushDevice(id: $id) { __typename } }", lambda w: {"id": w.phone_id}),
]


async def test_every_push_field_taking_an_id_has_a_scope_rule():
    assert missing_rules(RULES, PushQuery, PushMutation) == set()


async def test_a_device_is_its_person_s_alone(live_server, push_service):
    # given Julie of Lille with a phone and a laptop registered
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    team = await create_unit(lille, UnitKind.TEAM, "Équipe VO")
    julie, julie_token = await signed_in(lille)
    phone, laptop = push_service.new_device(), push_service.new_device()
    async with GraphQLClient(live_server.url, token=julie_token) as client:
        await client.execute(REGISTER, phone.as_variables("Téléphone"))
        await client.execute(REGISTER, laptop.as_variables("Portable"))
    phone_id = str((await PushSubscription.get(endpoint=phone.endpoint)).id)
    tokens = {
        MEMBER: (await signed_in(lille))[1],
        SIBLING: (await signed_in(network.points_of_sale["Arras"], Role.MANAGER))[1],
        CHILD: (await signed_in(team, Role.MANAGER))[1],
        ALLOWED: julie_token,
    }
    # when each tries to take, unregister or remove her devices (she last)
    table = await run_table(live_server, World(phone_id, phone, laptop, push_service.new_device()), RULES, tokens)
    # then only she could: her devices stayed hers until she removed them
    assert table.mismatches() == []
    assert await PushSubscription.filter(user_id=julie.id).count() == 0
    # and not even her regional manager may remove one
    async with GraphQLClient(live_server.url, token=julie_token) as client:
        await client.execute(REGISTER, phone.as_variables("Téléphone"))
        phone_id = (await client.execute(DEVICES))["pushDevices"][0]["id"]
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=manager_token) as client:
        removed = await client.execute(RULES[2].document, {"id": phone_id})
    assert removed["removePushDevice"]["__typename"] == "NotFoundError"
    assert await PushSubscription.filter(user_id=julie.id).count() == 1
