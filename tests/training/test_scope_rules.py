"""Every training field that takes an id, tried by a member, a manager of a sibling unit and a
manager of a child unit: refused where the rule says so (server.training.access).

The module is assigned to Lille and published by the Nord manager. Its audience (Lille's
people, its team's manager included) reads and follows it; following participation,
reminding, publishing, writing it, its draft and its quiz are for the managers of Lille
(server.training.access): a manager of the team below Lille manages none of it."""

from __future__ import annotations

from dataclasses import dataclass

from schema.training.mutations import TrainingMutation
from schema.training.queries import TrainingQuery
from server.accounts.models import Role
from server.network.models import UnitKind
from server.network.services import create_unit
from server.training.models import Publication, Quiz, TrainingModule
from tests.factories import make_network, signed_in
from tests.scope_rules import ALLOWED, CHILD, MEMBER, SIBLING, Rule, missing_rules, run_table
from tests.training.factories import make_module, make_quiz


@dataclass
class World:
    module_id: int
    quiz_id: int
    lille_id: int
    julie_id: int
    draft_id: int


MANAGERS_ONLY = (MEMBER, SIBLING, CHILD)
AUDIENCE = "the Lille team's manager is in the module's audience"
QUIZ_QUESTIONS = """questions: [{text: "Q", choices: [{text: "A", correct: true}, {text: "B", correct: false}]}]"""
RULES = [
    # the quiz is edited before anyone takes it (then, only its texts could change)
    Rule("updateQuiz",
         "mutation($id: ID!) { updateQuiz(input: {id: $id, title: \"Quiz revu\", passMarkPercent: 50, "
         + QUIZ_QUESTIONS + "}) { __typename } }",
         lambda w: {"id": str(w.quiz_id)}, member="seller", allowed="manager"),
    Rule("quizSource", "query($id: ID!) { quizSource(id: $id) { id questions { choices { correct } } } }",
         lambda w: {"id": str(w.quiz_id)}, member="seller", allowed="manager"),
    Rule("trainingModuleSource", "query($id: ID!) { trainingModuleSource(id: $id) { id sections { body } } }",
         lambda w: {"id": str(w.module_id)}, member="seller", allowed="manager"),
    Rule("updateTrainingModule",
         """mutation($id: ID!, $unit: ID!) { updateTrainingModule(input: {id: $id, title: "Accueil revu",
            sections: [{title: "Un"}, {title: "Deux"}], assignments: [{unitId: $unit}]}) { __typename } }""",
         lambda w: {"id": str(w.module_id), "unit": str(w.lille_id)}, member="seller", allowed="manager"),
    Rule("publishTrainingModule",
         "mutation($id: ID!) { publishTrainingModule(moduleId: $id) { __typename } }",
         lambda w: {"id": str(w.draft_id)}, member="seller", allowed="manager"),
    Rule("archiveTrainingModule",
         "mutation($id: ID!) { archiveTrainingModule(moduleId: $id) { __typename } }",
         lambda w: {"id": str(w.draft_id)}, member="seller", allowed="manager"),
    Rule("trainingModule", "query($id: ID!) { trainingModule(id: $id) { id } }",
         lambda w: {"id": str(w.module_id)}, refused=(MEMBER, SIBLING), why=AUDIENCE),
    Rule("quiz", "query($id: ID!) { quiz(id: $id) { id } }",
         lambda w: {"id": str(w.quiz_id)}, refused=(MEMBER, SIBLING), why=AUDIENCE),
    Rule("recordTrainingProgress",
         "mutation($id: ID!) { recordTrainingProgress(moduleId: $id, sectionsDone: 1) { __typename } }",
         lambda w: {"id": str(w.module_id)}, refused=(MEMBER, SIBLING), why=AUDIENCE),
    Rule("submitQuizAttempt",
         "mutation($id: ID!) { submitQuizAttempt(input: {quizId: $id, answers: []}) { __typename } }",
         lambda w: {"id": str(w.quiz_id)}, refused=(MEMBER, SIBLING), why=AUDIENCE),
    Rule("moduleParticipation",
         "query($id: ID!, $unit: ID) { moduleParticipation(moduleId: $id, unitId: $unit) { moduleId } }",
         lambda w: {"id": str(w.module_id), "unit": str(w.lille_id)}, member="seller", allowed="manager"),
    Rule("sendTrainingReminders",
         "mutation($id: ID!, $people: [ID!]!) { sendTrainingReminders(moduleId: $id, userIds: $people) { __typename } }",
         lambda w: {"id": str(w.module_id), "people": [str(w.julie_id)]}, member="seller", allowed="manager"),
    Rule("createTrainingModule",
         """mutation($unit: ID!) { createTrainingModule(input: {title: "Découverte", sections: [{title: "Un"}],
            assignments: [{unitId: $unit}]}) { __typename } }""",
         lambda w: {"unit": str(w.lille_id)}, member="seller", allowed="manager"),
    Rule("createQuiz",
         """mutation($id: ID!) { createQuiz(input: {title: "Quiz", moduleId: $id, questions: [{text: "Q",
            choices: [{text: "A", correct: true}, {text: "B", correct: false}]}]}) { __typename } }""",
         lambda w: {"id": str(w.draft_id)}, member="seller", allowed="manager"),
]


async def test_every_training_field_taking_an_id_has_a_scope_rule():
    assert missing_rules(RULES, TrainingQuery, TrainingMutation) == set()


async def test_members_sibling_and_child_managers_are_refused_where_the_rule_says(live_server):
    # given a module (and its quiz) assigned to Lille by the Nord manager
    network = await make_network()
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    team = await create_unit(lille, UnitKind.TEAM, "Équipe VO")
    manager, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    julie, _ = await signed_in(lille)
    module_id = await make_module(manager, [lille])
    draft_id = await make_module(manager, [lille], title="Brouillon", publish=False)
    quiz_id = await make_quiz(manager, module_id=module_id, pass_mark=100)
    world = World(module_id, quiz_id, lille.id, julie.id, draft_id)
    tokens = {
        MEMBER: (await signed_in(arras))[1],  # outside the audience
        SIBLING: (await signed_in(arras, Role.MANAGER))[1],
        CHILD: (await signed_in(team, Role.MANAGER))[1],
        ALLOWED: (await signed_in(lille))[1],  # a seller of Lille, in the audience
        "seller": (await signed_in(lille))[1],
        "manager": manager_token,
    }
    # when each tries each field
    table = await run_table(live_server, world, RULES, tokens)
    # then every verdict is the rule's, and the refused changed nothing the allowed ones did not
    assert table.mismatches() == []
    assert await TrainingModule.filter(title="Accueil revu").count() == 1
    assert (await TrainingModule.get(id=draft_id)).publication == Publication.ARCHIVED
    assert await Quiz.filter(title="Quiz revu").count() == 1
