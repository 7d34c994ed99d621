"""Writing quizzes: the answers only for those who manage the quiz; anything may change before
the first attempt, and only what keeps every recorded score after it."""

from __future__ import annotations

from server.accounts.models import Role
from server.training.models import Quiz, QuizAttempt, QuizChoice, QuizQuestion
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.documents import (
    CREATE_QUIZ,
    QUIZ,
    QUIZ_SOURCE,
    SUBMIT,
    UPDATE_QUIZ,
    quiz_questions,
)
from tests.training.factories import make_module


def _as_input(source: dict) -> dict:  # type: ignore[type-arg]
    """The source read back as an updateQuiz input, ids included."""
    return {
        "id": source["id"],
        "title": source["title"],
        "passMarkPercent": source["passMarkPercent"],
        "maxAttempts": source["maxAttempts"],
        "shuffle": source["shuffle"],
        "questions": [
            {
                "id": q["id"],
                "text": q["text"],
                "multiple": q["multiple"],
                "explanation": q["explanation"],
                "choices": [{"id": c["id"], "text": c["text"], "correct": c["correct"]} for c in q["choices"]],
            }
            for q in source["questions"]
        ],
    }


async def _world(live_server):  # type: ignore[no-untyped-def]
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    manager, manager_token = await signed_in(lille, Role.MANAGER)
    _, seller_token = await signed_in(lille)
    module_id = await make_module(manager, [lille])
    async with GraphQLClient(live_server.url, token=manager_token) as author:
        created = (await author.execute(CREATE_QUIZ, {"input": {
            "title": "Quiz accueil", "moduleId": str(module_id), "passMarkPercent": 100, "maxAttempts": 2,
            "shuffle": False, "questions": quiz_questions(),
        }}))["createQuiz"]
    assert created["__typename"] == "CreateQuizSuccess"
    return network, module_id, created["quizId"], manager_token, seller_token


async def test_the_answers_go_only_to_those_who_manage_the_quiz(live_server):
    # given the Lille manager's quiz on his module
    network, module_id, quiz_id, manager_token, seller_token = await _world(live_server)
    _, arras_manager = await signed_in(network.points_of_sale["Arras"], Role.MANAGER)
    _, nord_manager = await signed_in(network.regions["Nord"], Role.MANAGER)
    # when he, the Nord manager, a seller of Lille and the Arras manager ask for its source
    sources = {}
    for name, token in (("author", manager_token), ("nord", nord_manager), ("seller", seller_token), ("arras", arras_manager)):
        async with GraphQLClient(live_server.url, token=token) as client:
            response = await client.raw(QUIZ_SOURCE, {"id": quiz_id})
            sources[name] = response.json()["data"]["quizSource"]
    # then the managers of Lille read the right answers and explanations; nobody else reads anything
    author = sources["author"]
    assert [c["correct"] for c in author["questions"][0]["choices"]] == [False, True]
    assert author["questions"][1]["explanation"] == "Usage et calendrier."
    assert author["moduleId"] == str(module_id) and author["locked"] is False
    assert sources["nord"] == author
    assert sources["seller"] is None and sources["arras"] is None
    # and the seller's quiz carries none of it
    async with GraphQLClient(live_server.url, token=seller_token) as seller:
        text = (await seller.raw(QUIZ, {"id": quiz_id})).text
    assert "correct" not in text and "Usage et calendrier" not in text


