"""The exported Open Badges 3.0 credential: valid against the official JSON schema, its proof
verifies with the issuer's published key, any tampering breaks it, and the public
verification page tells valid, expired and revoked apart."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import jsonschema
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from server.accounts.models import Role
from server.accounts.services import open_session
from server.badges.awarding import award_badge, revoke_award
from server.badges.credentials import email_identity, verify
from server.badges.keys import public_key_from_multibase
from server.badges.models import Award, SigningKey
from server.network.scope import scope_of_user
from tests.badges.factories import head_office, make_badge, make_label
from tests.factories import make_network, make_user
from tests.graphql_client import GraphQLClient

SCHEMA = json.loads((Path(__file__).parent / "ob_v3p0_achievementcredential_schema.json").read_text())


async def _issuer_key(live_server, credential: dict) -> Ed25519PublicKey:
    """The verification key, fetched from the issuer profile named by the proof."""
    method = credential["proof"]["verificationMethod"]
    async with httpx.AsyncClient() as http:
        profile = (await http.get(method.split("#")[0])).json()
    found = next(m for m in profile["verificationMethod"] if m["id"] == method)
    return Ed25519PublicKey.from_public_bytes(public_key_from_multibase(found["publicKeyMultibase"]))


async def _awarded(network, **badge_options):
    badge = await make_badge(network, "Roi de l'entretien", emoji="🔧", description="Contrats d'entretien signés", criteria="Dix contrats d'entretien en un mois", **badge_options)
    admin = await head_office(network)
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    outcome = await award_badge(await scope_of_user(admin), badge.id, [seller.id], "Dix contrats Sérénité en octobre")
    return outcome.awards[0], seller, admin


async def test_the_credential_validates_against_the_official_schema_and_its_proof_verifies(live_server):
    network = await make_network()
    award, seller, _ = await _awarded(network)
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        response = await http.get(f"/credentials/{award.public_id}?download=1")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    credential = response.json()
    jsonschema.Draft201909Validator(SCHEMA).validate(credential)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    achievement = credential["credentialSubject"]["achievement"]
    assert (achievement["name"], achievement["criteria"]["narrative"]) == ("Roi de l'entretien", "Dix contrats d'entretien en un mois")
    identity = credential["credentialSubject"]["identifier"][0]
    assert identity["identityHash"] == email_identity(seller.email, identity["salt"])
    assert seller.email not in json.dumps(credential)
    assert credential["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert verify(credential, await _issuer_key(live_server, credential))


async def test_tampering_with_any_field_breaks_the_proof(live_server):
    network = await make_network()
    award, _, _ = await _awarded(network)
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        credential = (await http.get(f"/credentials/{award.public_id}")).json()
    key = await _issuer_key(live_server, credential)
    edits = [
        lambda c: c.update(name="Autre badge"),
        lambda c: c["credentialSubject"]["achievement"].update(name="Roi du monde"),
        lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="sha256$00"),
        lambda c: c["issuer"].update(name="Faux réseau"),
        lambda c: c.update(validFrom="2020-01-01T00:00:00Z"),
        lambda c: c["proof"].update(created="2020-01-01T00:00:00Z"),
        lambda c: c["proof"].update(proofValue=c["proof"]["proofValue"][:-2] + "11"),
        lambda c: c.pop("credentialStatus"),
    ]
    for edit in edits:
        tampered = copy.deepcopy(credential)
        edit(tampered)
        assert not verify(tampered, key)
    assert verify(credential, key)
    # another organisation's key does not verify it either
    other = await make_network()
    other_award, _, _ = await _awarded(other)
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        other_credential = (await http.get(f"/credentials/{other_award.public_id}")).json()
    assert not verify(credential, await _issuer_key(live_server, other_credential))


async def test_an_organisation_that_issued_nothing_has_no_public_issuer_profile(live_server):
    network = await make_network()
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        unknown = await http.get(f"/issuers/{network.organization_id}")
        garbage = await http.get("/issuers/abc")
    assert unknown.status_code == 404 and garbage.status_code == 404


async def test_the_organisation_key_is_made_once_and_stored_encrypted(live_server):
    network = await make_network()
    award, _, _ = await _awarded(network)
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        first = (await http.get(f"/credentials/{award.public_id}")).json()
        second = (await http.get(f"/credentials/{award.public_id}")).json()
    assert first == second
    stored = await SigningKey.filter(organization_id=network.organization_id)
    assert len(stored) == 1 and stored[0].private_key_encrypted.startswith("gAAAA")


async def test_the_verification_page_reports_valid_revoked_and_expired(live_server):
    network = await make_network()
    award, _, admin = await _awarded(network)
    label = await make_label(network)
    manager = await make_user(network.points_of_sale["Arras"], Role.MANAGER)
    expired = (await award_badge(await scope_of_user(admin), label.id, [manager.id], "Assessment 2024", level="Bronze")).awards[0]
    await Award.filter(id=expired.id).update(expires_at=datetime.now(UTC) - timedelta(days=2))
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        valid_page = await http.get(f"/verify/{award.public_id}")
        english_page = await http.get(f"/verify/{award.public_id}", headers={"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"})
        await revoke_award(admin, award.id, "Attribué par erreur")
        revoked_page = await http.get(f"/verify/{award.public_id}")
        expired_page = await http.get(f"/verify/{expired.public_id}")
        missing = await http.get("/verify/00000000-0000-0000-0000-000000000000")
        english_expired = await http.get(f"/verify/{expired.public_id}", headers={"Accept-Language": "en"})
        english_missing = await http.get("/verify/00000000-0000-0000-0000-000000000000", headers={"Accept-Language": "en"})
        as_json = (await http.get(f"/verify/{award.public_id}", headers={"Accept": "application/json"})).json()
    assert valid_page.status_code == 200 and 'data-status="VALID"' in valid_page.text and "Valide" in valid_page.text
    assert "Julie Moreau" in valid_page.text and "Signature vérifiée" in valid_page.text
    assert 'data-status="REVOKED"' in revoked_page.text and "Révoqué" in revoked_page.text
    assert 'data-status="EXPIRED"' in expired_page.text and "Expiré" in expired_page.text
    assert "niveau Bronze" in expired_page.text
    assert missing.status_code == 404 and "Badge introuvable" in missing.text
    # an English reader of the shared link reads it in English
    assert '<html lang="en">' in english_page.text and "Awarded to" in english_page.text
    assert "Signature checked" in english_page.text and "This badge was awarded and is valid." in english_page.text
    assert "Décerné" not in english_page.text and "level Bronze" in english_expired.text and "Expired" in english_expired.text
    assert english_missing.status_code == 404 and "Badge not found" in english_missing.text
    assert as_json["status"] == "REVOKED" and as_json["signatureValid"] is True and as_json["revokedAt"]


async def test_profile_awards_link_to_their_credential_and_verification_page(live_server):
    network = await make_network()
    award, seller, _ = await _awarded(network)
    async with GraphQLClient(live_server.url, token=await open_session(seller)) as client:
        data = await client.execute("query($id: ID!) { user(id: $id) { awards { credentialUrl verifyUrl } } }", {"id": str(seller.id)})
    assert data["user"]["awards"] == [{"credentialUrl": f"/credentials/{award.public_id}", "verifyUrl": f"/verify/{award.public_id}"}]
