"""A person who left is deactivated: no more sign-in, no session, no socket, no push; what
they posted and earned stays. Who may deactivate whom."""

from __future__ import annotations

from server.accounts.models import Role, User
from server.feed.models import Post, PostKind
from server.feed.services import create_post
from server.network.scope import scope_of_user
from server.push.models import PushSubscription
from tests.accounts.documents import DEACTIVATE_PERSON, LOGIN, ME, NOTIFICATIONS, REACTIVATE_PERSON
from tests.badges.factories import make_badge
from tests.factories import PASSWORD, an_address, make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient, Subscription

AWARD = """
mutation Award($badgeId: ID!, $userIds: [ID!]!, $reason: String!) {
  awardBadge(badgeId: $badgeId, userIds: $userIds, reason: $reason) { __typename }
}
"""
PROFILE = "query Profile($id: ID!) { user(id: $id) { displayName awards { badge { name } } } }"
FEED_BODIES = "{ feed(first: 20) { edges { node { body author { displayName } } } } }"


async def test_a_deactivated_person_is_signed_out_everywhere_and_cannot_sign_in(live_server):
    # given a seller with a post, a badge, a push device and a live socket, and her manager
    network = await make_network()
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    seller, seller_token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    await create_post(await scope_of_user(seller), PostKind.WIN, "Trois contrats signés ce matin")
    badge = await make_badge(network, "Esprit d'équipe")
    await PushSubscription.create(user=seller, endpoint="https://fcm.googleapis.com/fcm/send/julie", p256dh="k" * 87, auth="a" * 22)
    socket = Subscription(live_server.ws_url, token=seller_token)
    assert (await socket.connect())["type"] == "connection_ack"
    await socket.subscribe(NOTIFICATIONS)
    assert (await socket.next())["type"] == "next"
    async with GraphQLClient(live_server.url, token=manager_token) as marc:
        awarded = await marc.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(seller.id)], "reason": "Toujours là pour l'équipe"})
        assert awarded["awardBadge"]["__typename"] == "AwardBadgeSuccess"

        # when her manager deactivates her
        result = (await marc.execute(DEACTIVATE_PERSON, {"personId": str(seller.id)}))["deactivatePerson"]

        # then her session ended and her socket closed at once
        assert result["__typename"] == "DeactivatePersonSuccess"
        assert result["person"] == {"id": str(seller.id), "displayName": "Julie Moreau"}
        assert result["sessionsEnded"] == 1 and result["deactivatedAt"]
        code, reason, _ = await socket.closed_by_server(timeout=1)
        assert (code, reason) == (4401, "Session ended")
        # and what she posted and earned stays
        bodies = [e["node"]["body"] for e in (await marc.execute(FEED_BODIES))["feed"]["edges"]]
        assert "Trois contrats signés ce matin" in bodies
        profile = (await marc.execute(PROFILE, {"id": str(seller.id)}))["user"]
        assert {"badge": {"name": "Esprit d'équipe"}} in profile["awards"]
    await socket.close()
    assert await Post.filter(author_id=seller.id).exists()
    # her devices receive no more pushes
    assert not await PushSubscription.filter(user_id=seller.id).exists()
    async with GraphQLClient(live_server.url, token=seller_token) as old_phone:
        assert (await old_phone.execute(ME))["me"] is None
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        # her right password tells her plainly; a wrong one says what it says to anyone
        right = (await phone.execute(LOGIN, {"input": {"email": seller.email, "password": PASSWORD}}))["login"]
        assert right == {
            "__typename": "InvalidCredentialsError",
            "code": "account_deactivated",
            "message": "Ce compte a été désactivé. Adressez-vous à votre responsable.",
        }
        wrong = (await phone.execute(LOGIN, {"input": {"email": seller.email, "password": "pas-le-bon-mot"}}))["login"]
        assert wrong["code"] == "invalid_credentials"

    # when she comes back and is reactivated
    async with GraphQLClient(live_server.url, token=manager_token) as marc:
        back = (await marc.execute(REACTIVATE_PERSON, {"personId": str(seller.id)}))["reactivatePerson"]
    assert back["__typename"] == "ReactivatePersonSuccess"
    # then she signs in again
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        again = (await phone.execute(LOGIN, {"input": {"email": seller.email, "password": PASSWORD}}))["login"]
    assert again["__typename"] == "AuthSuccess"


async def test_who_may_deactivate_whom(live_server):
    # given a network with its admin, a manager of Nord, people below and beside
    network = await make_network()
    admin, admin_token = await signed_in(network.root, Role.ADMIN)
    manager, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    peer, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, seller_token = await signed_in(network.points_of_sale["Arras"], name="Hugo Lefèvre")
    admin_below, _ = await signed_in(network.points_of_sale["Lille"], Role.ADMIN)
    far, _ = await signed_in(network.points_of_sale["Bordeaux"], name="Inès Roux")
    stranger = await make_user((await make_network()).points_of_sale["Lille"])

    async def attempt(token: str, person: User) -> tuple[str, str | None]:
        async with GraphQLClient(live_server.url, token=token) as client:
            result = (await client.execute(DEACTIVATE_PERSON, {"personId": str(person.id)}))["deactivatePerson"]
        return result["__typename"], result.get("code")

    # when / then: what is refused
    assert await attempt(manager_token, far) == ("NotAllowedError", "person_out_of_scope")
    assert await attempt(manager_token, admin_below) == ("NotAllowedError", "person_role_too_high")
    assert await attempt(manager_token, manager) == ("NotAllowedError", "cannot_deactivate_self")
    assert await attempt(manager_token, stranger) == ("NotFoundError", "person_not_found")
    assert await attempt(seller_token, peer) == ("NotAllowedError", "person_out_of_scope")
    assert await attempt(admin_token, admin) == ("NotAllowedError", "cannot_deactivate_self")
    # and nothing refused changed anyone
    refused = [far.id, admin_below.id, manager.id, stranger.id, peer.id, admin.id]
    assert await User.filter(id__in=refused, deactivated_at__not_isnull=True).count() == 0
    async with GraphQLClient(live_server.url, token=manager_token) as still_manager:
        assert (await still_manager.execute(ME))["me"] is not None

    # what is allowed: a manager on a seller and a peer of their subtree, an admin on anyone
    assert await attempt(manager_token, seller) == ("DeactivatePersonSuccess", None)
    assert await attempt(manager_token, peer) == ("DeactivatePersonSuccess", None)
    assert await attempt(admin_token, far) == ("DeactivatePersonSuccess", None)
    assert await attempt(admin_token, admin_below) == ("DeactivatePersonSuccess", None)
    # deactivating twice is harmless
    assert await attempt(admin_token, far) == ("DeactivatePersonSuccess", None)
    # a manager may not bring back an admin either
    async with GraphQLClient(live_server.url, token=manager_token) as client:
        back = (await client.execute(REACTIVATE_PERSON, {"personId": str(admin_below.id)}))["reactivatePerson"]
    assert (back["__typename"], back["code"]) == ("NotAllowedError", "person_role_too_high")
    assert await User.filter(id=admin_below.id, deactivated_at__not_isnull=True).exists()
