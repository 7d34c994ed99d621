"""Scoring modes, leagues, ties, thresholds, criteria weights, frozen rules and the final ranking."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.challenges.criteria import CriterionKind, register_source
from server.challenges.errors import RulesFrozen
from server.challenges.handlers import rescore_criteria
from server.challenges.lifecycle import (
    ChallengeDraft,
    close_challenge,
    update_description,
    update_rules,
)
from server.challenges.models import (
    ChallengeFormat,
    ChallengeStatus,
    LeagueRule,
    Participant,
    ParticipantKind,
    Result,
    ScoringMode,
)
from server.challenges.scoring import score_parts
from server.challenges.standings import leaderboard_page, my_standing
from server.network.scope import scope_of_user
from tests.challenges.given import arena, live_challenge, now, sell
from tests.factories import make_user
from tests.written import system_posts_about, written

RULES = {"metrics": [{"metric_id": 1, "weight": 3}, {"metric_id": 2, "weight": 1}], "criteria": [{"kind": "QUIZ_SCORE", "weight": 1}]}


def test_percent_of_target_is_fair_across_small_and_big_sites():
    # given a small site at 12 of 10 and a big one at 45 of 50 on one metric
    rules = {"metrics": [{"metric_id": 1, "weight": 1}]}
    small = {"metrics": {"1": {"total": 12, "target": 10}}}
    big = {"metrics": {"1": {"total": 45, "target": 50}}}
    # then the small one leads
    assert score_parts(ScoringMode.PERCENT_OF_TARGET, rules, small, {})[0] == 120
    assert score_parts(ScoringMode.PERCENT_OF_TARGET, rules, big, {})[0] == 90


def test_weights_of_metrics_and_criteria_make_a_weighted_average():
    parts = {"metrics": {"1": {"total": 10, "target": 10}, "2": {"total": 0, "target": 4}}, "criteria": {"0": 0.5}}
    score, lines = score_parts(ScoringMode.PERCENT_OF_TARGET, RULES, parts, {})
    # (3 × 100 + 1 × 0 + 1 × 50) / 5
    assert score == 70
    assert [line.points for line in lines] == [60, 0, 10]


def test_improvement_over_baseline_and_lower_is_better():
    rules = {"metrics": [{"metric_id": 1, "weight": 1}]}
    parts = {"metrics": {"1": {"total": 12, "baseline": 10}}}
    assert score_parts(ScoringMode.IMPROVEMENT, rules, parts, {})[0] == 20
    assert score_parts(ScoringMode.IMPROVEMENT, rules, parts, {1: False})[0] == -20


def test_absolute_points_add_weight_times_value():
    parts = {"metrics": {"1": {"total": 4}, "2": {"total": 2}}, "criteria": {"0": 1.0}}
    assert score_parts(ScoringMode.ABSOLUTE, RULES, parts, {})[0] == 3 * 4 + 2 + 100


async def test_a_result_moves_the_score_as_percent_of_target(live_server):
    # given a live challenge where every seller has a target of 10
    found = await arena(sellers=2)
    challenge = await live_challenge(found)
    # when the first seller sells 3
    await sell(found, found.sellers[0], 3)
    # then it scores 30 % and the breakdown says why
    standing = await my_standing(challenge, found.sellers[0])
    assert standing is not None and standing.rank == 1 and standing.score == 30
    assert standing.parts[0].value == 3 and standing.parts[0].target == 10
    assert standing.gap_to_next_rank is None


async def test_ties_share_a_rank_and_list_whoever_got_there_first(live_server):
    found = await arena(sellers=3)
    challenge = await live_challenge(found)
    first, second, _ = found.sellers
    await sell(found, first, 2)
    await sell(found, second, 2)
    page = await leaderboard_page(challenge, "", 10)
    assert [r.participant_id for r in page.rows[:2]] == [
        (await Participant.get(challenge_id=challenge.id, user_id=first.id)).id,
        (await Participant.get(challenge_id=challenge.id, user_id=second.id)).id,
    ]
    assert [(r.rank, r.tied) for r in page.rows] == [(1, True), (1, True), (3, False)]


async def test_leagues_rank_separately_by_point_of_sale_size(live_server):
    # given Lille with 5 sellers (medium) and Arras with 1 (small)
    found = await arena(sellers=5)
    lonely = await make_user(found.network.points_of_sale["Arras"], name="Seul à Arras")
    challenge = await live_challenge(found, league_rule=LeagueRule.POINT_OF_SALE_SIZE)
    # when both a Lille seller and the Arras one sell
    await sell(found, found.sellers[0], 1)
    # then each league has its own ranking with its own rank 1
    medium = await leaderboard_page(challenge, "MEDIUM", 10)
    small = await leaderboard_page(challenge, "SMALL", 10)
    assert len(medium.rows) == 5 and medium.rows[0].rank == 1
    assert [r.display_name for r in small.rows] == ["Seul à Arras"] and small.rows[0].rank == 1
    standing = await my_standing(challenge, lonely)
    assert standing is not None and standing.league == "SMALL" and standing.size == 1


async def test_thresholds_reward_everyone_who_reaches_them(live_server):
    found = await arena(sellers=3)
    challenge = await live_challenge(found, thresholds=[(50, "Mi-parcours", None), (100, "Objectif", None)])
    await sell(found, found.sellers[0], 10)
    await sell(found, found.sellers[1], 6)
    rows = {r.display_name: r for r in (await leaderboard_page(challenge, "", 10)).rows}
    assert rows["Vendeur 1"].thresholds_reached == 2
    assert rows["Vendeur 2"].thresholds_reached == 1
    assert rows["Vendeur 3"].thresholds_reached == 0
    standing = await my_standing(challenge, found.sellers[1])
    assert standing is not None and standing.next_threshold == 100 and standing.gap_to_next_threshold == 40


async def test_qualitative_criteria_count_with_their_weight(live_server):
    # given a challenge with a quiz criterion worth as much as sales, fed by the training domain
    found = await arena(sellers=2)
    quiz = {found.sellers[1].id: 0.8}

    async def quiz_scores(query):
        return {pid: quiz.get(pid, 0.0) for pid in query.participant_ids}

    register_source(CriterionKind.QUIZ_SCORE, quiz_scores)
    try:
        challenge = await live_challenge(found, criteria=[(CriterionKind.QUIZ_SCORE, 1.0, {})])
        await sell(found, found.sellers[0], 5)
        # then a seller with no sale but a good quiz scores from the quiz alone
        assert (await my_standing(challenge, found.sellers[1])).score == 40
        # when a new quiz result arrives, the hook re-scores the participant
        quiz[found.sellers[1].id] = 1.0
        await rescore_criteria(found.network.organization_id, {CriterionKind.QUIZ_SCORE}, found.sellers[1].id, None)
        standing = await my_standing(challenge, found.sellers[1])
        assert standing.score == 50 and standing.rank == 1
        assert [p.kind for p in standing.parts] == ["METRIC", "QUIZ_SCORE"]
    finally:
        register_source(CriterionKind.QUIZ_SCORE, lambda query: _zero(query))


async def _zero(query):
    return {}


async def test_a_live_challenge_keeps_its_rules_but_not_its_description(live_server):
    found = await arena(sellers=1)
    challenge = await live_challenge(found)
    draft = ChallengeDraft(name="Autre", starts_at=challenge.starts_at, ends_at=challenge.ends_at, metrics=[(found.metric.id, 2.0)])
    with pytest.raises(RulesFrozen):
        await update_rules(await scope_of_user(found.manager), challenge.id, draft)
    changed = await update_description(await scope_of_user(found.manager), challenge.id, "Bonus : un week-end à Deauville")
    assert changed.description == "Bonus : un week-end à Deauville"


async def test_closing_freezes_the_final_ranking_and_announces_the_podium(live_server):
    found = await arena(sellers=4)
    challenge = await live_challenge(found, name="Sprint de novembre")
    for seller, sold in zip(found.sellers, [3, 7, 5, 1], strict=True):
        await sell(found, seller, sold)
    closed = await close_challenge(challenge.id)
    assert closed.status == ChallengeStatus.CLOSED
    # a result after the close changes nothing
    await sell(found, found.sellers[3], 50)
    page = await leaderboard_page(closed, "", 10)
    assert [(r.rank, r.display_name) for r in page.rows] == [
        (1, "Vendeur 2"), (2, "Vendeur 3"), (3, "Vendeur 1"), (4, "Vendeur 4")]
    assert (await my_standing(closed, found.sellers[3])).final_rank == 4
    text = await written((await system_posts_about(challenge.id))[-1])
    assert "1er Vendeur 2" in text and "terminé" in text


async def test_a_race_lets_everyone_who_reaches_the_target_win(live_server):
    found = await arena(sellers=3)
    challenge = await live_challenge(found, format=ChallengeFormat.RACE, race_target=100.0, name="Course aux 10")
    await sell(found, found.sellers[0], 10)
    await sell(found, found.sellers[1], 12)
    await close_challenge(challenge.id)
    [post] = await system_posts_about(challenge.id)
    assert "2 participants ont atteint l'objectif" in await written(post)
    assert "2 participants reached the target" in await written(post, "en")


async def test_a_monthly_challenge_starts_afresh_next_period(live_server):
    from server.challenges.models import Challenge, Recurrence

    found = await arena(sellers=2)
    challenge = await live_challenge(found, recurrence=Recurrence.MONTHLY, name="Mensuel")
    await sell(found, found.sellers[0], 4)
    await close_challenge(challenge.id)
    following = await Challenge.filter(series_id=challenge.id).exclude(id=challenge.id).first()
    assert following is not None and following.status == ChallengeStatus.SCHEDULED
    assert following.starts_at > challenge.starts_at
    assert set(await Participant.filter(challenge_id=following.id).values_list("score", flat=True)) == {0.0}


async def test_a_correction_is_a_signed_result_with_a_reason(live_server):
    from server.errors import ValidationFailed

    found = await arena(sellers=1)
    challenge = await live_challenge(found)
    await sell(found, found.sellers[0], 5)
    with pytest.raises(ValidationFailed):
        await sell(found, found.sellers[0], -2)
    await sell(found, found.sellers[0], -2, reason="Commande annulée par le client")
    assert (await my_standing(challenge, found.sellers[0])).score == 30
    assert await Result.filter(user_id=found.sellers[0].id).count() == 2


async def test_unit_challenges_count_the_results_of_their_people(live_server):
    found = await arena(sellers=2, target=None)
    challenge = await live_challenge(found, participant_kind=ParticipantKind.UNIT, scoring_mode=ScoringMode.ABSOLUTE)
    await sell(found, found.sellers[0], 2)
    await sell(found, found.sellers[1], 3)
    page = await leaderboard_page(challenge, "", 10)
    assert [(r.display_name, r.score) for r in page.rows] == [("Lille Centre", 5.0), ("Arras Gare", 0.0)]


async def test_a_result_outside_the_period_does_not_count(live_server):
    from server.challenges.models import ParticipantKind as Kind
    from server.challenges.results import ResultInput, record_result

    found = await arena(sellers=1)
    challenge = await live_challenge(found)
    await record_result(await scope_of_user(found.manager), ResultInput(
        found.metric.id, Kind.USER, found.sellers[0].id, 5, now() - timedelta(days=5), "old-sale-1234"))
    assert (await my_standing(challenge, found.sellers[0])).score == 0


async def test_a_draft_is_hidden_from_members_until_published(live_server):
    from server.challenges.lifecycle import publish_challenge
    from server.challenges.standings import visible_challenges

    found = await arena(sellers=1)
    draft = await live_challenge(found, draft=True, name="Brouillon")
    assert draft.status == ChallengeStatus.DRAFT
    assert draft.id not in [c.id for c in await visible_challenges(await scope_of_user(found.sellers[0]))]
    published = await publish_challenge(await scope_of_user(found.manager), draft.id)
    assert published.status == ChallengeStatus.LIVE
    assert draft.id in [c.id for c in await visible_challenges(await scope_of_user(found.sellers[0]))]
