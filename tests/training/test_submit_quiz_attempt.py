"""Quizzes: answers never reach the phone before submitting; server-side scoring; limits."""

from __future__ import annotations

import pytest

from server.accounts.models import Role
from server.db import atomic
from server.network.scope import scope_of_user
from server.training import quizzes
from server.training.errors import QuizAlreadyPassed
from server.training.models import QuizAttempt
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.factories import answer_key, captured, make_quiz

QUIZ = """
query Quiz($id: ID!) { quiz(id: $id) { id title passMarkPercent maxAttempts attemptsLeft passed
  questions { id text multiple choices { id text } } } }
"""
SUBMIT = """
mutation Submit($input: SubmitQuizAttemptInput!) {
  submitQuizAttempt(input: $input) {
    __typename
    ... on SubmitQuizAttemptSuccess { result { number scorePercent passed attemptsLeft moduleCompleted
      correctionsShown corrections { questionId correct correctChoiceIds explanation } } }
    ... on UserError { code message }
  }
}
"""
CHOICE_FIELDS = """
{ __type(name: "QuizChoice") { fields { name } } q: __type(name: "QuizQuestion") { fields { name } } }
"""


def answers(key: dict[str, dict[str, int]], picks: dict[str, list[str]]) -> list[dict[str, object]]:
    return [
        {"questionId": str(key[q]["_id"]), "choiceIds": [str(key[q][c]) for c in chosen]}
        for q, chosen in picks.items()
    ]


async def test_the_quiz_query_never_carries_the_answers(live_server):
    # given a quiz with explanations and right answers
    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)  # a standalone quiz is head office's
    _, token = await signed_in(network.points_of_sale["Lille"])
    quiz_id = await make_quiz(head_office)
    # when a seller opens it
    async with GraphQLClient(live_server.url, token=token) as client:
        response = await client.raw(QUIZ, {"id": str(quiz_id)})
        introspection = await client.execute(CHOICE_FIELDS)
    # then nothing in the response tells right from wrong, nor explains
    text = response.text
    assert response.json()["data"]["quiz"]["title"] == "Quiz accueil"
    for leak in ("correct", "explanation", "B, car le client", "isRight"):
        assert leak not in text
    assert {f["name"] for f in introspection["__type"]["fields"]} == {"id", "text"}
    assert {f["name"] for f in introspection["q"]["fields"]} == {"id", "text", "multiple", "choices"}


async def test_single_and_multiple_choice_are_scored_on_the_server(live_server):
    # given a quiz with a 60 % pass mark
    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)  # a standalone quiz is head office's
    seller, token = await signed_in(network.points_of_sale["Lille"])
    quiz_id = await make_quiz(head_office, pass_mark=60)
    key = await answer_key(quiz_id)
    async with GraphQLClient(live_server.url, token=token) as client:
        # when the seller gets Q1 right, only half of Q2 (so wrong), and Q3 right
        first = await client.execute(
            SUBMIT, {"input": {"quizId": str(quiz_id), "answers": answers(key, {"Q1": ["B"], "Q2": ["A"], "Q3": ["A"]})}}
        )
        # and then tries again with everything right, now that the corrections were shown
        second = await client.execute(
            SUBMIT, {"input": {"quizId": str(quiz_id), "answers": answers(key, {"Q1": ["B"], "Q2": ["C", "A"], "Q3": ["A"]})}}
        )
    # then 2 of 3 is 66.67 % and passes; the corrections and explanations come with the pass
    result = first["submitQuizAttempt"]["result"]
    assert result["scorePercent"] == pytest.approx(66.67) and result["passed"] is True and result["number"] == 1
    assert result["correctionsShown"] is True
    q2 = next(c for c in result["corrections"] if c["questionId"] == str(key["Q2"]["_id"]))
    assert q2["correct"] is False and q2["explanation"] == "A et C."
    assert sorted(q2["correctChoiceIds"]) == sorted([str(key["Q2"]["A"]), str(key["Q2"]["C"])])
    # and the quiz is closed to her: the copied answers are refused and nothing is recorded
    assert second["submitQuizAttempt"]["__typename"] == "ConflictError"
    assert second["submitQuizAttempt"]["code"] == "quiz_already_passed"
    assert [a.score_percent for a in await QuizAttempt.filter(quiz_id=quiz_id, user_id=seller.id)] == [
        pytest.approx(66.67)
    ]