async def test_one_quiz_per_module_and_standalone_quizzes_are_head_offices(live_server):
    # given the Lille manager's module that has its quiz
    network, module_id, _, manager_token, _ = await _world(live_server)
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    second = {"title": "Encore", "moduleId": str(module_id), "questions": quiz_questions()}
    standalone = {"title": "Quiz du réseau", "questions": quiz_questions()}
    # when he adds a second quiz to it, and a standalone quiz, and head office a standalone one
    async with GraphQLClient(live_server.url, token=manager_token) as author:
        twice = (await author.execute(CREATE_QUIZ, {"input": second}))["createQuiz"]
        alone = (await author.execute(CREATE_QUIZ, {"input": standalone}))["createQuiz"]
    async with GraphQLClient(live_server.url, token=admin_token) as head_office:
        network_quiz = (await head_office.execute(CREATE_QUIZ, {"input": standalone}))["createQuiz"]
    # then the first two are refused, the third stored
    assert (twice["__typename"], twice["code"]) == ("ConflictError", "training_module_has_quiz")
    assert (alone["__typename"], alone["code"]) == ("NotAllowedError", "not_allowed")
    assert network_quiz["__typename"] == "CreateQuizSuccess"
    assert await Quiz.filter(organization_id=network.organization_id).count() == 2


async def test_before_the_first_attempt_everything_may_change(live_server):
    # given the quiz, not taken yet
    _, _, quiz_id, manager_token, _ = await _world(live_server)
    async with GraphQLClient(live_server.url, token=manager_token) as author:
        source = (await author.execute(QUIZ_SOURCE, {"id": quiz_id}))["quizSource"]
        edit = _as_input(source)
        # when he makes 5 minutes right, drops the second question and lowers the pass mark
        edit["questions"] = edit["questions"][:1]
        edit["questions"][0]["choices"][0]["correct"] = True
        edit["questions"][0]["choices"][1]["correct"] = False
        edit["passMarkPercent"] = 50
        updated = (await author.execute(UPDATE_QUIZ, {"input": edit}))["updateQuiz"]
    # then the quiz is what he wrote
    quiz = updated["quiz"]
    assert updated["__typename"] == "UpdateQuizSuccess" and quiz["passMarkPercent"] == 50
    assert [[c["correct"] for c in q["choices"]] for q in quiz["questions"]] == [[True, False]]
    assert await QuizQuestion.filter(quiz_id=int(quiz_id)).count() == 1


async def test_once_attempted_only_what_keeps_every_score_may_change(live_server):
    # given the quiz, failed once by a seller who picked « 30 secondes » and « L'usage »
    _, _, quiz_id, manager_token, seller_token = await _world(live_server)
    async with GraphQLClient(live_server.url, token=manager_token) as author:
        source = (await author.execute(QUIZ_SOURCE, {"id": quiz_id}))["quizSource"]
    first, second = source["questions"]
    answers = [
        {"questionId": first["id"], "choiceIds": [first["choices"][1]["id"]]},
        {"questionId": second["id"], "choiceIds": [second["choices"][0]["id"]]},
    ]
    async with GraphQLClient(live_server.url, token=seller_token) as seller:
        attempt = (await seller.execute(SUBMIT, {"input": {"quizId": quiz_id, "answers": answers}}))["submitQuizAttempt"]
    assert attempt["result"]["scorePercent"] == 50.0 and attempt["result"]["correctionsShown"] is False
    key_before = sorted(await QuizChoice.filter(question__quiz_id=int(quiz_id)).values_list("id", "correct"))

    def edited(change) -> dict:  # type: ignore[no-untyped-def,type-arg]
        value = _as_input(source)
        change(value)
        return {"input": value}

    def right_answer(v) -> None:  # type: ignore[no-untyped-def]
        v["questions"][0]["choices"][0]["correct"], v["questions"][0]["choices"][1]["correct"] = True, False

    def pass_mark(v) -> None:  # type: ignore[no-untyped-def]
        v["passMarkPercent"] = 50

    def drop_question(v) -> None:  # type: ignore[no-untyped-def]
        v["questions"] = v["questions"][:1]

    def new_choice(v) -> None:  # type: ignore[no-untyped-def]
        v["questions"][0]["choices"].append({"text": "1 heure", "correct": False})

    def fewer_attempts(v) -> None:  # type: ignore[no-untyped-def]
        v["maxAttempts"] = 1

    def more_attempts(v) -> None:  # type: ignore[no-untyped-def]
        v["maxAttempts"] = 3  # one who spent them saw the corrections

    def single(v) -> None:  # type: ignore[no-untyped-def]
        v["questions"][1]["multiple"] = False
        v["questions"][1]["choices"][2]["correct"] = False

    async with GraphQLClient(live_server.url, token=manager_token) as author:
        # when he tries to change the key, the pass mark, the questions, the choices or the attempts
        refused = {
            change.__name__: (await author.execute(UPDATE_QUIZ, edited(change)))["updateQuiz"]
            for change in (right_answer, pass_mark, drop_question, new_choice, fewer_attempts, more_attempts, single)
        }

        # and then rewords a question, reorders the choices and explains better
        def texts(v) -> None:  # type: ignore[no-untyped-def]
            v["title"] = "Quiz accueil (v2)"
            v["questions"][0]["text"] = "En combien de temps saluer un client qui entre ?"
            v["questions"][0]["explanation"] = "Un signe de tête suffit."
            v["questions"][0]["choices"].reverse()
            v["shuffle"] = True

        accepted = (await author.execute(UPDATE_QUIZ, edited(texts)))["updateQuiz"]
    # then every scoring change is refused and changed nothing
    assert {name: (r["__typename"], r["code"]) for name, r in refused.items()} == {
        name: ("ConflictError", "quiz_locked_by_attempts") for name in refused
    }
    assert sorted(await QuizChoice.filter(question__quiz_id=int(quiz_id)).values_list("id", "correct")) == key_before
    # and the texts changed, the same ids keep the past attempt's score meaningful
    quiz = accepted["quiz"]
    assert accepted["__typename"] == "UpdateQuizSuccess"
    assert (quiz["title"], quiz["maxAttempts"], quiz["locked"], quiz["attemptCount"]) == ("Quiz accueil (v2)", 2, True, 1)
    assert quiz["shuffle"] is True
    assert quiz["questions"][0]["text"] == "En combien de temps saluer un client qui entre ?"
    assert [c["text"] for c in quiz["questions"][0]["choices"]] == ["30 secondes", "5 minutes"]
    assert sorted(await QuizChoice.filter(question__quiz_id=int(quiz_id)).values_list("id", "correct")) == key_before
    assert (await QuizAttempt.get(quiz_id=int(quiz_id))).score_percent == 50.0


