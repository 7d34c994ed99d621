"""Forwarded headers are believed only from the proxies in FORWARDED_ALLOW_IPS (none by default):
a client can neither choose the address its rate limits count against nor claim HTTPS."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx

from server.settings import get_settings
from tests.graphql_client import GraphQLClient, loopback_address
from tests.multi_instance import server_process

LOGIN = """
mutation Login($input: LoginInput!) { login(input: $input) { __typename } }
"""


async def test_a_forged_x_forwarded_for_does_not_escape_the_per_address_login_limit(live_server):
    # given a client that sends a new X-Forwarded-For with every wrong password
    limit = get_settings().login_ip_limit
    async with GraphQLClient(live_server.url, address=loopback_address()) as attacker:
        for n in range(limit):
            attacker.headers["X-Forwarded-For"] = f"198.51.100.{n % 250 + 1}"
            result = await attacker.execute(LOGIN, {"input": {"email": f"guess{n}@test.example", "password": "x" * 12}})
            assert result["login"]["__typename"] == "InvalidCredentialsError"
        # when it tries once more as yet another "address"
        attacker.headers["X-Forwarded-For"] = "192.0.2.77"
        result = await attacker.execute(LOGIN, {"input": {"email": "guess-last@test.example", "password": "x" * 12}})
    # then the server counted them all against its real address
    assert result["login"]["__typename"] == "RateLimitedError"


async def test_a_forged_x_forwarded_proto_does_not_make_the_request_https(live_server):
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        response = await http.post(
            "/graphql",
            json={"query": 'mutation { login(input: {email: "nobody@test.example", password: "whatever-123"}) { __typename } }'},
            headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"},
        )
        health = await http.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert "strict-transport-security" not in response.headers
    assert "strict-transport-security" not in health.headers


async def test_behind_a_trusted_proxy_the_forwarded_scheme_counts(live_server):
    # given an instance that trusts the proxy on loopback, as compose trusts Caddy's network
    async with server_process(live_server, FORWARDED_ALLOW_IPS="127.0.0.1") as url:
        async with httpx.AsyncClient(base_url=url) as http:
            # when the proxy says the client came over HTTPS
            proxied = await http.get("/healthz", headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"})
            direct = await http.get("/healthz")
    # then the answer carries HSTS, and only then
    assert proxied.headers["strict-transport-security"] == "max-age=31536000"
    assert "strict-transport-security" not in direct.headers


async def test_an_idle_connection_stays_open_longer_than_the_proxy_keeps_its_own(live_server):
    # given the proxy's idle keep-alive towards the instances, as deployed
    caddyfile = (Path(__file__).resolve().parents[2] / "deploy" / "Caddyfile").read_text()
    proxy_idle = float(re.search(r"^\s*keepalive (\d+)s\s*$", caddyfile, re.M).group(1))  # type: ignore[union-attr]
    assert get_settings().keep_alive_seconds > proxy_idle
    # when a connection (as the proxy pools it) sits idle past uvicorn's own 5 s default
    host, port = live_server.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    request = f"GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
    try:
        writer.write(request)
        first = await asyncio.wait_for(reader.readuntil(b'"ok"}'), 5)
        await asyncio.sleep(6)
        # then the instance has not closed it: the next request on it is answered
        writer.write(request)
        second = await asyncio.wait_for(reader.readuntil(b'"ok"}'), 5)
    finally:
        writer.close()
    assert first.startswith(b"HTTP/1.1 200") and second.startswith(b"HTTP/1.1 200")
