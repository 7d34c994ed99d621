"""Joining with an invite code, and who may create invites where."""

from __future__ import annotations

import uuid

from server.accounts.models import Invite, Role, User
from tests.factories import an_address, make_network, signed_in
from tests.graphql_client import GraphQLClient

SIGN_UP = """
mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    __typename
    ... on AuthSuccess { viewer { email displayName role unit { name } } }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
}
"""
CREATE_INVITE = """
mutation Invite($input: CreateInviteInput!) {
  createInvite(input: $input) {
    __typename
    ... on CreateInviteSuccess { invite { code role maxUses useCount unit { name } } }
    ... on UserError { code message }
  }
}
"""


def new_email() -> str:
    return f"nouveau-{uuid.uuid4().hex[:8]}@test.example"


async def invite_for(live_server, unit, role="MEMBER", max_uses=1) -> str:
    manager, token = await signed_in(unit, Role.ADMIN)
    async with GraphQLClient(live_server.url, token=token) as admin:
        result = await admin.execute(
            CREATE_INVITE, {"input": {"unitId": str(unit.id), "role": role, "maxUses": max_uses}}
        )
    return result["createInvite"]["invite"]["code"]


async def test_sign_up_with_an_invite_joins_its_unit_and_signs_in(live_server):
    # given
    network = await make_network()
    code = await invite_for(live_server, network.points_of_sale["Bordeaux"])
    email = new_email()
    async with GraphQLClient(live_server.url, **an_address()) as client:
        # when
        result = (await client.execute(SIGN_UP, {"input": {"inviteCode": code.lower(), "email": email, "password": "un-mot-de-passe", "displayName": "  Léa   Girard "}}))["signUp"]
        # then
        assert result["__typename"] == "AuthSuccess"
        assert result["viewer"] == {"email": email, "displayName": "Léa Girard", "role": "MEMBER", "unit": {"name": "Bordeaux Lac"}}
        assert (await client.execute("{ me { email } }"))["me"]["email"] == email
    invite = await Invite.get(code=code)
    assert invite.use_count == 1


async def test_an_invite_cannot_be_used_more_than_allowed(live_server):
    network = await make_network()
    code = await invite_for(live_server, network.points_of_sale["Lille"], max_uses=1)
    async with GraphQLClient(live_server.url, **an_address()) as client:
        first = (await client.execute(SIGN_UP, {"input": {"inviteCode": code, "email": new_email(), "password": "un-mot-de-passe", "displayName": "Hugo Petit"}}))["signUp"]
        second_email = new_email()
        second = (await client.execute(SIGN_UP, {"input": {"inviteCode": code, "email": second_email, "password": "un-mot-de-passe", "displayName": "Inès Roux"}}))["signUp"]
    assert first["__typename"] == "AuthSuccess"
    assert second["__typename"] == "InvalidInviteError" and second["code"] == "invite_used_up"
    assert not await User.filter(email=second_email).exists()


async def test_bad_sign_up_input_changes_nothing(live_server):
    network = await make_network()
    code = await invite_for(live_server, network.points_of_sale["Lille"], max_uses=5)
    taken, _ = await signed_in(network.points_of_sale["Lille"])
    cases = [
        ({"inviteCode": "NOPE1234", "email": new_email(), "password": "un-mot-de-passe", "displayName": "Paul"}, "InvalidInviteError", "invalid_invite"),
        ({"inviteCode": code, "email": "pas-un-email", "password": "un-mot-de-passe", "displayName": "Paul"}, "ValidationError", "email_invalid"),
        ({"inviteCode": code, "email": new_email(), "password": "court", "displayName": "Paul"}, "ValidationError", "password_too_short"),
        ({"inviteCode": code, "email": taken.email, "password": "un-mot-de-passe", "displayName": "Paul"}, "ConflictError", "email_taken"),
    ]
    async with GraphQLClient(live_server.url, **an_address()) as client:
        for given, typename, code_expected in cases:
            result = (await client.execute(SIGN_UP, {"input": given}))["signUp"]
            assert (result["__typename"], result["code"]) == (typename, code_expected), given
            assert result["message"]
    invite = await Invite.get(code=code)
    assert invite.use_count == 0, "failed sign-ups must not consume the invite"


