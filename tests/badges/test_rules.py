"""Rules award once per earned event, only after the change commits, never on rollback;
a backfill grants past earners with at most one notification each and no feed posts."""

from __future__ import annotations

import pytest

from server.accounts.models import Role
from server.accounts.services import open_session
from server.badges.models import Award, BadgeRule, RuleTrigger
from server.badges.rules import create_rule
from server.db import atomic
from server.feed.models import Post, PostKind
from server.notifications.models import Notification, NotificationKind
from tests.badges.factories import head_office, make_badge
from tests.factories import make_network, make_user
from tests.graphql_client import GraphQLClient
from tests.written import written

CREATE_RULE = """
mutation Rule($input: CreateBadgeRuleInput!) {
  createBadgeRule(input: $input) {
    __typename
    ... on SaveBadgeRuleSuccess { backfilled rule { trigger threshold active } }
    ... on UserError { code }
  }
}
"""


async def _rule(network, trigger: RuleTrigger, threshold: float | None = None, **badge_options):
    badge = await make_badge(network, f"Badge {trigger}", **badge_options)
    admin = await head_office(network)
    rule, _ = await create_rule(admin, badge.id, trigger, threshold, {})
    return badge, rule


async def test_a_quiz_passed_awards_once_after_commit_and_not_before(live_server):
    # given a rule "quiz passed with at least 80 %"
    network = await make_network()
    badge, _ = await _rule(network, RuleTrigger.QUIZ_PASSED, 80)
    seller = await make_user(network.points_of_sale["Lille"])
    payload = {"organization_id": network.organization_id, "user_id": seller.id, "quiz_id": 7, "score_percent": 92}
    # when the training domain emits the event inside its transaction
    async with atomic() as events:
        events.emit("training.quiz_passed", payload)
        # then nothing is awarded before the commit
        assert not await Award.exists(user_id=seller.id)
    # and exactly one award after it, even when the event is heard again
    assert await Award.filter(user_id=seller.id, badge_id=badge.id).count() == 1
    async with atomic() as events:
        events.emit("training.quiz_passed", payload)
    assert await Award.filter(user_id=seller.id, badge_id=badge.id).count() == 1
    assert await Notification.filter(user_id=seller.id, kind=NotificationKind.BADGE_RECEIVED).count() == 1


async def test_a_rolled_back_change_awards_nothing(live_server):
    network = await make_network()
    await _rule(network, RuleTrigger.TRAINING_COMPLETED)
    seller = await make_user(network.points_of_sale["Lille"])
    with pytest.raises(RuntimeError):
        async with atomic() as events:
            events.emit("training.module_completed", {"organization_id": network.organization_id, "user_id": seller.id, "module_id": 3})
            raise RuntimeError("the module completion failed to save")
    assert not await Award.exists(user_id=seller.id)


async def test_a_low_score_or_another_organisation_awards_nothing(live_server):
    network, elsewhere = await make_network(), await make_network()
    await _rule(network, RuleTrigger.QUIZ_PASSED, 80)
    seller = await make_user(network.points_of_sale["Lille"])
    async with atomic() as events:
        events.emit("training.quiz_passed", {"organization_id": network.organization_id, "user_id": seller.id, "quiz_id": 1, "score_percent": 79})
        events.emit("training.quiz_passed", {"organization_id": elsewhere.organization_id, "user_id": seller.id, "quiz_id": 1, "score_percent": 100})
    assert not await Award.exists(user_id=seller.id)


async def test_a_repeatable_badge_is_awarded_once_per_post_reaching_n_likes(live_server):
    network = await make_network()
    badge, _ = await _rule(network, RuleTrigger.LIKES_ON_POST, 3, repeatable=True)
    author = await make_user(network.points_of_sale["Lille"])
    for post_id in (101, 102):
        for count in (3, 4):  # the 3rd like earns it; the 4th changes nothing
            async with atomic() as events:
                events.emit("feed.post_liked", {"organization_id": network.organization_id, "post_id": post_id, "author_id": author.id, "like_count": count})
    assert await Award.filter(user_id=author.id, badge_id=badge.id).count() == 2


async def test_the_first_win_posted_through_the_feed_earns_the_badge(live_server):
    network = await make_network()
    badge, _ = await _rule(network, RuleTrigger.FIRST_WIN, 1)
    seller = await make_user(network.points_of_sale["Lille"], name="Camille Durand")
    token = await open_session(seller)
    async with GraphQLClient(live_server.url, token=token) as client:
        await client.execute(
            'mutation { createPost(input: {kind: WIN, body: "Premier contrat signé !"}) { __typename } }'
        )
        await client.execute(
            'mutation { createPost(input: {kind: WIN, body: "Et un deuxième !"}) { __typename } }'
        )
    assert await Award.filter(user_id=seller.id, badge_id=badge.id).count() == 1
    recognition = [await written(p) for p in await Post.filter(author_id=seller.id, kind=PostKind.SYSTEM)]
    assert len(recognition) == 1 and "Camille Durand reçoit le badge" in recognition[0]


async def test_a_satisfaction_index_above_the_threshold_rewards_the_point_of_sale_team(live_server):
    network = await make_network()
    badge, _ = await _rule(network, RuleTrigger.SATISFACTION_ABOVE, 90)
    team = [await make_user(network.points_of_sale["Lille"]) for _ in range(3)]
    elsewhere = await make_user(network.points_of_sale["Arras"])
    async with atomic() as events:
        events.emit("evaluation.satisfaction_recorded", {"organization_id": network.organization_id, "unit_id": network.points_of_sale["Lille"].id, "index": 93.5})
    assert await Award.filter(badge_id=badge.id).count() == 3
    assert set(await Award.filter(badge_id=badge.id).values_list("user_id", flat=True)) == {p.id for p in team}
    assert not await Award.exists(user_id=elsewhere.id)


