"""Changing someone's unit or role: managers within their subtree, never granting a role above
their own, never themselves; a narrower scope ends the person's sessions; each change is in the
audit, before → after."""

from __future__ import annotations

from server.accounts.models import Role, User
from server.audit.models import AuditEntry
from tests.accounts.documents import ME, UPDATE_PERSON
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient


async def test_a_manager_promotes_a_seller_then_moves_her(live_server):
    # given the Nord manager and a seller of Lille, signed in
    network = await make_network()
    manager, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    seller, seller_token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    async with GraphQLClient(live_server.url, token=manager_token) as marc:
        # when he makes her a manager
        promoted = (await marc.execute(UPDATE_PERSON, {"input": {"personId": str(seller.id), "role": "MANAGER"}}))["updatePerson"]
        # then she is one, and stays signed in (her scope only grew)
        assert promoted["__typename"] == "UpdatePersonSuccess"
        assert promoted["person"]["role"] == "MANAGER" and promoted["sessionsEnded"] == 0
        async with GraphQLClient(live_server.url, token=seller_token) as julie:
            assert (await julie.execute(ME))["me"]["email"] == seller.email

        # when he moves her to Arras as a seller again
        moved = (await marc.execute(UPDATE_PERSON, {"input": {
            "personId": str(seller.id), "unitId": str(network.points_of_sale["Arras"].id), "role": "MEMBER",
        }}))["updatePerson"]
    # then she is a seller of Arras, signed out to sign in again into her new scope
    assert moved["person"]["unit"]["name"] == "Arras Gare" and moved["person"]["role"] == "MEMBER"
    assert moved["sessionsEnded"] == 1
    async with GraphQLClient(live_server.url, token=seller_token) as julie:
        assert (await julie.execute(ME))["me"] is None
    # and both changes are in the audit, by him, before → after
    audit = await AuditEntry.filter(subject_type="person", subject_id=seller.id).order_by("id")
    assert [(a.action, a.actor_id) for a in audit] == [("person.updated", manager.id)] * 2
    assert (audit[0].before, audit[0].after) == (
        {"name": "Julie Moreau", "role": "MEMBER"},
        {"name": "Julie Moreau", "role": "MANAGER"},
    )
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    assert audit[1].before == {"name": "Julie Moreau", "unit": {"id": lille.id, "name": "Lille Centre"}, "role": "MANAGER"}
    assert audit[1].after == {"name": "Julie Moreau", "unit": {"id": arras.id, "name": "Arras Gare"}, "role": "MEMBER"}


async def test_what_a_manager_may_not_change(live_server):
    # given the Nord manager, a seller of Lille, a peer, an admin of Lille and a seller of Bordeaux
    network = await make_network()
    manager, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, _ = await signed_in(network.points_of_sale["Lille"])
    admin_below, _ = await signed_in(network.points_of_sale["Lille"], Role.ADMIN)
    far, _ = await signed_in(network.points_of_sale["Bordeaux"])
    bordeaux = str(network.points_of_sale["Bordeaux"].id)
    cases = [
        ({"personId": str(seller.id), "role": "ADMIN"}, ("NotAllowedError", "role_too_high")),
        ({"personId": str(seller.id), "unitId": bordeaux}, ("NotAllowedError", "unit_out_of_scope")),
        ({"personId": str(seller.id), "unitId": "999999999"}, ("NotFoundError", "unit_not_found")),
        ({"personId": str(far.id), "role": "MANAGER"}, ("NotAllowedError", "person_out_of_scope")),
        ({"personId": str(admin_below.id), "role": "MEMBER"}, ("NotAllowedError", "person_role_too_high")),
        ({"personId": str(manager.id), "role": "MEMBER"}, ("NotAllowedError", "cannot_change_self")),
    ]
    async with GraphQLClient(live_server.url, token=token) as client:
        for given, expected in cases:
            # when he tries
            answer = (await client.execute(UPDATE_PERSON, {"input": given}))["updatePerson"]
            # then it is refused, with a reason
            assert (answer["__typename"], answer["code"]) == expected, (given, answer)
            assert answer["message"]
    # and nobody changed, nothing was audited
    people = {u.id: (u.role, u.unit_id) for u in await User.filter(id__in=[seller.id, admin_below.id, far.id, manager.id])}
    assert people == {
        seller.id: (Role.MEMBER, network.points_of_sale["Lille"].id),
        admin_below.id: (Role.ADMIN, network.points_of_sale["Lille"].id),
        far.id: (Role.MEMBER, network.points_of_sale["Bordeaux"].id),
        manager.id: (Role.MANAGER, network.regions["Nord"].id),
    }
    assert not await AuditEntry.filter(organization_id=network.organization_id).exists()