async def test_invite_scope_for_managers_and_members(live_server):
    # given a regional manager of Nord and a seller
    network = await make_network()
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, member_token = await signed_in(network.points_of_sale["Lille"], Role.MEMBER)
    async with GraphQLClient(live_server.url, token=manager_token) as manager, GraphQLClient(live_server.url, token=member_token) as member:
        # when / then: inside the subtree works
        inside = (await manager.execute(CREATE_INVITE, {"input": {"unitId": str(network.points_of_sale["Arras"].id)}}))["createInvite"]
        assert inside["__typename"] == "CreateInviteSuccess"
        assert inside["invite"]["unit"]["name"] == "Arras Gare"
        # another region is out of scope
        outside = (await manager.execute(CREATE_INVITE, {"input": {"unitId": str(network.points_of_sale["Bordeaux"].id)}}))["createInvite"]
        assert (outside["__typename"], outside["code"]) == ("NotAllowedError", "unit_out_of_scope")
        # a manager cannot mint admins
        above = (await manager.execute(CREATE_INVITE, {"input": {"unitId": str(network.points_of_sale["Arras"].id), "role": "ADMIN"}}))["createInvite"]
        assert above["code"] == "role_too_high"
        # a member cannot invite at all
        refused = (await member.execute(CREATE_INVITE, {"input": {"unitId": str(network.points_of_sale["Lille"].id)}}))["createInvite"]
        assert refused["__typename"] == "NotAllowedError"
    # and another organisation's unit does not exist for this manager
    other = await make_network()
    async with GraphQLClient(live_server.url, token=manager_token) as manager:
        foreign = (await manager.execute(CREATE_INVITE, {"input": {"unitId": str(other.points_of_sale["Lille"].id)}}))["createInvite"]
        assert foreign["__typename"] == "NotFoundError"
    assert await Invite.filter(unit_id=network.points_of_sale["Bordeaux"].id).count() == 0


async def test_sign_up_is_limited_per_address_before_anything_is_checked(live_server):
    # given an address that tried ten codes in the hour
    network = await make_network()
    code = await invite_for(live_server, network.points_of_sale["Lille"], max_uses=20)
    address = an_address()
    async with GraphQLClient(live_server.url, **address) as guesser:
        for n in range(10):
            result = (await guesser.execute(SIGN_UP, {"input": {"inviteCode": f"DEVINE{n:02}", "email": new_email(), "password": "un-mot-de-passe", "displayName": "Paul"}}))["signUp"]
            assert result["__typename"] == "InvalidInviteError"
        # when it comes with a good code
        email = new_email()
        refused = (await guesser.execute(SIGN_UP, {"input": {"inviteCode": code, "email": email, "password": "un-mot-de-passe", "displayName": "Paul Henry"}}))["signUp"]
    # then it is refused, and nothing was created
    assert refused["__typename"] == "RateLimitedError"
    assert refused["message"].startswith("Trop de tentatives. Réessayez dans")
    assert not await User.filter(email=email).exists()
    assert (await Invite.get(code=code)).use_count == 0
    # while someone else signs up with the same code from their own address
    async with GraphQLClient(live_server.url, **an_address()) as newcomer:
        joined = (await newcomer.execute(SIGN_UP, {"input": {"inviteCode": code, "email": email, "password": "un-mot-de-passe", "displayName": "Paul Henry"}}))["signUp"]
    assert joined["__typename"] == "AuthSuccess"


async def test_invites_are_limited_per_person(live_server):
    # given a manager who already made thirty invites in the last minutes
    network = await make_network()
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, colleague_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    arras = {"input": {"unitId": str(network.points_of_sale["Arras"].id)}}
    async with GraphQLClient(live_server.url, token=token) as manager:
        for _ in range(30):
            assert (await manager.execute(CREATE_INVITE, arras))["createInvite"]["__typename"] == "CreateInviteSuccess"
        # when they ask for one more
        refused = (await manager.execute(CREATE_INVITE, arras))["createInvite"]
    # then it is refused and not made
    assert refused["__typename"] == "RateLimitedError" and refused["code"] == "rate_limited"
    assert await Invite.filter(unit_id=network.points_of_sale["Arras"].id).count() == 30
    # while another manager of the region still invites
    async with GraphQLClient(live_server.url, token=colleague_token) as colleague:
        assert (await colleague.execute(CREATE_INVITE, arras))["createInvite"]["__typename"] == "CreateInviteSuccess"
