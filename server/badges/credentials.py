"""Open Badges 3.0 `OpenBadgeCredential` export of an award, signed with the organisation's key.

The proof is a W3C Data Integrity proof with the `eddsa-jcs-2022` cryptosuite (Ed25519 over
the JSON Canonicalization Scheme): it can be checked with nothing but an Ed25519 library,
offline, by anyone holding the issuer's public key (published at /issuers/<id>).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from server.accounts.models import User
from server.badges.keys import (
    base58btc,
    base58btc_decode,
    organization_key,
    public_key_multibase,
    raw_public_key,
)
from server.badges.models import Award, Badge, BadgeKind
from server.network.models import Organization

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA_ID = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
CRYPTOSUITE = "eddsa-jcs-2022"


class CredentialStatus(StrEnum):
    VALID = "VALID"
    EXPIRED = "EXPIRED"
    REVOKED = "REVOKED"


def status_of(award: Award, now: datetime | None = None) -> CredentialStatus:
    now = now or datetime.now(UTC)
    if award.revoked_at is not None:
        return CredentialStatus.REVOKED
    if award.expires_at is not None and award.expires_at <= now:
        return CredentialStatus.EXPIRED
    return CredentialStatus.VALID


def canonical(document: Any) -> bytes:
    """JSON Canonicalization Scheme (RFC 8785) for documents of strings, integers and booleans."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _z(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def issuer_id(base_url: str, organization_id: int) -> str:
    return f"{base_url}/issuers/{organization_id}"


def email_identity(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()


def unsigned_credential(
    award: Award, badge: Badge, user: User, organization: Organization, base_url: str
) -> dict[str, Any]:
    achievement: dict[str, Any] = {
        "id": f"{base_url}/badges/{badge.id}",
        "type": ["Achievement"],
        "achievementType": "License" if badge.kind == BadgeKind.LABEL else "Badge",
        "name": badge.name,
        "description": badge.description or badge.name,
        "criteria": {"narrative": badge.criteria or badge.description or badge.name},
    }
    if badge.image_name:
        achievement["image"] = {"id": f"{base_url}/badge-images/{badge.image_name}", "type": "Image"}
    salt = award.public_id.replace("-", "")[:16]
    subject: dict[str, Any] = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": award.recipient_identity or email_identity(user.email, salt),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": salt,
            }
        ],
        "achievement": achievement,
    }
    if award.level:
        subject["result"] = [{"type": ["Result"], "value": award.level}]
    issued = _z(award.awarded_at)
    credential: dict[str, Any] = {
        "@context": list(CONTEXT),
        "id": f"{base_url}/credentials/{award.public_id}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": badge.name,
        "description": award.reason or badge.description or badge.name,
        "issuer": {
            "id": issuer_id(base_url, organization.id),
            "type": ["Profile"],
            "name": organization.name,
            "url": base_url,
        },
        "validFrom": issued,
        "issuanceDate": issued,
        "awardedDate": issued,
        "credentialSubject": subject,
        "credentialSchema": [{"id": SCHEMA_ID, "type": "1EdTechJsonSchemaValidator2019"}],
        "credentialStatus": {
            "id": f"{base_url}/verify/{award.public_id}",
            "type": "1EdTechRevocationList",
        },
    }
    if award.expires_at is not None:
        credential["validUntil"] = _z(award.expires_at)
        credential["expirationDate"] = _z(award.expires_at)
    return credential


def _hash_data(document: dict[str, Any], proof_options: dict[str, Any]) -> bytes:
    config = {**proof_options, "@context": document["@context"]}
    return hashlib.sha256(canonical(config)).digest() + hashlib.sha256(canonical(document)).digest()


def sign(document: dict[str, Any], key: Ed25519PrivateKey, verification_method: str, created: datetime) -> dict[str, Any]:
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": _z(created),
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    signature = key.sign(_hash_data(document, options))
    return {**document, "proof": {**options, "proofValue": "z" + base58btc(signature)}}


def verify(credential: dict[str, Any], public_key: Ed25519PublicKey) -> bool:
    """True when the credential's eddsa-jcs-2022 proof verifies with `public_key`."""
    proof = credential.get("proof")
    if not isinstance(proof, dict) or proof.get("cryptosuite") != CRYPTOSUITE:
        return False
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        return False
    document = {k: v for k, v in credential.items() if k != "proof"}
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    try:
        public_key.verify(base58btc_decode(value[1:]), _hash_data(document, options))
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass
class SignedCredential:
    credential: dict[str, Any]
    status: CredentialStatus
    award: Award


async def load_award(public_id: str) -> Award | None:
    if len(public_id) != 36:
        return None
    return await Award.get_or_none(public_id=public_id).select_related("badge", "user", "organization")


async def signed_credential(award: Award, base_url: str) -> dict[str, Any]:
    key = await organization_key(award.organization_id)
    document = unsigned_credential(award, award.badge, award.user, award.organization, base_url)
    method = f"{issuer_id(base_url, award.organization_id)}#key-1"
    return sign(document, key, method, award.awarded_at)


async def issuer_profile(organization: Organization, base_url: str) -> dict[str, Any]:
    """The issuer's public profile with its verification key (Multikey)."""
    public = raw_public_key((await organization_key(organization.id)).public_key())
    profile_id = issuer_id(base_url, organization.id)
    return {
        "@context": list(CONTEXT),
        "id": profile_id,
        "type": ["Profile"],
        "name": organization.name,
        "url": base_url,
        "verificationMethod": [
            {
                "id": f"{profile_id}#key-1",
                "type": "Multikey",
                "controller": profile_id,
                "publicKeyMultibase": public_key_multibase(public),
            }
        ],
    }