async def test_a_failed_attempt_shows_no_correction_while_attempts_remain(live_server):
    # given a quiz passed at 100 %, three attempts
    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)  # a standalone quiz is head office's
    _, token = await signed_in(network.points_of_sale["Lille"])
    quiz_id = await make_quiz(head_office, pass_mark=100, max_attempts=3)
    key = await answer_key(quiz_id)
    async with GraphQLClient(live_server.url, token=token) as client:
        # when the seller fails her first attempt
        response = await client.raw(
            SUBMIT, {"input": {"quizId": str(quiz_id), "answers": answers(key, {"Q1": ["A"], "Q2": ["B"], "Q3": ["B"]})}}
        )
    # then she reads her score and nothing that tells right from wrong
    result = response.json()["data"]["submitQuizAttempt"]["result"]
    assert result["passed"] is False and result["scorePercent"] == 0.0 and result["attemptsLeft"] == 2
    assert result["correctionsShown"] is False and result["corrections"] == []
    for leak in ("B, car le client", "A et C.", "correctChoiceIds", "explanation"):
        assert leak not in response.text


async def test_the_last_attempt_shows_the_corrections(live_server):
    # given a quiz of two attempts
    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)  # a standalone quiz is head office's
    _, token = await signed_in(network.points_of_sale["Lille"])
    quiz_id = await make_quiz(head_office, pass_mark=100, max_attempts=2)
    key = await answer_key(quiz_id)
    wrong = {"input": {"quizId": str(quiz_id), "answers": answers(key, {"Q1": ["A"]})}}
    async with GraphQLClient(live_server.url, token=token) as client:
        # when the seller fails both
        first = (await client.execute(SUBMIT, wrong))["submitQuizAttempt"]["result"]
        last = (await client.execute(SUBMIT, wrong))["submitQuizAttempt"]["result"]
    # then the first says nothing, the last (no attempt left) explains every question
    assert first["corrections"] == [] and first["correctionsShown"] is False
    assert last["attemptsLeft"] == 0 and last["correctionsShown"] is True
    q1 = next(c for c in last["corrections"] if c["questionId"] == str(key["Q1"]["_id"]))
    assert q1["correctChoiceIds"] == [str(key["Q1"]["B"])] and q1["explanation"] == "B, car le client d'abord."


async def test_the_passing_attempt_is_the_best_and_the_only_one_announced(live_server):
    # given a quiz passed at 100 %, unlimited attempts
    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)  # a standalone quiz is head office's
    seller, _ = await signed_in(network.points_of_sale["Lille"])
    scope = await scope_of_user(seller)
    quiz_id = await make_quiz(head_office, pass_mark=100)
    key = await answer_key(quiz_id)
    right = {key["Q1"]["_id"]: [key["Q1"]["B"]], key["Q2"]["_id"]: [key["Q2"]["A"], key["Q2"]["C"]], key["Q3"]["_id"]: [key["Q3"]["A"]]}
    with captured("training.quiz_passed") as passed:
        # when she fails once, then passes, then tries once more
        await quizzes.submit_quiz_attempt(scope, quiz_id, {})
        await quizzes.submit_quiz_attempt(scope, quiz_id, right)
        with pytest.raises(QuizAlreadyPassed):
            await quizzes.submit_quiz_attempt(scope, quiz_id, right)
    # then her best score is the passing attempt, announced once (what badges and challenges read)
    view = await quizzes.quiz_for_taking(scope, quiz_id)
    assert view.best_score_percent == 100.0 and view.passed and view.attempts_used == 2
    assert [payload["score_percent"] for _, payload in passed] == [100.0]


async def test_below_the_pass_mark_fails(live_server):
    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)  # a standalone quiz is head office's
    seller, _ = await signed_in(network.points_of_sale["Lille"])
    quiz_id = await make_quiz(head_office, pass_mark=70)
    key = await answer_key(quiz_id)
    picks = {int(key["Q1"]["_id"]): [key["Q1"]["B"]], int(key["Q3"]["_id"]): [key["Q3"]["A"]]}
    result = await quizzes.submit_quiz_attempt(await scope_of_user(seller), quiz_id, picks)
    assert result.score_percent == pytest.approx(66.67) and result.passed is False


