"""Head office erases a seller who left: no table keeps her name, address or photo; boards,
counts and credentials stay consistent; the erasure is audited and only head office may."""

from __future__ import annotations

import random
import string
from datetime import UTC, datetime

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from server.accounts.models import ActiveWeek, Role, User
from server.audit.models import AuditEntry
from server.badges.credentials import email_identity, verify
from server.badges.keys import public_key_from_multibase
from server.feed.models import Comment, Like, Post, PostKind
from server.privacy.pseudonym import marker_of, pseudonym_of
from server.privacy.scrub import tables_holding
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.privacy.world import NAME, seller_with_everything

ERASE = """
mutation Erase($personId: ID!, $credentials: CredentialChoice) {
  erasePerson(personId: $personId, credentials: $credentials) {
    __typename
    ... on ErasePersonSuccess { pseudonym alreadyErased removed person { id displayName avatarUrl } }
    ... on UserError { code message }
  }
}
"""
BOARD = """
query Board($id: ID!) {
  challenge(id: $id) { leaderboard(first: 10) { edges { node { rank displayName score } } } }
}
"""
PHOTO = "https://elan.example/media/julie-portrait-{}.webp"


def _unique_name() -> str:
    """Other tests of the run have their own Julie Moreau: the scan looks for this one only."""
    return f"{NAME} {''.join(random.choices(string.ascii_uppercase, k=6))}"


async def _departed_seller():
    story = await seller_with_everything(_unique_name())
    await User.filter(id=story.seller.id).update(deactivated_at=datetime.now(UTC), avatar_url=PHOTO.format(story.seller.id))
    _, admin_token = await signed_in(story.network.root, Role.ADMIN, "Claire Fontaine")
    return story, admin_token


async def _issuer_key(credential: dict) -> Ed25519PublicKey:
    method = credential["proof"]["verificationMethod"]
    async with httpx.AsyncClient() as http:
        profile = (await http.get(method.split("#")[0])).json()
    found = next(m for m in profile["verificationMethod"] if m["id"] == method)
    return Ed25519PublicKey.from_public_bytes(public_key_from_multibase(found["publicKeyMultibase"]))


async def test_after_erasure_no_table_holds_her_name_address_or_photo(live_server):
    # given a seller who used every part of Élan, then left, and head office
    story, admin_token = await _departed_seller()
    email, name, photo = story.seller.email, story.seller.display_name, PHOTO.format(story.seller.id)
    assert await tables_holding([name, email, photo])  # she is everywhere before
    # and another organisation where a namesake was congratulated
    elsewhere = await make_network()
    namesake = await make_user(elsewhere.points_of_sale["Lille"], name=name)
    other_post = await Post.create(organization_id=elsewhere.organization_id, author=namesake, unit=elsewhere.points_of_sale["Lille"],
                                   kind=PostKind.WIN, body=f"Bravo {name} !")
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        before = (await http.get(f"/credentials/{story.award.public_id}")).json()
    async with GraphQLClient(live_server.url, token=admin_token) as claire:
        # when head office erases her
        done = (await claire.execute(ERASE, {"personId": str(story.seller.id)}))["erasePerson"]
        board = (await claire.execute(BOARD, {"id": str(story.challenge.id)}))["challenge"]["leaderboard"]["edges"]
    # then a stable pseudonym replaces her
    pseudonym = pseudonym_of(story.seller.id)
    assert done["__typename"] == "ErasePersonSuccess"
    assert done["pseudonym"] == pseudonym and pseudonym.startswith("Ancien collaborateur ")
    assert done["person"] == {"id": str(story.seller.id), "displayName": pseudonym, "avatarUrl": None}
    # and no text column of any table holds her name, address or photo
    assert await tables_holding([name, email, photo], story.network.organization_id) == {}
    # and the other organisation's namesake and texts are untouched
    assert (await User.get(id=namesake.id)).display_name == name
    assert (await Post.get(id=other_post.id)).body == f"Bravo {name} !"
    # and the finished challenge's podium keeps its ranks, under the pseudonym
    assert [(e["node"]["rank"], e["node"]["displayName"]) for e in board] == [(1, pseudonym), (2, "Karim Benali")]
    # and the counts stay exact: her comment went with the post's count, her like stays counted
    post = await Post.get(id=story.colleague_post.id)
    assert (post.comment_count, await Comment.filter(post_id=post.id).count()) == (0, 0)
    assert (post.like_count, await Like.filter(post_id=post.id).count()) == (1, 1)
    assert post.body == f"Bravo à {marker_of(story.seller.id)} pour la démo !"  # read in each reader's language
    assert not await Post.exists(id=story.post.id)  # her own free text is gone
    assert not await ActiveWeek.exists(user_id=story.seller.id)  # and the weeks she used the app
    assert done["removed"]["active_weeks"] == 1
    # and her credential keeps verifying, for the same recipient
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        after = (await http.get(f"/credentials/{story.award.public_id}")).json()
        status = (await http.get(f"/verify/{story.award.public_id}", headers={"Accept": "application/json"})).json()
    assert verify(after, await _issuer_key(after))
    identity = after["credentialSubject"]["identifier"][0]
    assert identity == before["credentialSubject"]["identifier"][0]
    assert identity["identityHash"] == email_identity(email, identity["salt"])
    assert status["status"] == "VALID"
    # and the erasure is in the audit trail, without her name
    entry = await AuditEntry.get(action="person.erased", subject_id=story.seller.id)
    assert entry.after["name"] == marker_of(story.seller.id) and entry.after["credentials"] == "KEEP"


async def test_head_office_may_revoke_her_credentials_and_erasing_twice_changes_nothing(live_server):
    # given a departed seller with a badge
    story, admin_token = await _departed_seller()
    async with GraphQLClient(live_server.url, token=admin_token) as claire:
        # when head office erases her, revoking her credentials, then erases her again
        first = (await claire.execute(ERASE, {"personId": str(story.seller.id), "credentials": "REVOKE"}))["erasePerson"]
        again = (await claire.execute(ERASE, {"personId": str(story.seller.id)}))["erasePerson"]
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        status = (await http.get(f"/verify/{story.award.public_id}", headers={"Accept": "application/json"})).json()
    # then her credential reads as revoked, and the second erasure did nothing
    assert first["alreadyErased"] is False and again["alreadyErased"] is True
    assert status["status"] == "REVOKED"
    assert await AuditEntry.filter(action="person.erased", subject_id=story.seller.id).count() == 1


async def test_only_a_departed_person_is_erased_and_only_by_head_office(live_server):
    # given a seller still at work, and her regional manager
    story = await seller_with_everything()
    _, admin_token = await signed_in(story.network.root, Role.ADMIN)
    _, manager_token = await signed_in(story.network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=admin_token) as claire:
        # when head office tries to erase her before she was deactivated
        early = (await claire.execute(ERASE, {"personId": str(story.seller.id)}))["erasePerson"]
    await User.filter(id=story.seller.id).update(deactivated_at=datetime.now(UTC))
    async with GraphQLClient(live_server.url, token=manager_token) as marc:
        # or her manager tries once she left
        by_manager = (await marc.execute(ERASE, {"personId": str(story.seller.id)}))["erasePerson"]
    # then both are refused and she keeps her name
    assert early["__typename"] == "ConflictError" and early["code"] == "erasure_needs_deactivation"
    assert by_manager["__typename"] == "NotAllowedError"
    assert (await User.get(id=story.seller.id)).display_name == NAME