async def test_bad_questions_get_a_typed_error_and_change_nothing(live_server):
    # given the quiz
    _, _, quiz_id, manager_token, _ = await _world(live_server)
    one_choice = [{"text": "Q", "choices": [{"text": "A", "correct": True}]}]
    no_right = [{"text": "Q", "choices": [{"text": "A", "correct": False}, {"text": "B", "correct": False}]}]
    two_right = [{"text": "Q", "choices": [{"text": "A", "correct": True}, {"text": "B", "correct": True}]}]
    blank = [{"text": "  ", "choices": [{"text": "A", "correct": True}, {"text": "B", "correct": False}]}]
    async with GraphQLClient(live_server.url, token=manager_token) as author:
        # when he sends each
        answers = [
            (await author.execute(UPDATE_QUIZ, {"input": {"id": quiz_id, "title": "Quiz", "questions": questions}}))["updateQuiz"]
            for questions in (one_choice, no_right, two_right, blank)
        ]
        pass_mark = (await author.execute(UPDATE_QUIZ, {"input": {
            "id": quiz_id, "title": "Quiz", "passMarkPercent": 101, "questions": quiz_questions()}}))["updateQuiz"]
    # then each is a validation error naming its field, and the quiz is as it was
    assert [(a["__typename"], a["code"]) for a in answers] == [
        ("ValidationError", "quiz_choices_invalid"),
        ("ValidationError", "quiz_choices_invalid"),
        ("ValidationError", "quiz_choices_invalid"),
        ("ValidationError", "quiz_question_text_invalid"),
    ]
    assert (pass_mark["code"], pass_mark["field"]) == ("quiz_pass_mark_invalid", "passMarkPercent")
    assert (await Quiz.get(id=int(quiz_id))).title == "Quiz accueil"
    assert await QuizQuestion.filter(quiz_id=int(quiz_id)).count() == 2