async def test_the_attempt_limit_refuses_one_more(live_server):
    # given a quiz allowing two attempts
    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)  # a standalone quiz is head office's
    seller, token = await signed_in(network.points_of_sale["Lille"])
    quiz_id = await make_quiz(head_office, max_attempts=2)
    async with GraphQLClient(live_server.url, token=token) as client:
        variables = {"input": {"quizId": str(quiz_id), "answers": []}}
        # when the seller tries three times
        results = [(await client.execute(SUBMIT, variables))["submitQuizAttempt"] for _ in range(3)]
    # then the third is refused with a readable message and not recorded
    assert [r["__typename"] for r in results] == ["SubmitQuizAttemptSuccess"] * 2 + ["ConflictError"]
    assert results[1]["result"]["attemptsLeft"] == 0
    assert results[2]["code"] == "quiz_attempts_exhausted" and "2 tentatives" in results[2]["message"]
    assert await QuizAttempt.filter(quiz_id=quiz_id, user_id=seller.id).count() == 2


async def test_answers_of_another_quiz_are_refused(live_server):
    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)  # a standalone quiz is head office's
    _, token = await signed_in(network.points_of_sale["Lille"])
    quiz_id, other_id = await make_quiz(head_office), await make_quiz(head_office)
    other = await answer_key(other_id)
    async with GraphQLClient(live_server.url, token=token) as client:
        data = await client.execute(
            SUBMIT, {"input": {"quizId": str(quiz_id), "answers": answers(other, {"Q1": ["B"]})}}
        )
    assert data["submitQuizAttempt"]["__typename"] == "ValidationError"


async def test_another_organisation_cannot_see_or_take_the_quiz(live_server):
    ours, theirs = await make_network(), await make_network()
    head_office, _ = await signed_in(ours.root, Role.ADMIN)
    _, outsider = await signed_in(theirs.points_of_sale["Lille"])
    quiz_id = await make_quiz(head_office)
    async with GraphQLClient(live_server.url, token=outsider) as client:
        assert (await client.execute(QUIZ, {"id": str(quiz_id)}))["quiz"] is None
        data = await client.execute(SUBMIT, {"input": {"quizId": str(quiz_id), "answers": []}})
    assert data["submitQuizAttempt"]["__typename"] == "NotFoundError"


async def test_quiz_passed_is_emitted_after_commit_only(live_server):
    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)  # a standalone quiz is head office's
    seller, _ = await signed_in(network.points_of_sale["Lille"])
    quiz_id = await make_quiz(head_office, pass_mark=0)
    with captured("training.quiz_passed") as seen:
        # a passed attempt inside a transaction that fails afterwards
        with pytest.raises(RuntimeError):
            async with atomic():
                await quizzes.submit_quiz_attempt(await scope_of_user(seller), quiz_id, {})
                assert seen == []  # not before commit
                raise RuntimeError("rolled back")
        assert seen == [] and not await QuizAttempt.filter(user_id=seller.id).exists()
        # then a committed one emits once, with its payload
        await quizzes.submit_quiz_attempt(await scope_of_user(seller), quiz_id, {})
    assert seen == [
        (
            "training.quiz_passed",
            {"organization_id": network.organization_id, "user_id": seller.id, "quiz_id": quiz_id, "score_percent": 0.0},
        )
    ]


async def test_questions_and_choices_are_shuffled_unless_the_quiz_says_not(live_server):
    import random

    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)  # a standalone quiz is head office's
    seller, _ = await signed_in(network.points_of_sale["Lille"])
    quiz_id = await make_quiz(head_office)
    orders = set()
    for seed in range(12):
        view = await quizzes.quiz_for_taking(await scope_of_user(seller), quiz_id, random.Random(seed))
        orders.add(tuple((q.text, tuple(c.text for c in q.choices)) for q in view.questions))
        # the same questions and choices, whatever the order
        assert sorted(q.text for q in view.questions) == ["Q1", "Q2", "Q3"]
    assert len(orders) > 1
    from server.training.models import Quiz

    await Quiz.filter(id=quiz_id).update(shuffle=False)
    fixed = await quizzes.quiz_for_taking(await scope_of_user(seller), quiz_id, random.Random(1))
    assert [q.text for q in fixed.questions] == ["Q1", "Q2", "Q3"]
    assert [c.text for c in fixed.questions[0].choices] == ["A", "B", "C"]
