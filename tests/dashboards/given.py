"""Givens of the dashboards tests: a seller with something on every part of « Mes résultats »."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.badges.awarding import grant
from server.badges.catalogue import NewBadge, create_badge
from server.evaluation.assessments import ScoreInput, submit_assessment
from server.evaluation.models import AssessmentOutcome, Skill, SurveyKind
from server.evaluation.satisfaction import SurveyInput, record_surveys, set_target
from server.network.scope import scope_of_user
from server.training import services
from server.training.models import QuizAttempt
from tests.challenges.given import Arena, arena, live_challenge, sell
from tests.evaluation.factories import make_grid
from tests.factories import signed_in
from tests.training.factories import make_module, make_quiz


async def full_dashboard(challenges: int = 2) -> Arena:
    """Three sellers of Lille; the first has a module done and one in progress of three, two
    quizzes taken, an assessment, a badge, sales against a target and `challenges` live
    challenges; Lille has surveys and a satisfaction target."""
    found = await arena(sellers=3)
    seller = found.sellers[0]
    network = found.network
    admin, _ = await signed_in(network.root, Role.ADMIN)
    lille = network.points_of_sale["Lille"]
    modules = [await make_module(admin, [network.regions["Nord"]], title=f"Module {n}", sections=2) for n in range(3)]
    await make_module(admin, [network.points_of_sale["Bordeaux"]], title="Ailleurs", sections=1)
    await make_module(admin, [network.root], title="Brouillon", sections=1, publish=False)
    mine = await scope_of_user(seller)
    await services.record_progress(mine, modules[0], 2)
    await services.record_progress(mine, modules[1], 1)
    for scores in ((40.0, 80.0), (100.0,)):
        quiz_id = await make_quiz(admin)
        for number, score in enumerate(scores, 1):
            await QuizAttempt.create(quiz_id=quiz_id, user_id=seller.id, organization_id=network.organization_id,
                                     number=number, score_percent=score, passed=score >= 60)
    grid_id = await make_grid(admin)
    skills = [s.id for s in await Skill.filter(grid_id=grid_id).order_by("position")]
    manager = await scope_of_user(found.manager)
    await submit_assessment(manager, seller.id, grid_id, [ScoreInput(s, 1 + n % 4) for n, s in enumerate(skills)],
                            AssessmentOutcome.PASSED, "Bien")
    today = datetime.now(UTC).date()
    await record_surveys(manager, [
        SurveyInput(lille.id, SurveyKind.SCORE_10, 8.5, 40, today - timedelta(days=20), today - timedelta(days=1)),
        SurveyInput(lille.id, SurveyKind.NPS, 30, 20, today - timedelta(days=60), today - timedelta(days=40)),
    ])
    await set_target(await scope_of_user(admin), network.regions["Nord"].id, 75)
    badge = await create_badge(admin, NewBadge(name="Roi du financement", emoji="💶", criteria="Dix"))
    await grant(badge, seller, reason="Dix financements", awarded_by=found.manager)
    for index in range(challenges):
        await live_challenge(found, name=f"Challenge {index + 1}")
    await sell(found, seller, 4)
    await sell(found, found.sellers[1], 6)
    return found
