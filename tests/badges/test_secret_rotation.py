"""Rotating SECRET_KEY: the organisations' signing keys, stored encrypted with it, stay readable
(SECRET_KEY_PREVIOUS), `rotate-secrets` encrypts them again with the new secret, and every
credential issued before still verifies against the issuer's published key."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from server.badges.awarding import award_badge
from server.badges.credentials import verify
from server.badges.keys import _fernet_of, public_key_from_multibase
from server.badges.models import SigningKey
from server.network.scope import scope_of_user
from tests.badges.factories import head_office, make_badge
from tests.conftest import ROOT
from tests.factories import make_network, make_user
from tests.multi_instance import server_process


async def _published_key(url: str, organization_id: int) -> Ed25519PublicKey:
    async with httpx.AsyncClient() as http:
        profile = (await http.get(f"{url}/issuers/{organization_id}")).json()
    multibase = profile["verificationMethod"][0]["publicKeyMultibase"]
    return Ed25519PublicKey.from_public_bytes(public_key_from_multibase(multibase))


async def _credential(url: str, public_id: str) -> dict:
    async with httpx.AsyncClient() as http:
        response = await http.get(f"{url}/credentials/{public_id}")
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_secret_key_rotation_keeps_signing_keys_readable_and_credentials_verifiable(live_server):
    # given a badge awarded and its credential downloaded under today's SECRET_KEY
    network = await make_network()
    badge = await make_badge(network, "Roi de l'entretien", emoji="🔧")
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    award = (await award_badge(await scope_of_user(await head_office(network)), badge.id, [seller.id], "Dix contrats")).awards[0]
    downloaded = await _credential(live_server.url, award.public_id)
    old_secret = (live_server.data_dir / "secret_key").read_text().strip()
    new_secret = secrets.token_urlsafe(48)
    organization = award.organization_id
    # when the instances restart with a new SECRET_KEY, the old one as SECRET_KEY_PREVIOUS
    async with server_process(live_server, SECRET_KEY=new_secret, SECRET_KEY_PREVIOUS=old_secret) as url:
        reissued = await _credential(url, award.public_id)
        key = await _published_key(url, organization)
    # then the credential downloaded before verifies with the key the issuer still publishes
    assert verify(downloaded, key) and verify(reissued, key)
    # when `rotate-secrets` encrypts the stored keys again, and SECRET_KEY_PREVIOUS is dropped
    rotation = subprocess.run(
        [sys.executable, "-m", "server", "rotate-secrets"], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "SECRET_KEY": new_secret, "SECRET_KEY_PREVIOUS": old_secret},
    )
    assert rotation.returncode == 0, rotation.stderr
    assert "encrypted again with the current SECRET_KEY" in rotation.stdout
    stored = await SigningKey.get(organization_id=organization)
    _fernet_of(new_secret).decrypt(stored.private_key_encrypted.encode())  # readable with the new one alone
    async with server_process(live_server, SECRET_KEY=new_secret) as url:
        after = await _credential(url, award.public_id)
        still = await _published_key(url, organization)
    # then the same key signs and verifies, with the new secret alone
    assert verify(downloaded, still) and verify(after, still)
