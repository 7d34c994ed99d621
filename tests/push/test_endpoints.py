"""Send-time checks: the address a push goes to, and the size of what is sent."""

from __future__ import annotations

import pytest

from server.push.endpoints import EndpointRefused, EndpointResolver, check_send_address
from server.push.payload import encoded


async def test_a_name_resolving_to_loopback_is_refused_unless_allow_listed(push_service):
    resolver = EndpointResolver()
    try:
        # given "localhost" is not an allow-listed origin (127.0.0.1:<port> is)
        with pytest.raises(EndpointRefused):
            await resolver.resolve("localhost", 443)
        # and the allow-listed local push service resolves as usual
        port = int(push_service.origin.rsplit(":", 1)[1])
        found = await resolver.resolve("127.0.0.1", port)
        assert [r["host"] for r in found] == ["127.0.0.1"]
    finally:
        await resolver.close()


def test_a_literal_private_address_is_refused_before_connecting(push_service):
    # an endpoint that was accepted earlier but whose allow-listing was since removed
    with pytest.raises(EndpointRefused, match="not an allowed push service"):
        check_send_address("http://10.0.0.8:8089/push/abc")


def test_payloads_stay_under_the_push_size_limit():
    huge = {"title": "Classement", "body": "é" * 5000, "link": "/challenges/7"}
    assert len(encoded(huge)) <= 3000
