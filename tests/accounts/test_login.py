"""Signing in and out, wrong passwords and the login rate limit."""

from __future__ import annotations

from tests.accounts.documents import LOGIN, LOGOUT, ME
from tests.factories import PASSWORD, an_address, make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient


async def test_login_sets_an_httponly_cookie_and_returns_a_token(live_server):
    # given
    network = await make_network()
    user = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    async with GraphQLClient(live_server.url) as client:
        # when
        response = await client.raw(LOGIN, {"input": {"email": user.email.upper(), "password": PASSWORD}})
        # then
        result = response.json()["data"]["login"]
        assert result["__typename"] == "AuthSuccess"
        assert result["viewer"]["displayName"] == "Julie Moreau"
        assert result["viewer"]["unit"]["name"] == "Lille Centre"
        cookie = response.headers["set-cookie"]
        assert "elan_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
        me = await client.execute(ME)
        assert me["me"]["email"] == user.email
    async with GraphQLClient(live_server.url, token=result["token"]) as bearer:
        assert (await bearer.execute(ME))["me"]["email"] == user.email


async def test_wrong_password_is_refused_in_french_by_default(live_server):
    network = await make_network()
    user = await make_user(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url) as client:
        result = (await client.execute(LOGIN, {"input": {"email": user.email, "password": "nope-nope-nope"}}))["login"]
        assert result == {
            "__typename": "InvalidCredentialsError",
            "code": "invalid_credentials",
            "message": "E-mail ou mot de passe incorrect.",
        }
        assert (await client.execute(ME))["me"] is None


async def test_messages_are_in_english_when_the_browser_asks(live_server):
    async with GraphQLClient(live_server.url, **{"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"}) as client:
        result = (await client.execute(LOGIN, {"input": {"email": "nobody@test.example", "password": "whatever-123"}}))["login"]
        assert result["message"] == "Wrong email or password."


async def test_logout_revokes_the_session_for_every_client(live_server):
    # given a token used by two clients
    network = await make_network()
    user, token = await signed_in(network.points_of_sale["Arras"])
    async with GraphQLClient(live_server.url, token=token) as phone, GraphQLClient(live_server.url, token=token) as tablet:
        assert (await tablet.execute(ME))["me"]["email"] == user.email
        # when one logs out
        response = await phone.raw(LOGOUT)
        assert response.json()["data"]["logout"]["ok"] is True
        assert 'elan_session=""' in response.headers["set-cookie"] or "Max-Age=0" in response.headers["set-cookie"]
        # then the token no longer works anywhere
        assert (await tablet.execute(ME))["me"] is None


async def test_login_is_rate_limited_per_account_with_a_clear_message(live_server):
    # given
    network = await make_network()
    user = await make_user(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, **an_address()) as client:
        for _ in range(5):
            result = (await client.execute(LOGIN, {"input": {"email": user.email, "password": "bad-password-1"}}))["login"]
            assert result["__typename"] == "InvalidCredentialsError"
        # when even the right password comes next
        result = (await client.execute(LOGIN, {"input": {"email": user.email, "password": PASSWORD}}))["login"]
        # then
        assert result["__typename"] == "RateLimitedError"
        assert result["message"].startswith("Trop de tentatives. Réessayez dans")
        assert 0 < result["retryAfterSeconds"] <= 900


async def test_login_is_rate_limited_per_ip_across_accounts(live_server):
    network = await make_network()
    user = await make_user(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, **an_address()) as attacker:
        for n in range(50):
            result = (await attacker.execute(LOGIN, {"input": {"email": f"guess{n}@test.example", "password": "x" * 12}}))["login"]
            assert result["__typename"] == "InvalidCredentialsError"
        blocked = (await attacker.execute(LOGIN, {"input": {"email": user.email, "password": PASSWORD}}))["login"]
        assert blocked["__typename"] == "RateLimitedError"
    # another address is not affected
    async with GraphQLClient(live_server.url, **an_address()) as colleague:
        ok = (await colleague.execute(LOGIN, {"input": {"email": user.email, "password": PASSWORD}}))["login"]
        assert ok["__typename"] == "AuthSuccess"
