"""Participation: my modules, progress, completion with the quiz, who hasn't started, reminders."""

from __future__ import annotations

from server.accounts.models import Role
from server.network.scope import scope_of_user
from server.notifications.models import Notification, NotificationKind
from server.training import authoring, quizzes
from server.training.content import AssignmentInput, ModuleContent, SectionInput
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.factories import answer_key, captured, make_module, make_quiz

MY_MODULES = "{ myModules { id title status sectionsDone sectionCount quizId assigned } }"
MODULE = """
query Module($id: ID!) { trainingModule(id: $id) { title status sections { title bodyHtml
  blocks { kind spans { kind text href } items { spans { text } } } } } }
"""
PROGRESS = """
mutation Progress($id: ID!, $n: Int!) { recordTrainingProgress(moduleId: $id, sectionsDone: $n) {
  __typename ... on RecordTrainingProgressSuccess { module { status sectionsDone } } ... on UserError { code } } }
"""
PARTICIPATION = """
query P($id: ID!) { moduleParticipation(moduleId: $id) { notStartedCount inProgressCount completedCount
  people { userId displayName status } } }
"""
REMIND = """
mutation R($id: ID!, $users: [ID!]!) { sendTrainingReminders(moduleId: $id, userIds: $users) {
  __typename ... on SendTrainingRemindersSuccess { remindedUserIds } ... on UserError { code message } } }
"""


async def test_a_seller_reads_a_module_and_completes_it_by_passing_its_quiz(live_server):
    # given a module of two sections with a quiz, assigned to Lille
    network = await make_network()
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, token = await signed_in(network.points_of_sale["Lille"])
    module_id = await make_module(manager, [network.points_of_sale["Lille"]])
    quiz_id = await make_quiz(manager, module_id=module_id, pass_mark=0)
    async with GraphQLClient(live_server.url, token=token) as client:
        listed = (await client.execute(MY_MODULES))["myModules"]
        assert listed == [
            {"id": str(module_id), "title": "Accueil client", "status": "NOT_STARTED", "sectionsDone": 0,
             "sectionCount": 2, "quizId": str(quiz_id), "assigned": True}
        ]
        with captured("training.module_completed") as completed:
            # when the seller reads both sections: in progress, the quiz still to pass
            first = await client.execute(PROGRESS, {"id": str(module_id), "n": 1})
            second = await client.execute(PROGRESS, {"id": str(module_id), "n": 2})
            assert completed == []
            # and passes the quiz
            result = await quizzes.submit_quiz_attempt(await scope_of_user(seller), quiz_id, {})
        again = (await client.execute(MY_MODULES))["myModules"][0]
    # then
    assert first["recordTrainingProgress"]["module"] == {"status": "IN_PROGRESS", "sectionsDone": 1}
    assert second["recordTrainingProgress"]["module"]["status"] == "IN_PROGRESS"
    assert result.module_completed is True and again["status"] == "COMPLETED"
    assert completed == [
        ("training.module_completed", {"organization_id": network.organization_id, "user_id": seller.id, "module_id": module_id})
    ]


async def test_progress_never_goes_back_and_stays_in_range(live_server):
    network = await make_network()
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, token = await signed_in(network.points_of_sale["Lille"])
    module_id = await make_module(manager, [network.points_of_sale["Lille"]], sections=3)
    async with GraphQLClient(live_server.url, token=token) as client:
        await client.execute(PROGRESS, {"id": str(module_id), "n": 2})
        back = await client.execute(PROGRESS, {"id": str(module_id), "n": 1})
        beyond = await client.execute(PROGRESS, {"id": str(module_id), "n": 4})
    assert back["recordTrainingProgress"]["module"]["sectionsDone"] == 2
    assert beyond["recordTrainingProgress"] == {"__typename": "ValidationError", "code": "training_section_out_of_range"}


async def test_a_module_without_quiz_completes_when_read(live_server):
    network = await make_network()
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, token = await signed_in(network.points_of_sale["Lille"])
    module_id = await make_module(manager, [network.points_of_sale["Lille"]], sections=1)
    async with GraphQLClient(live_server.url, token=token) as client:
        data = await client.execute(PROGRESS, {"id": str(module_id), "n": 1})
    assert data["recordTrainingProgress"]["module"]["status"] == "COMPLETED"


