"""A completed module and a passed quiz change a live challenge score through its qualitative criteria."""

from __future__ import annotations

from server.accounts.models import Role
from server.challenges.criteria import CriterionKind
from server.challenges.standings import my_standing
from tests.challenges.given import arena, live_challenge, sell
from tests.graphql_client import GraphQLClient, Subscription
from tests.training.factories import answer_key, make_module, make_quiz
from tests.training.test_criteria import register_training_sources

LEADERBOARD = """
subscription Board($id: ID!) {
  leaderboard(challengeId: $id) { type version rows { displayName rank score } }
}
"""
PROGRESS = "mutation($id: ID!) { recordTrainingProgress(moduleId: $id, sectionsDone: 1) { __typename } }"
STANDING = """
query Standing($id: ID!) {
  challenge(id: $id) { myStanding { rank score breakdown { kind value points } } }
}
"""
SUBMIT = """
mutation Submit($input: SubmitQuizAttemptInput!) { submitQuizAttempt(input: $input) { __typename } }
"""


def event(message):
    assert message["type"] == "next", message
    return message["payload"]["data"]["leaderboard"]


async def test_a_completed_module_and_a_passed_quiz_move_a_live_challenge(live_server):
    register_training_sources()
    # given a live challenge on sales (weight 2) with a training criterion and a quiz criterion (1 each)
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    julie, thomas = found.sellers
    lille = found.network.points_of_sale["Lille"]
    module_id = await make_module(found.manager, [lille], sections=1, role=Role.MEMBER)
    quiz_id = await make_quiz(found.manager, module_id=module_id, pass_mark=60)
    challenge = await live_challenge(
        found,
        metrics=[(found.metric.id, 2.0)],
        criteria=[
            (CriterionKind.TRAINING_COMPLETION, 1.0, {"module_ids": [module_id]}),
            (CriterionKind.QUIZ_SCORE, 1.0, {"quiz_id": quiz_id}),
        ],
    )
    await sell(found, thomas, 5)  # half his target: 50 % × 2 / 4 = 25
    key = await answer_key(quiz_id)
    right = [
        {"questionId": str(key["Q1"]["_id"]), "choiceIds": [str(key["Q1"]["B"])]},
        {"questionId": str(key["Q2"]["_id"]), "choiceIds": [str(key["Q2"]["A"]), str(key["Q2"]["C"])]},
        {"questionId": str(key["Q3"]["_id"]), "choiceIds": [str(key["Q3"]["A"])]},
    ]
    async with Subscription(live_server.ws_url, token=found.tokens[thomas.id]) as board:
        await board.connect()
        await board.subscribe(LEADERBOARD, {"id": str(challenge.id)})
        snapshot = event(await board.next())
        assert [(r["displayName"], r["score"]) for r in snapshot["rows"]] == [("Thomas Petit", 25.0), ("Julie Moreau", 0.0)]
        async with GraphQLClient(live_server.url, token=found.tokens[julie.id]) as client:
            before = (await client.execute(STANDING, {"id": str(challenge.id)}))["challenge"]["myStanding"]
        assert (before["rank"], before["score"]) == (2, 0.0)
        # when Julie completes the module by reading it and passing its quiz
        async with GraphQLClient(live_server.url, token=found.tokens[julie.id]) as client:
            await client.execute(PROGRESS, {"id": str(module_id)})
            result = await client.execute(SUBMIT, {"input": {"quizId": str(quiz_id), "answers": right}})
            assert result["submitQuizAttempt"]["__typename"] == "SubmitQuizAttemptSuccess"
        # then her score moves live on Thomas's screen: completion 100 % and quiz 100 %, weight 1 each of 4
        moves = []
        while not moves or moves[-1][2] < 50.0:
            change = event(await board.next())
            moves += [(r["displayName"], r["rank"], r["score"]) for r in change["rows"] if r["displayName"] == "Julie Moreau"]
    assert moves[-1] == ("Julie Moreau", 1, 50.0)
    async with GraphQLClient(live_server.url, token=found.tokens[julie.id]) as client:
        after = (await client.execute(STANDING, {"id": str(challenge.id)}))["challenge"]["myStanding"]
    assert (after["rank"], after["score"]) == (1, 50.0)
    assert [(p["kind"], p["value"], p["points"]) for p in after["breakdown"]] == [
        ("METRIC", 0.0, 0.0), ("TRAINING_COMPLETION", 1.0, 25.0), ("QUIZ_SCORE", 1.0, 25.0)
    ]
    standing = await my_standing(challenge, julie)
    assert standing is not None and standing.score == 50.0 and standing.rank == 1
    assert [p.kind for p in standing.parts] == ["METRIC", "TRAINING_COMPLETION", "QUIZ_SCORE"]
