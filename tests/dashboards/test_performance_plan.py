"""The performance plan page: for each unit, how each lever is doing against the plan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.badges.awarding import grant
from server.badges.catalogue import NewBadge, create_badge
from server.evaluation.models import SurveyKind
from server.evaluation.satisfaction import SurveyInput, record_surveys
from server.network.scope import scope_of_user
from server.training import quizzes, services
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.factories import make_module, make_quiz

CREATE = """
mutation C($input: CreatePerformancePlanInput!) { createPerformancePlan(input: $input) { __typename
  ... on CreatePerformancePlanSuccess { plan { id name } } ... on UserError { code } } }
"""
PLANS = """
{ performancePlans { name units { unitName levers { lever value target onTrack } } } }
"""


async def test_head_office_sees_each_lever_per_region_against_the_plan(live_server):
    # given a module with its quiz, a badge, and this quarter's plan from head office
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    admin, admin_token = await signed_in(network.root, Role.ADMIN)
    manager, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    ana, _ = await signed_in(lille)
    await signed_in(lille)  # Bob, who does nothing
    module_id = await make_module(admin, [network.root], sections=1, role=Role.MEMBER)
    quiz_id = await make_quiz(admin, module_id=module_id, pass_mark=0)
    badge = await create_badge(admin, NewBadge(name="Pilier de l'accueil", emoji="🤝", criteria="Accueil"))
    today = datetime.now(UTC).date()
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        created = await client.execute(
            CREATE,
            {
                "input": {
                    "name": "Plan d'animation du trimestre",
                    "startsOn": (today - timedelta(days=30)).isoformat(),
                    "endsOn": (today + timedelta(days=30)).isoformat(),
                    "moduleIds": [str(module_id)],
                    "quizIds": [str(quiz_id)],
                    "badgeIds": [str(badge.id)],
                    "trainingCompletionTarget": 50,
                    "quizAverageTarget": 70,
                    "satisfactionIndexTarget": 80,
                }
            },
        )
        assert created["createPerformancePlan"]["__typename"] == "CreatePerformancePlanSuccess"
        wrong = await client.execute(
            CREATE, {"input": {"name": "À l'envers", "startsOn": today.isoformat(), "endsOn": (today - timedelta(days=1)).isoformat()}}
        )
        assert wrong["createPerformancePlan"] == {"__typename": "ValidationError", "code": "plan_period_invalid"}
    # when Ana completes the module with 0 % at the quiz, Lille gets a survey and Ana a badge
    ana_scope = await scope_of_user(ana)
    await services.record_progress(ana_scope, module_id, 1)
    await quizzes.submit_quiz_attempt(ana_scope, quiz_id, {})
    await record_surveys(await scope_of_user(manager), [SurveyInput(lille.id, SurveyKind.SCORE_10, 9.0, 50, today.replace(day=1), today)])
    await grant(badge, ana, reason="Accueil exemplaire", awarded_by=manager)
    # then head office sees the organisation first, then each region
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        plan = (await client.execute(PLANS))["performancePlans"][0]
    rows = {u["unitName"]: {lever["lever"]: lever for lever in u["levers"]} for u in plan["units"]}
    assert list(rows) == [network.root.name, "Nord", "Sud-Ouest"]
    nord = rows["Nord"]
    assert nord["TRAINING"] == {"lever": "TRAINING", "value": 50.0, "target": 50.0, "onTrack": True}  # Ana of 2
    assert nord["QUIZ"] == {"lever": "QUIZ", "value": 0.0, "target": 70.0, "onTrack": False}
    assert nord["SATISFACTION"] == {"lever": "SATISFACTION", "value": 90.0, "target": 80.0, "onTrack": True}
    assert nord["BADGES"] == {"lever": "BADGES", "value": 1.0, "target": None, "onTrack": None}
    assert rows["Sud-Ouest"]["TRAINING"]["value"] is None and rows["Sud-Ouest"]["BADGES"]["value"] == 0.0
    # and the Nord manager sees its own scope; a seller may not see plans
    async with GraphQLClient(live_server.url, token=manager_token) as client:
        mine = (await client.execute(PLANS))["performancePlans"][0]["units"]
    assert [u["unitName"] for u in mine] == ["Nord", "Arras Gare", "Lille Centre"]
    async with GraphQLClient(live_server.url, token=await _token(ana)) as client:
        errors = await client.errors(PLANS)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"


async def _token(user) -> str:
    from server.accounts.services import open_session

    return await open_session(user)
