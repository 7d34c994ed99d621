"""The values training gives challenge criteria (the live challenge test comes with branch challenges)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.accounts.models import Role
from server.challenges.criteria import CriterionKind, CriterionQuery, criterion_values
from server.network.scope import scope_of_user
from server.training import quizzes, services
from tests.factories import make_network, make_user, signed_in
from tests.training.factories import make_module, make_quiz


def query(org: int, kind: CriterionKind, who: str, ids: list[int], **options: object) -> CriterionQuery:
    now = datetime.now(UTC)
    return CriterionQuery(org, kind, who, tuple(ids), now - timedelta(days=1), now + timedelta(days=1), dict(options))


def register_training_sources() -> None:
    """As server.training.handlers does at start-up (again: another test may have swapped them)."""
    from server.challenges.criteria import register_source
    from server.training.criteria import quiz_score, training_completion

    register_source(CriterionKind.TRAINING_COMPLETION, training_completion)
    register_source(CriterionKind.QUIZ_SCORE, quiz_score)


async def test_training_completion_and_quiz_score_per_person_and_per_unit(live_server):
    register_training_sources()

    # given two modules for Lille and a quiz; Ana completes one module and scores 100 then 33
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    ana, bob = await make_user(lille), await make_user(lille)
    first = await make_module(manager, [lille], sections=1)
    await make_module(manager, [lille], sections=1, title="Financement")
    quiz_id = await make_quiz((await signed_in(network.root, Role.ADMIN))[0], pass_mark=100)
    ana_scope = await scope_of_user(ana)
    await services.record_progress(ana_scope, first, 1)
    await quizzes.submit_quiz_attempt(ana_scope, quiz_id, {})  # 0 %
    from tests.training.factories import answer_key

    key = await answer_key(quiz_id)
    await quizzes.submit_quiz_attempt(
        ana_scope, quiz_id, {key["Q1"]["_id"]: [key["Q1"]["B"]], key["Q2"]["_id"]: [key["Q2"]["A"], key["Q2"]["C"]], key["Q3"]["_id"]: [key["Q3"]["A"]]}
    )
    org = network.organization_id
    # when challenges ask
    completion = await criterion_values(query(org, CriterionKind.TRAINING_COMPLETION, "USER", [ana.id, bob.id]))
    chosen = await criterion_values(query(org, CriterionKind.TRAINING_COMPLETION, "USER", [ana.id], module_ids=[first]))
    score = await criterion_values(query(org, CriterionKind.QUIZ_SCORE, "USER", [ana.id, bob.id], quiz_id=quiz_id))
    unit_score = await criterion_values(query(org, CriterionKind.QUIZ_SCORE, "UNIT", [lille.id]))
    # then: half the assigned modules, the chosen one whole, the best score, the unit's mean
    assert completion == {ana.id: 0.5, bob.id: 0.0}
    assert chosen == {ana.id: 1.0}
    assert score == {ana.id: 1.0, bob.id: 0.0}
    assert unit_score[lille.id] == pytest.approx(0.5)  # Ana 1.0, Bob 0 (no attempt)
