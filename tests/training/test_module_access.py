"""Who reads, follows and manages a module (server.training.access)."""

from __future__ import annotations

from server.accounts.models import Role
from server.training.models import ModuleProgress, Quiz
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.factories import make_module, make_quiz

MODULE = "query($id: ID!) { trainingModule(id: $id) { title sections { title } } }"
PROGRESS = """
mutation($id: ID!) { recordTrainingProgress(moduleId: $id, sectionsDone: 2) { __typename
  ... on RecordTrainingProgressSuccess { module { status } } ... on UserError { code } } }
"""
QUIZ = "query($id: ID!) { quiz(id: $id) { title } }"
SUBMIT = """
mutation($id: ID!) { submitQuizAttempt(input: {quizId: $id, answers: []}) { __typename ... on UserError { code } } }
"""
MANAGED = "{ trainingModules { title } }"
CREATE_QUIZ = """
mutation($id: ID!) { createQuiz(input: {title: "Quiz pirate", moduleId: $id, questions: [{text: "Q",
  choices: [{text: "A", correct: true}, {text: "B", correct: false}]}]}) { __typename ... on UserError { code } } }
"""


async def test_a_member_reads_and_completes_only_the_modules_her_audience_holds(live_server):
    # given a module (and its quiz) assigned to Lille, and a seller of Arras
    network = await make_network()
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    module_id = await make_module(manager, [network.points_of_sale["Lille"]], title="Accueil Lille")
    quiz_id = await make_quiz(manager, module_id=module_id)
    arras, arras_token = await signed_in(network.points_of_sale["Arras"])
    _, lille_token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=arras_token) as client:
        # when the Arras seller opens it, reads it through, and takes its quiz
        read = await client.execute(MODULE, {"id": str(module_id)})
        progress = await client.execute(PROGRESS, {"id": str(module_id)})
        quiz = await client.execute(QUIZ, {"id": str(quiz_id)})
        attempt = await client.execute(SUBMIT, {"id": str(quiz_id)})
    # then it does not exist for her, and nothing of hers is recorded
    assert read["trainingModule"] is None and quiz["quiz"] is None
    assert progress["recordTrainingProgress"] == {"__typename": "NotFoundError", "code": "training_module_not_found"}
    assert attempt["submitQuizAttempt"] == {"__typename": "NotFoundError", "code": "quiz_not_found"}
    assert not await ModuleProgress.filter(user_id=arras.id).exists()
    # while a seller of Lille reads it
    async with GraphQLClient(live_server.url, token=lille_token) as client:
        assert (await client.execute(MODULE, {"id": str(module_id)}))["trainingModule"]["title"] == "Accueil Lille"


async def test_managers_read_the_modules_of_their_scope_only(live_server):
    # given a module for Lille and one for Bordeaux
    network = await make_network()
    admin, _ = await signed_in(network.root, Role.ADMIN)
    await make_module(admin, [network.points_of_sale["Lille"]], title="Accueil Lille")
    await make_module(admin, [network.points_of_sale["Bordeaux"]], title="Accueil Bordeaux")
    _, nord_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    # when the Nord manager lists the modules he follows
    async with GraphQLClient(live_server.url, token=nord_token) as client:
        listed = (await client.execute(MANAGED))["trainingModules"]
    # then he sees his region's, not Sud-Ouest's
    assert [m["title"] for m in listed] == ["Accueil Lille"]


async def test_a_manager_attaches_a_quiz_only_to_a_module_he_manages(live_server):
    # given a module of the whole Nord region
    network = await make_network()
    nord_manager, nord_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    module_id = await make_module(nord_manager, [network.regions["Nord"]], title="Accueil Nord")
    _, south_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    _, lille_token = await signed_in(network.points_of_sale["Lille"], Role.MANAGER)
    answers = {}
    for name, token in (("south", south_token), ("lille", lille_token), ("nord", nord_token)):
        # when the Sud-Ouest manager, the Lille manager and the Nord manager attach a quiz to it
        async with GraphQLClient(live_server.url, token=token) as client:
            answers[name] = (await client.execute(CREATE_QUIZ, {"id": str(module_id)}))["createQuiz"]
    # then the module does not exist for Sud-Ouest; Lille (who follows it, but not all of it)
    # may not; Nord's manager may, and only his quiz is stored
    assert answers["south"] == {"__typename": "NotFoundError", "code": "training_module_not_found"}
    assert answers["lille"] == {"__typename": "NotAllowedError", "code": "not_allowed"}
    assert answers["nord"] == {"__typename": "CreateQuizSuccess"}
    assert await Quiz.filter(module_id=module_id).count() == 1