async def test_podiums_count_on_the_profile_and_award_the_top_three(live_server):
    network = await make_network()
    badge, _ = await _rule(network, RuleTrigger.CHALLENGE_PODIUM, 3)
    first, fourth = await make_user(network.points_of_sale["Lille"]), await make_user(network.points_of_sale["Lille"])
    async with atomic() as events:
        events.emit("challenges.podium", {"organization_id": network.organization_id, "challenge_id": 5, "user_id": first.id, "rank": 1})
        events.emit("challenges.podium", {"organization_id": network.organization_id, "challenge_id": 5, "user_id": fourth.id, "rank": 4})
        events.emit("challenges.podium", {"organization_id": network.organization_id, "challenge_id": 5, "user_id": first.id, "rank": 1})
    assert await Award.filter(badge_id=badge.id).values_list("user_id", flat=True) == [first.id]


async def test_a_new_rule_backfills_past_earners_without_a_notification_flood(live_server):
    # given four sellers whose posts already have many likes (one has three such posts)
    network = await make_network()
    badge = await make_badge(network, "Client ravi", repeatable=True)
    admin = await head_office(network)
    token = await open_session(admin)
    sellers = [await make_user(network.points_of_sale["Lille"]) for _ in range(4)]
    for index, seller in enumerate(sellers):
        for _ in range(3 if index == 0 else 1):
            await Post.create(organization_id=network.organization_id, author=seller, unit_id=seller.unit_id,
                              kind=PostKind.WIN, body="Belle vente", like_count=12)
    quiet = await make_user(network.points_of_sale["Lille"])
    await Post.create(organization_id=network.organization_id, author=quiet, unit_id=quiet.unit_id, kind=PostKind.WIN, body="…", like_count=2)
    # when head office creates the rule "a post with 10 likes"
    async with GraphQLClient(live_server.url, token=token) as client:
        result = (await client.execute(CREATE_RULE, {"input": {"badgeId": str(badge.id), "trigger": "LIKES_ON_POST", "threshold": 10}}))["createBadgeRule"]
    # then every past earner holds it (one per post), with one notification line each and no post
    assert result == {"__typename": "SaveBadgeRuleSuccess", "backfilled": 6, "rule": {"trigger": "LIKES_ON_POST", "threshold": 10.0, "active": True}}
    assert await Award.filter(badge_id=badge.id, user_id=sellers[0].id).count() == 3
    for seller in sellers:
        lines = await Notification.filter(user_id=seller.id).values("count")
        assert len(lines) == 1
    assert (await Notification.get(user_id=sellers[0].id)).count == 3
    assert not await Award.exists(user_id=quiet.id)
    assert await Post.filter(organization_id=network.organization_id, kind=PostKind.SYSTEM).count() == 0
    # and changing the rule backfills only the new earners, quietly
    update = """mutation($input: UpdateBadgeRuleInput!) { updateBadgeRule(input: $input) { ... on SaveBadgeRuleSuccess { backfilled } } }"""
    rule = await BadgeRule.get(badge_id=badge.id)
    async with GraphQLClient(live_server.url, token=token) as client:
        changed = await client.execute(update, {"input": {"ruleId": str(rule.id), "threshold": 2}})
    assert changed["updateBadgeRule"]["backfilled"] == 1
    assert await Notification.filter(user_id=sellers[0].id).count() == 1


async def test_likes_on_a_recognition_post_earn_nothing(live_server):
    network = await make_network()
    badge, _ = await _rule(network, RuleTrigger.LIKES_ON_POST, 2)
    author = await make_user(network.points_of_sale["Lille"])
    system = await Post.create(organization_id=network.organization_id, author=author, unit_id=author.unit_id,
                               kind=PostKind.SYSTEM, body="🏅 reçoit le badge")
    async with atomic() as events:
        events.emit("feed.post_liked", {"organization_id": network.organization_id, "post_id": system.id, "author_id": author.id, "like_count": 5})
    assert not await Award.exists(badge_id=badge.id)


async def test_only_head_office_writes_rules_and_thresholds_are_checked(live_server):
    from tests.badges.factories import make_label

    network = await make_network()
    badge = await make_badge(network)
    label = await make_label(network)
    manager = await make_user(network.regions["Nord"], Role.MANAGER)
    admin = await head_office(network)
    async with GraphQLClient(live_server.url, token=await open_session(manager)) as client:
        refused = (await client.execute(CREATE_RULE, {"input": {"badgeId": str(badge.id), "trigger": "QUIZ_PASSED", "threshold": 80}}))["createBadgeRule"]
    async with GraphQLClient(live_server.url, token=await open_session(admin)) as client:
        bad = (await client.execute(CREATE_RULE, {"input": {"badgeId": str(badge.id), "trigger": "QUIZ_PASSED", "threshold": 180}}))["createBadgeRule"]
        on_label = (await client.execute(CREATE_RULE, {"input": {"badgeId": str(label.id), "trigger": "QUIZ_PASSED", "threshold": 80}}))["createBadgeRule"]
    assert on_label == {"__typename": "ValidationError", "code": "rule_label_not_allowed"}
    assert refused["__typename"] == "NotAllowedError"
    assert bad == {"__typename": "ValidationError", "code": "rule_threshold_invalid"}
