"""A rule created through GraphQL backfills past earners of every domain once, quietly:
training modules completed, quizzes passed, targets reached, satisfaction, recommendations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from server.accounts.models import Role
from server.accounts.services import open_session
from server.badges.models import Award, BadgeRule
from server.challenges.models import Challenge, Metric, Participant
from server.db import atomic
from server.evaluation.models import SatisfactionSurvey, SurveyKind
from server.feed.models import Post, PostKind, Recommendation
from server.notifications.models import Notification
from server.training.models import ModuleProgress, Quiz, QuizAttempt, TrainingModule
from tests.badges.factories import head_office, make_badge
from tests.factories import make_network, make_user
from tests.graphql_client import GraphQLClient

CREATE_RULE = """
mutation Rule($input: CreateBadgeRuleInput!) {
  createBadgeRule(input: $input) {
    __typename
    ... on SaveBadgeRuleSuccess { backfilled rule { trigger threshold active } }
    ... on UserError { code }
  }
}
"""
UPDATE_RULE = """
mutation Rule($input: UpdateBadgeRuleInput!) {
  updateBadgeRule(input: $input) { ... on SaveBadgeRuleSuccess { backfilled } }
}
"""


async def _create_rule(live_server, network, badge, trigger: str, threshold: float | None = None) -> dict:
    token = await open_session(await head_office(network))
    variables: dict = {"input": {"badgeId": str(badge.id), "trigger": trigger}}
    if threshold is not None:
        variables["input"]["threshold"] = threshold
    async with GraphQLClient(live_server.url, token=token) as client:
        return (await client.execute(CREATE_RULE, variables))["createBadgeRule"]


async def _quiet(network, user_ids: list[int]) -> None:
    """One notification line at most per person, and no recognition post in the feed."""
    for user_id in user_ids:
        assert await Notification.filter(user_id=user_id).count() <= 1
    assert await Post.filter(organization_id=network.organization_id, kind=PostKind.SYSTEM).count() == 0


async def test_a_new_rule_backfills_people_who_completed_a_module(live_server):
    # given two sellers who completed the module, one still reading it, and a repeatable badge
    network = await make_network()
    badge = await make_badge(network, "Formé", repeatable=True)
    lille = network.points_of_sale["Lille"]
    done = [await make_user(lille) for _ in range(2)]
    reading = await make_user(lille)
    modules = [await TrainingModule.create(organization_id=network.organization_id, title=f"Module {n}") for n in range(2)]
    now = datetime.now(UTC)
    for module in modules:  # the first seller completed both modules
        await ModuleProgress.create(module=module, user=done[0], organization_id=network.organization_id, sections_done=3, completed_at=now)
    await ModuleProgress.create(module=modules[0], user=done[1], organization_id=network.organization_id, sections_done=3, completed_at=now)
    await ModuleProgress.create(module=modules[0], user=reading, organization_id=network.organization_id, sections_done=1)
    # when head office creates the rule "training module completed"
    result = await _create_rule(live_server, network, badge, "TRAINING_COMPLETED")
    # then each completion earns the badge once, folded into one notification line per person
    assert result["__typename"] == "SaveBadgeRuleSuccess" and result["backfilled"] == 3
    assert await Award.filter(badge_id=badge.id, user_id=done[0].id).count() == 2
    assert await Award.filter(badge_id=badge.id, user_id=done[1].id).count() == 1
    assert not await Award.exists(user_id=reading.id)
    assert (await Notification.get(user_id=done[0].id)).count == 2
    await _quiet(network, [u.id for u in done])
    # and the completion heard again later awards nothing more
    async with atomic() as events:
        events.emit("training.module_completed", {"organization_id": network.organization_id, "user_id": done[1].id, "module_id": modules[0].id})
    assert await Award.filter(badge_id=badge.id, user_id=done[1].id).count() == 1


async def test_a_new_rule_backfills_quizzes_passed_with_at_least_the_mark(live_server):
    # given attempts: passed at 95 % (twice), passed at 75 %, failed at 40 %
    network = await make_network()
    badge = await make_badge(network, "As du quiz")
    lille = network.points_of_sale["Lille"]
    ace, average, failed = [await make_user(lille) for _ in range(3)]
    quiz = await Quiz.create(organization_id=network.organization_id, title="Quiz produits", pass_mark_percent=70)
    org = network.organization_id
    await QuizAttempt.create(quiz=quiz, user=ace, organization_id=org, number=1, score_percent=95, passed=True)
    await QuizAttempt.create(quiz=quiz, user=ace, organization_id=org, number=2, score_percent=100, passed=True)
    await QuizAttempt.create(quiz=quiz, user=average, organization_id=org, number=1, score_percent=75, passed=True)
    await QuizAttempt.create(quiz=quiz, user=failed, organization_id=org, number=1, score_percent=40, passed=False)
    # when head office creates the rule "quiz passed with at least 80 %"
    result = await _create_rule(live_server, network, badge, "QUIZ_PASSED", 80)
    # then only the 80 %+ seller holds it, once, with one notification line and no post
    assert result == {"__typename": "SaveBadgeRuleSuccess", "backfilled": 1, "rule": {"trigger": "QUIZ_PASSED", "threshold": 80.0, "active": True}}
    assert await Award.filter(badge_id=badge.id).values_list("user_id", flat=True) == [ace.id]
    await _quiet(network, [ace.id, average.id, failed.id])
    assert await Notification.filter(user_id=average.id).count() == 0
    # and a new pass of the same quiz awards nothing more
    async with atomic() as events:
        events.emit("training.quiz_passed", {"organization_id": org, "user_id": ace.id, "quiz_id": quiz.id, "score_percent": 90})
    assert await Award.filter(badge_id=badge.id).count() == 1
    # and lowering the mark to 70 % backfills the 75 % seller only, quietly
    rule = await BadgeRule.get(badge_id=badge.id)
    token = await open_session(await head_office(network))
    async with GraphQLClient(live_server.url, token=token) as client:
        changed = await client.execute(UPDATE_RULE, {"input": {"ruleId": str(rule.id), "threshold": 70}})
    assert changed["updateBadgeRule"]["backfilled"] == 1
    assert sorted(await Award.filter(badge_id=badge.id).values_list("user_id", flat=True)) == sorted([ace.id, average.id])
    await _quiet(network, [ace.id, average.id, failed.id])
    assert not await Award.exists(user_id=failed.id)


async def test_a_new_rule_backfills_the_team_of_a_point_of_sale_above_the_satisfaction_threshold(live_server):
    # given Lille's latest month at 95 / 100 and Arras's at 70 / 100
    network = await make_network()
    badge = await make_badge(network, "Clients conquis")
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    team = [await make_user(lille) for _ in range(3)]
    elsewhere = await make_user(arras)
    org = network.organization_id
    await SatisfactionSurvey.create(organization_id=org, unit=lille, kind=SurveyKind.SCORE_10, value=6.0, sample_size=40,
                                    period_start=date(2026, 9, 1), period_end=date(2026, 9, 30))
    await SatisfactionSurvey.create(organization_id=org, unit=lille, kind=SurveyKind.SCORE_10, value=9.5, sample_size=40,
                                    period_start=date(2026, 10, 1), period_end=date(2026, 10, 31))
    await SatisfactionSurvey.create(organization_id=org, unit=arras, kind=SurveyKind.SCORE_10, value=7.0, sample_size=40,
                                    period_start=date(2026, 10, 1), period_end=date(2026, 10, 31))
    # when head office creates the rule "satisfaction index above 90"
    result = await _create_rule(live_server, network, badge, "SATISFACTION_ABOVE", 90)
    # then Lille's team holds the badge once each, quietly, and Arras nothing
    assert result["__typename"] == "SaveBadgeRuleSuccess" and result["backfilled"] == 3
    assert sorted(await Award.filter(badge_id=badge.id).values_list("user_id", flat=True)) == sorted(u.id for u in team)
    assert not await Award.exists(user_id=elsewhere.id)
    await _quiet(network, [u.id for u in team])
    # and the index heard again awards nothing more
    async with atomic() as events:
        events.emit("evaluation.satisfaction_recorded", {"organization_id": org, "unit_id": lille.id, "index": 95.0})
    assert await Award.filter(badge_id=badge.id).count() == 3


async def test_a_new_rule_backfills_authors_of_n_recommended_best_practices_and_counts_on(live_server):
    # given a seller with two recommended best practices (one in two units), another with one
    network = await make_network()
    badge = await make_badge(network, "Inspirant")
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    manager = await make_user(lille, Role.MANAGER)
    star, other = await make_user(lille), await make_user(lille)
    org = network.organization_id
    ends_at = datetime.now(UTC) + timedelta(days=7)

    async def best_practice(author, units):
        post = await Post.create(organization_id=org, author=author, unit_id=author.unit_id, kind=PostKind.BEST_PRACTICE, body="Astuce")
        for unit in units:
            await Recommendation.create(post=post, unit=unit, recommended_by=manager, ends_at=ends_at)
        return post

    await best_practice(star, [lille, arras])
    await best_practice(star, [lille])
    await best_practice(other, [lille])
    await Post.create(organization_id=org, author=other, unit_id=other.unit_id, kind=PostKind.BEST_PRACTICE, body="Pas recommandée")
    # when head office creates the rule "2 best practices recommended"
    result = await _create_rule(live_server, network, badge, "BEST_PRACTICES_RECOMMENDED", 2)
    # then only the seller with two holds it, once, quietly
    assert result["__typename"] == "SaveBadgeRuleSuccess" and result["backfilled"] == 1
    assert await Award.filter(badge_id=badge.id).values_list("user_id", flat=True) == [star.id]
    await _quiet(network, [star.id, other.id])
    # and the other seller's next recommended best practice adds to the past one
    second = await best_practice(other, [lille])
    async with atomic() as events:
        events.emit("feed.post_recommended", {"organization_id": org, "post_id": second.id, "author_id": other.id, "unit_ids": [lille.id]})
    assert sorted(await Award.filter(badge_id=badge.id).values_list("user_id", flat=True)) == sorted([star.id, other.id])


async def test_a_new_rule_backfills_people_who_reached_100_percent_of_a_target(live_server):
    # given a challenge where one seller's sales reached the target, one stayed below, and one
    # reached the target of another metric
    network = await make_network()
    badge = await make_badge(network, "Objectif atteint", repeatable=True)
    lille = network.points_of_sale["Lille"]
    reached, below, other_metric = [await make_user(lille) for _ in range(3)]
    org = network.organization_id
    sales = await Metric.create(organization_id=org, name="CA")
    contracts = await Metric.create(organization_id=org, name="Contrats")
    starts = datetime(2026, 10, 1, tzinfo=UTC)
    challenge = await Challenge.create(organization_id=org, scope_unit=lille, name="Rentrée", starts_at=starts,
                                       ends_at=starts + timedelta(days=30))

    def parts(metric, total, target):
        return {"metrics": {str(metric.id): {"total": total, "target": target}}}

    await Participant.create(challenge=challenge, user=reached, display_name="A", parts=parts(sales, 12_500, 12_000))
    await Participant.create(challenge=challenge, user=below, display_name="B", parts=parts(sales, 9_000, 12_000))
    await Participant.create(challenge=challenge, user=other_metric, display_name="C", parts=parts(contracts, 8, 8))
    # when head office creates the rule "reached 100 % of a target"
    result = await _create_rule(live_server, network, badge, "TARGET_REACHED")
    # then both who reached a target hold the badge once, quietly
    assert result["__typename"] == "SaveBadgeRuleSuccess" and result["backfilled"] == 2
    assert sorted(await Award.filter(badge_id=badge.id).values_list("user_id", flat=True)) == sorted([reached.id, other_metric.id])
    await _quiet(network, [reached.id, below.id, other_metric.id])
    # and the same target reached heard again (as the challenge emits it) awards nothing more
    period = (await Challenge.get(id=challenge.id)).starts_at.isoformat()
    async with atomic() as events:
        events.emit("challenges.target_reached", {"organization_id": org, "user_id": reached.id, "metric_id": sales.id,
                                                  "period": period, "challenge_id": challenge.id})
    assert await Award.filter(badge_id=badge.id, user_id=reached.id).count() == 1
