"""A slip in results suggests a module on the home screen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.evaluation.assessments import ScoreInput, submit_assessment
from server.evaluation.models import AssessmentOutcome, Skill
from server.network.scope import scope_of_user
from server.training import authoring, quizzes
from server.training.content import AssignmentInput, ModuleContent, SectionInput
from tests.evaluation.factories import make_grid
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.factories import make_quiz

RECOMMENDED = "{ recommendedModules { reason detail module { title status } } }"


async def test_a_failed_quiz_a_weak_skill_and_a_due_date_each_suggest_a_module(live_server):
    # given three modules for Lille: one whose quiz the seller fails, one on financing, one due in 3 days
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    admin, _ = await signed_in(network.root, Role.ADMIN)
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, token = await signed_in(lille)
    section = [SectionInput("Un", "Texte")]
    author = await scope_of_user(manager)

    async def module(title: str, due_at: datetime | None = None) -> int:
        content = ModuleContent(title, "", 10, section, [AssignmentInput(lille.id, None, due_at)])
        return (await authoring.create_module(author, content, publish=True)).id

    welcome = await module("Accueil client")
    await module("Vendre le financement LOA/LLD")
    await module("Réussir la livraison", datetime.now(UTC) + timedelta(days=3))
    await module("Hybride")
    quiz_id = await make_quiz(manager, module_id=welcome, pass_mark=100)
    await quizzes.submit_quiz_attempt(await scope_of_user(seller), quiz_id, {})
    grid_id = await make_grid(admin)
    skills = await Skill.filter(grid_id=grid_id).order_by("position")
    await submit_assessment(
        author, seller.id, grid_id,
        [ScoreInput(s.id, 2 if s.name == "Financement" else 3) for s in skills], AssessmentOutcome.NOT_PASSED,
    )
    # when the seller opens the home screen
    async with GraphQLClient(live_server.url, token=token) as client:
        found = (await client.execute(RECOMMENDED))["recommendedModules"]
    # then the three are suggested, with why
    assert [(r["reason"], r["detail"], r["module"]["title"]) for r in found] == [
        ("QUIZ_FAILED", "", "Accueil client"),
        ("SKILL_GAP", "Financement", "Vendre le financement LOA/LLD"),
        ("DUE_SOON", "", "Réussir la livraison"),
    ]


async def test_nothing_is_suggested_when_all_is_well(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as client:
        assert (await client.execute(RECOMMENDED))["recommendedModules"] == []
