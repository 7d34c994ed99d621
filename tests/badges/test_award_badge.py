"""Awarding badges: rights by role and scope, bulk awards, revocation, retired badges."""

from __future__ import annotations

from server.accounts.models import Role
from server.badges.models import Award, AwardPolicy
from server.feed.models import Post, PostKind
from server.notifications.models import Notification, NotificationKind
from tests.badges.factories import head_office, make_badge
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.written import written

AWARD = """
mutation Award($badgeId: ID!, $userIds: [ID!]!, $reason: String!, $postId: ID) {
  awardBadge(badgeId: $badgeId, userIds: $userIds, reason: $reason, postId: $postId) {
    __typename
    ... on AwardBadgeSuccess {
      awards { id reason status badge { name } recipient { displayName } awardedBy { displayName } verifyUrl }
      alreadyHeldUserIds
    }
    ... on UserError { code message }
  }
}
"""
REVOKE = """
mutation Revoke($awardId: ID!, $reason: String!) {
  revokeAward(awardId: $awardId, reason: $reason) {
    __typename ... on RevokeAwardSuccess { awardId } ... on UserError { code message }
  }
}
"""
RETIRE = """
mutation Retire($badgeId: ID!) {
  retireBadge(badgeId: $badgeId) { __typename ... on RetireBadgeSuccess { badge { retired } } ... on UserError { code } }
}
"""
PROFILE = """
query Profile($id: ID!) {
  user(id: $id) {
    displayName
    awards { badge { name retired } reason awardedBy { displayName } status }
    labels { badge { name } level }
    recognition { wins bestPractices podiums }
  }
}
"""


async def test_a_manager_awards_a_badge_to_two_sellers_of_its_scope_at_once(live_server):
    # given a manager of Nord and two sellers in Lille and Arras
    network = await make_network()
    badge = await make_badge(network, "Premier financement", emoji="💶")
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    julie = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    karim = await make_user(network.points_of_sale["Arras"], name="Karim Benali")
    evidence = await Post.create(
        organization_id=network.organization_id, author=julie, unit_id=julie.unit_id,
        kind=PostKind.WIN, body="Premier financement signé !",
    )
    # when the manager awards the badge to both with a reason and the post as evidence
    async with GraphQLClient(live_server.url, token=token) as manager:
        result = (await manager.execute(AWARD, {
            "badgeId": str(badge.id), "userIds": [str(julie.id), str(karim.id)],
            "reason": "Premiers dossiers de financement bouclés", "postId": str(evidence.id),
        }))["awardBadge"]
        profile = (await manager.execute(PROFILE, {"id": str(julie.id)}))["user"]
    # then both hold it, each gets a recognition post and a notification
    assert result["__typename"] == "AwardBadgeSuccess"
    assert sorted(a["recipient"]["displayName"] for a in result["awards"]) == ["Julie Moreau", "Karim Benali"]
    assert {a["awardedBy"]["displayName"] for a in result["awards"]} == {"Marc Delaunay"}
    assert profile["awards"] == [{
        "badge": {"name": "Premier financement", "retired": False},
        "reason": "Premiers dossiers de financement bouclés",
        "awardedBy": {"displayName": "Marc Delaunay"}, "status": "VALID",
    }]
    assert profile["recognition"] == {"wins": 1, "bestPractices": 0, "podiums": 0}
    for person in (julie, karim):
        posts = [await written(p) for p in await Post.filter(author_id=person.id, kind=PostKind.SYSTEM)]
        assert len(posts) == 1 and "« Premier financement »" in posts[0] and "Marc Delaunay" in posts[0]
        kinds = await Notification.filter(user_id=person.id).values_list("kind", flat=True)
        assert kinds == [NotificationKind.BADGE_RECEIVED]
    award = await Award.get(user_id=julie.id)
    assert award.evidence_post_id == evidence.id


async def test_out_of_scope_members_and_policies_are_refused_and_nothing_is_awarded(live_server):
    network = await make_network()
    badge = await make_badge(network)
    admins_only = await make_badge(network, "Top 3 du mois", award_policy=AwardPolicy.ADMINS)
    rules_only = await make_badge(network, "Client ravi", award_policy=AwardPolicy.RULES)
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, member_token = await signed_in(network.points_of_sale["Lille"])
    lille = await make_user(network.points_of_sale["Lille"])
    bordeaux = await make_user(network.points_of_sale["Bordeaux"], name="Léa Garnier")
    reason = "Bravo pour ce trimestre"
    async with GraphQLClient(live_server.url, token=manager_token) as manager:
        out_of_scope = (await manager.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(lille.id), str(bordeaux.id)], "reason": reason}))["awardBadge"]
        admins = (await manager.execute(AWARD, {"badgeId": str(admins_only.id), "userIds": [str(lille.id)], "reason": reason}))["awardBadge"]
        rules = (await manager.execute(AWARD, {"badgeId": str(rules_only.id), "userIds": [str(lille.id)], "reason": reason}))["awardBadge"]
        no_reason = (await manager.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(lille.id)], "reason": " "}))["awardBadge"]
        unknown = (await manager.execute(AWARD, {"badgeId": "999999", "userIds": [str(lille.id)], "reason": reason}))["awardBadge"]
    async with GraphQLClient(live_server.url, token=member_token) as member:
        by_member = (await member.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(lille.id)], "reason": reason}))["awardBadge"]
    assert (out_of_scope["__typename"], out_of_scope["code"]) == ("NotAllowedError", "person_out_of_scope")
    assert "Léa Garnier" in out_of_scope["message"]
    assert admins["code"] == "badge_admins_only"
    assert rules["code"] == "badge_rules_only"
    assert (no_reason["__typename"], no_reason["code"]) == ("ValidationError", "award_reason_invalid")
    assert unknown["__typename"] == "NotFoundError"
    assert by_member["__typename"] == "NotAllowedError"
    assert await Award.filter(organization_id=network.organization_id).count() == 0


