"""PUBLIC_URL is the one origin written into credentials, issuer profiles and verification
answers: the Host header a client sends never is."""

from __future__ import annotations

import httpx

from server.badges.awarding import award_badge
from server.settings import get_settings
from tests.badges.factories import head_office, make_badge
from tests.factories import make_network, make_user


async def test_credentials_issuers_and_verify_pages_never_name_the_host_a_client_sent(live_server):
    # given an award
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"])
    badge = await make_badge(network)
    award = (await award_badge(await head_office(network), badge.id, [seller.id], "Bravo")).awards[0]
    public_url = get_settings().public_url
    async with httpx.AsyncClient(base_url=live_server.url, headers={"Host": "evil.example"}) as http:
        # when a client claims another host
        credential = await http.get(f"/credentials/{award.public_id}")
        issuer = await http.get(f"/issuers/{network.organization_id}")
        verify = await http.get(f"/verify/{award.public_id}", headers={"Accept": "application/json"})
    # then nothing it returns names that host, and every link is on PUBLIC_URL
    for response in (credential, issuer, verify):
        assert response.status_code == 200
        assert "evil.example" not in response.text
    document = credential.json()
    assert document["id"] == f"{public_url}/credentials/{award.public_id}"
    assert document["issuer"]["id"] == f"{public_url}/issuers/{network.organization_id}"
    assert document["proof"]["verificationMethod"].startswith(f"{public_url}/issuers/{network.organization_id}")
    assert issuer.json()["id"] == f"{public_url}/issuers/{network.organization_id}"
    assert verify.json()["credential"] == document["id"]