async def test_sections_are_rendered_as_safe_html_and_text_blocks(live_server):
    network = await make_network()
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, token = await signed_in(network.points_of_sale["Lille"])
    module = await authoring.create_module(
        await scope_of_user(manager),
        ModuleContent(
            "Sécurité", "", 5,
            [SectionInput("Un", "## Titre\n<script>alert(1)</script> **gras** [lien](https://elan.example) [x](javascript:alert(1))\n- un\n- deux")],
            [AssignmentInput(network.points_of_sale["Lille"].id)],
        ),
        publish=True,
    )
    async with GraphQLClient(live_server.url, token=token) as client:
        section = (await client.execute(MODULE, {"id": str(module.id)}))["trainingModule"]["sections"][0]
    html = section["bodyHtml"]
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>gras</strong>" in html and '<a href="https://elan.example" rel="noopener noreferrer nofollow">lien</a>' in html
    assert 'href="javascript' not in html
    assert html.startswith("<h2>Titre</h2>") and "<ul><li>un</li><li>deux</li></ul>" in html
    kinds = [b["kind"] for b in section["blocks"]]
    assert kinds == ["HEADING2", "PARAGRAPH", "BULLETS"]
    paragraph = section["blocks"][1]["spans"]
    assert paragraph[0] == {"kind": "TEXT", "text": "<script>alert(1)</script> ", "href": None}
    assert {"kind": "LINK", "text": "lien", "href": "https://elan.example"} in paragraph


async def test_the_manager_sees_who_has_not_started_and_reminds_them(live_server):
    # given a module for the sellers of the Nord region: one started, two did not
    network = await make_network()
    manager, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    started, started_token = await signed_in(network.points_of_sale["Lille"], name="Alice Débutée")
    idle, _ = await signed_in(network.points_of_sale["Arras"], name="Bruno Attente")
    idle2, _ = await signed_in(network.points_of_sale["Lille"], name="Chloé Attente")
    far, _ = await signed_in(network.points_of_sale["Bordeaux"], name="Hors périmètre")
    module_id = await make_module(manager, [network.regions["Nord"]], role=Role.MEMBER)
    async with GraphQLClient(live_server.url, token=started_token) as client:
        await client.execute(PROGRESS, {"id": str(module_id), "n": 1})
    async with GraphQLClient(live_server.url, token=manager_token) as client:
        # when the manager looks at participation and taps "remind" for the two
        report = (await client.execute(PARTICIPATION, {"id": str(module_id)}))["moduleParticipation"]
        sent = await client.execute(REMIND, {"id": str(module_id), "users": [str(idle.id), str(idle2.id), str(started.id)]})
        twice = await client.execute(REMIND, {"id": str(module_id), "users": [str(idle.id)]})
        outside = await client.execute(REMIND, {"id": str(module_id), "users": [str(far.id)]})
    # then
    assert report["notStartedCount"] == 2 and report["inProgressCount"] == 1
    assert [p["displayName"] for p in report["people"]][:2] == ["Bruno Attente", "Chloé Attente"]
    assert str(far.id) not in {p["userId"] for p in report["people"]}
    assert sorted(sent["sendTrainingReminders"]["remindedUserIds"]) == sorted([str(idle.id), str(idle2.id)])
    assert twice["sendTrainingReminders"]["__typename"] == "ConflictError"
    assert outside["sendTrainingReminders"]["__typename"] == "NotAllowedError"
    reminder = await Notification.get(user_id=idle.id, kind=NotificationKind.TRAINING_REMINDER)
    assert reminder.kind == NotificationKind.TRAINING_REMINDER and reminder.params["module"] == "Accueil client"
    assert reminder.link == f"/apprendre/{module_id}"
    assert not await Notification.filter(user_id=started.id, kind=NotificationKind.TRAINING_REMINDER).exists()
    assigned = await Notification.filter(user_id=idle.id, kind=NotificationKind.TRAINING_ASSIGNED).first()
    assert assigned is not None and assigned.link == f"/apprendre/{module_id}"
    assert not await Notification.filter(user_id=far.id).exists()


async def test_a_seller_cannot_see_participation(live_server):
    network = await make_network()
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, token = await signed_in(network.points_of_sale["Lille"])
    module_id = await make_module(manager, [network.regions["Nord"]])
    async with GraphQLClient(live_server.url, token=token) as client:
        errors = await client.errors(PARTICIPATION, {"id": str(module_id)})
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"


async def test_assignment_by_role_targets_only_that_role(live_server):
    network = await make_network()
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, seller_token = await signed_in(network.points_of_sale["Lille"])
    _, chef_token = await signed_in(network.points_of_sale["Lille"], Role.MANAGER)
    await make_module(manager, [network.regions["Nord"]], title="Réservé chefs", role=Role.MANAGER)
    async with GraphQLClient(live_server.url, token=seller_token) as seller:
        assert (await seller.execute(MY_MODULES))["myModules"] == []
    async with GraphQLClient(live_server.url, token=chef_token) as chef:
        assert [m["title"] for m in (await chef.execute(MY_MODULES))["myModules"]] == ["Réservé chefs"]


async def test_answer_key_helper_reads_the_database(live_server):
    network = await make_network()
    head_office, _ = await signed_in(network.root, Role.ADMIN)
    key = await answer_key(await make_quiz(head_office))
    assert set(key) == {"Q1", "Q2", "Q3"}
