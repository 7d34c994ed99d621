"""Inviting people by e-mail: a link valid 7 days, sent again (the old link dies) or revoked;
the invited person chooses a password and is signed in, in the unit and role of the invite.
Every invite, resend and revoke is in the audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import EmailInvite, Role, User
from server.audit.models import AuditEntry
from tests.accounts.documents import (
    ACCEPT_INVITE,
    INVITATION,
    INVITE_PEOPLE,
    PENDING_INVITES,
    RESEND_INVITE,
    REVOKE_INVITE,
)
from tests.factories import an_address, make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.mailbox import link_in, text_of, token_in

PASSWORD = "mon-mot-de-passe-a-moi"


async def _accept(live_server, token: str, name: str = "Léa Martin") -> dict:
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        answer = await phone.execute(ACCEPT_INVITE, {"input": {"token": token, "displayName": name, "password": PASSWORD}})
    return answer["acceptInvite"]


async def test_an_admin_invites_people_who_then_sign_in(live_server, mailbox):
    # given an admin, and a seller already in the organisation
    network = await make_network()
    admin, admin_token = await signed_in(network.root, Role.ADMIN, "Isabelle Marchand")
    already = await make_user(network.points_of_sale["Arras"])
    lea, tom = f"lea-{admin.id}@test.example", f"tom-{admin.id}@test.example"

    # when she invites three addresses as sellers of Lille
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        result = (await client.execute(INVITE_PEOPLE, {"input": {
            "unitId": str(network.points_of_sale["Lille"].id), "role": "MEMBER",
            "people": [{"email": lea.upper(), "displayName": "Léa"}, {"email": tom}, {"email": already.email}],
        }}))["invitePeople"]

    # then two invites go out, the seller already there is left out
    assert result["__typename"] == "InvitePeopleSuccess"
    assert [(i["email"], i["status"], i["unit"]["name"], i["role"]) for i in result["invites"]] == [
        (lea, "PENDING", "Lille Centre", "MEMBER"),
        (tom, "PENDING", "Lille Centre", "MEMBER"),
    ]
    assert result["alreadyMembers"] == [already.email]
    mail = await mailbox.next_to(lea)
    assert mail["Subject"] == f"Isabelle Marchand vous invite sur Élan ({(await admin.organization).name})"
    assert "Bonjour Léa," in text_of(mail) and "à Lille Centre, en tant que membre de l'équipe" in text_of(mail)
    assert link_in(mail).startswith(f"{live_server.url}/invitation#")
    assert "Ce lien est valable 7 jours" in text_of(mail)
    await mailbox.next_to(tom)
    # and each invite is in the audit, by her
    audit = await AuditEntry.filter(organization_id=network.organization_id, action="invite.created").order_by("id")
    assert [(a.actor_id, a.subject_type, a.after["email"]) for a in audit] == [(admin.id, "invite", lea), (admin.id, "invite", tom)]

    # when Léa opens her link
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        shown = (await phone.execute(INVITATION, {"token": token_in(mail)}))["invitation"]
    # then the page says who invites her where
    assert shown["email"] == lea and shown["unitName"] == "Lille Centre" and shown["invitedBy"] == "Isabelle Marchand"
    assert shown["displayName"] == "Léa" and shown["role"] == "MEMBER"

    # when she chooses her password
    accepted = await _accept(live_server, token_in(mail))
    # then she is signed in as a seller of Lille
    assert accepted["__typename"] == "AuthSuccess"
    assert accepted["viewer"] == {"email": lea, "displayName": "Léa Martin", "role": "MEMBER", "unit": {"name": "Lille Centre"}}
    # and the link served once
    again = await _accept(live_server, token_in(mail), "Quelqu'un d'autre")
    assert (again["__typename"], again["code"]) == ("InvalidLinkError", "link_invalid")
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        assert (await phone.execute(INVITATION, {"token": token_in(mail)}))["invitation"] is None
    # and she is no longer pending; Tom still is
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        pending = (await client.execute(PENDING_INVITES, {}))["pendingInvites"]
    assert [e["node"]["email"] for e in pending["edges"]] == [tom]


async def test_an_invite_sent_again_gets_a_new_link_and_a_revoked_one_dies(live_server, mailbox):
    # given a manager of Nord who invited someone to Arras
    network = await make_network()
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    email = f"nina-{network.organization_id}@test.example"
    async with GraphQLClient(live_server.url, token=manager_token) as client:
        sent = (await client.execute(INVITE_PEOPLE, {"input": {"unitId": str(network.points_of_sale["Arras"].id), "people": [{"email": email}], "language": "en"}}))["invitePeople"]
        invite_id = sent["invites"][0]["id"]
        first = await mailbox.next_to(email)
        assert first["Subject"].startswith("Marc Delaunay invites you to Élan")

        # when he sends it again
        resent = (await client.execute(RESEND_INVITE, {"inviteId": invite_id}))["resendInvite"]
        # then a new link goes out, and the first one no longer works
        assert resent == {"__typename": "InviteSuccess", "invite": {"id": invite_id, "status": "PENDING", "sendCount": 2}}
        second = await mailbox.next_to(email)
        assert token_in(second) != token_in(first)
        assert (await _accept(live_server, token_in(first)))["code"] == "link_invalid"

        # when he revokes it
        revoked = (await client.execute(REVOKE_INVITE, {"inviteId": invite_id}))["revokeInvite"]
        # then the second link dies too, and it can't be sent again
        assert revoked["invite"]["status"] == "REVOKED"
        assert (await _accept(live_server, token_in(second)))["code"] == "link_invalid"
        closed = (await client.execute(RESEND_INVITE, {"inviteId": invite_id}))["resendInvite"]
        assert (closed["__typename"], closed["code"]) == ("ConflictError", "invite_closed")
    assert not await User.filter(email=email).exists()
    actions = await AuditEntry.filter(subject_type="invite", subject_id=int(invite_id)).order_by("id").values_list("action", flat=True)
    assert actions == ["invite.created", "invite.resent", "invite.revoked"]


async def test_an_expired_invite_says_so_and_can_be_sent_again(live_server, mailbox):
    # given an invite sent 8 days ago
    network = await make_network()
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    email = f"vieux-{network.organization_id}@test.example"
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        sent = (await client.execute(INVITE_PEOPLE, {"input": {"unitId": str(network.regions["Nord"].id), "people": [{"email": email}]}}))["invitePeople"]
        old = await mailbox.next_to(email)
        await EmailInvite.filter(email=email).update(expires_at=datetime.now(UTC) - timedelta(days=1))
        # when the person uses the link
        late = await _accept(live_server, token_in(old))
        # then it says it expired, and the list shows it as expired
        assert (late["__typename"], late["code"]) == ("InvalidLinkError", "link_expired")
        pending = (await client.execute(PENDING_INVITES, {"search": "vieux"}))["pendingInvites"]
        assert [e["node"]["status"] for e in pending["edges"]] == ["EXPIRED"]
        # when it is sent again, the new link works for 7 more days
        await client.execute(RESEND_INVITE, {"inviteId": sent["invites"][0]["id"]})
    fresh = await mailbox.next_to(email)
    assert (await _accept(live_server, token_in(fresh)))["__typename"] == "AuthSuccess"


async def test_bad_invites_are_refused_and_send_nothing(live_server, mailbox):
    # given a manager of Nord
    network = await make_network()
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    lille = str(network.points_of_sale["Lille"].id)
    cases = [
        ({"unitId": lille, "role": "ADMIN", "people": [{"email": "a@test.example"}]}, ("NotAllowedError", "role_too_high")),
        ({"unitId": str(network.points_of_sale["Bordeaux"].id), "people": [{"email": "a@test.example"}]}, ("NotAllowedError", "unit_out_of_scope")),
        ({"unitId": lille, "people": [{"email": "b@test.example"}, {"email": "pas-une-adresse"}]}, ("ValidationError", "email_invalid")),
        ({"unitId": lille, "people": []}, ("ValidationError", "invite_people_count")),
    ]
    async with GraphQLClient(live_server.url, token=manager_token) as client:
        for given, expected in cases:
            # when the manager sends it
            answer = (await client.execute(INVITE_PEOPLE, {"input": given}))["invitePeople"]
            # then it is refused with a readable reason
            assert (answer["__typename"], answer["code"]) == expected, answer
            assert answer["message"]
    # and nothing was written: no invite, no mail
    assert not await EmailInvite.filter(organization_id=network.organization_id).exists()
    assert mailbox.count_to("b@test.example") == 0