async def test_head_office_awards_anywhere_and_a_non_repeatable_badge_is_held_once(live_server):
    network = await make_network()
    badge = await make_badge(network)
    admin = await head_office(network)
    from server.accounts.services import open_session

    token = await open_session(admin)
    seller = await make_user(network.points_of_sale["Bordeaux"])
    async with GraphQLClient(live_server.url, token=token) as client:
        first = (await client.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(seller.id)], "reason": "Superbe esprit"}))["awardBadge"]
        again = (await client.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(seller.id)], "reason": "Encore"}))["awardBadge"]
    assert len(first["awards"]) == 1
    assert again == {"__typename": "AwardBadgeSuccess", "awards": [], "alreadyHeldUserIds": [str(seller.id)]}
    assert await Award.filter(user_id=seller.id).count() == 1


async def test_a_person_who_hid_from_the_feed_gets_the_badge_without_a_post(live_server):
    network = await make_network()
    badge = await make_badge(network)
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, seller_token = await signed_in(network.points_of_sale["Lille"])
    seller = await make_user(network.points_of_sale["Lille"])
    seller.hidden_from_feed = True
    await seller.save()
    async with GraphQLClient(live_server.url, token=token) as manager:
        result = (await manager.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(seller.id)], "reason": "Merci pour l'aide"}))["awardBadge"]
    async with GraphQLClient(live_server.url, token=seller_token) as other:
        hidden = await other.execute("mutation { setHiddenFromFeed(hidden: true) { hiddenFromFeed } }")
        me = await other.execute("{ me { hiddenFromFeed } }")
    assert len(result["awards"]) == 1
    assert await Post.filter(author_id=seller.id).count() == 0
    assert await Notification.filter(user_id=seller.id).count() == 1
    assert hidden["setHiddenFromFeed"]["hiddenFromFeed"] is True and me["me"]["hiddenFromFeed"] is True


async def test_the_awarder_revokes_an_award_and_it_leaves_the_profile_and_the_feed(live_server):
    network = await make_network()
    badge = await make_badge(network)
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, other_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller = await make_user(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as manager:
        award_id = (await manager.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(seller.id)], "reason": "Belle semaine"}))["awardBadge"]["awards"][0]["id"]
        async with GraphQLClient(live_server.url, token=other_token) as other:
            by_other = (await other.execute(REVOKE, {"awardId": award_id, "reason": "Erreur"}))["revokeAward"]
        revoked = (await manager.execute(REVOKE, {"awardId": award_id, "reason": "Attribué par erreur"}))["revokeAward"]
        twice = (await manager.execute(REVOKE, {"awardId": award_id, "reason": "Attribué par erreur"}))["revokeAward"]
        profile = (await manager.execute(PROFILE, {"id": str(seller.id)}))["user"]
    assert by_other["__typename"] == "NotAllowedError"
    assert revoked == {"__typename": "RevokeAwardSuccess", "awardId": award_id}
    assert twice["code"] == "award_already_revoked"
    assert profile["awards"] == []
    assert await Post.filter(author_id=seller.id, kind=PostKind.SYSTEM).count() == 0


async def test_a_retired_badge_cannot_be_awarded_and_awards_given_stay_visible_as_retired(live_server):
    network = await make_network()
    badge = await make_badge(network)
    admin = await head_office(network)
    from server.accounts.services import open_session

    admin_token = await open_session(admin)
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller = await make_user(network.points_of_sale["Lille"])
    other = await make_user(network.points_of_sale["Arras"])
    async with GraphQLClient(live_server.url, token=manager_token) as manager:
        await manager.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(seller.id)], "reason": "Avant le retrait"})
        refused_retire = (await manager.execute(RETIRE, {"badgeId": str(badge.id)}))["retireBadge"]
        async with GraphQLClient(live_server.url, token=admin_token) as head:
            retired = (await head.execute(RETIRE, {"badgeId": str(badge.id)}))["retireBadge"]
            catalogue = (await head.execute("{ badges { name } all: badges(includeRetired: true) { name retired } }"))
        after = (await manager.execute(AWARD, {"badgeId": str(badge.id), "userIds": [str(other.id)], "reason": "Après le retrait"}))["awardBadge"]
        profile = (await manager.execute(PROFILE, {"id": str(seller.id)}))["user"]
    assert refused_retire["__typename"] == "NotAllowedError"
    assert retired == {"__typename": "RetireBadgeSuccess", "badge": {"retired": True}}
    assert catalogue["badges"] == [] and catalogue["all"] == [{"name": "Esprit d'équipe", "retired": True}]
    assert (after["__typename"], after["code"]) == ("ConflictError", "badge_retired")
    assert profile["awards"][0]["badge"] == {"name": "Esprit d'équipe", "retired": True}
