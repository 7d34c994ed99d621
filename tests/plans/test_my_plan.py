"""« Notre plan »: every person reads the period's plan as it applies to their unit, live."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.accounts.services import open_session
from server.evaluation.models import SurveyKind
from server.evaluation.satisfaction import SurveyInput, record_surveys
from server.network.scope import scope_of_user
from server.plans.models import PerformancePlan
from server.training import services
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient, Subscription
from tests.planned_streams import PlannedStreams
from tests.pwa_documents import pwa_documents
from tests.training.factories import make_module, make_quiz

MY_PLAN = """
query($unit: ID) { myPlan(unitId: $unit) { plan { name } units { unitName people
  levers { lever value target onTrack } nextStep { kind lever count } }
  myNextStep { kind lever title subjectId } } }
"""
LIVE = "subscription { myPlan { version myPlan { units { unitName levers { lever value } } } } }"


async def plan_world():
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    admin, _ = await signed_in(network.root, Role.ADMIN)
    module_id = await make_module(admin, [network.root], title="Accueil client", sections=1, role=Role.MEMBER)
    quiz_id = await make_quiz(admin, pass_mark=60)
    today = datetime.now(UTC).date()
    await PerformancePlan.create(
        organization_id=network.organization_id, name="Plan d'animation du trimestre",
        starts_on=today - timedelta(days=30), ends_on=today + timedelta(days=60),
        module_ids=[module_id], quiz_ids=[quiz_id], training_completion_target=80,
    )
    ana, ana_token = await signed_in(lille, name="Ana Martin")
    await signed_in(lille, name="Bob Leroy")
    await services.record_progress(await scope_of_user(ana), module_id, 1)
    return network, admin, ana, ana_token, module_id, quiz_id


def levers(unit: dict) -> dict:
    return {lever["lever"]: lever for lever in unit["levers"]}


async def test_a_seller_reads_her_point_of_sale_plan_and_her_next_step(live_server):
    # given this quarter's plan, and Ana who finished its module while Bob did not start
    network, _, _, ana_token, _, quiz_id = await plan_world()
    # when Ana opens « Notre plan »
    async with GraphQLClient(live_server.url, token=ana_token) as client:
        mine = (await client.execute(MY_PLAN))["myPlan"]
    # then she sees Lille Centre alone: half its people trained against 80 %, and her next step is the quiz
    assert mine["plan"]["name"] == "Plan d'animation du trimestre"
    assert [u["unitName"] for u in mine["units"]] == ["Lille Centre"]
    lille = mine["units"][0]
    assert lille["people"] == 2
    assert levers(lille)["TRAINING"] == {"lever": "TRAINING", "value": 50.0, "target": 80.0, "onTrack": False}
    assert lille["nextStep"] == {"kind": "REMIND_TRAINING", "lever": "TRAINING", "count": 1}
    step = mine["myNextStep"]
    assert (step["kind"], step["lever"], step["subjectId"]) == ("TAKE_QUIZ", "QUIZ", str(quiz_id))
    # and she may not read another point of sale's plan, nor her region's
    async with GraphQLClient(live_server.url, token=ana_token) as client:
        for unit in (network.points_of_sale["Bordeaux"], network.regions["Nord"]):
            errors = await client.errors(MY_PLAN, {"unit": str(unit.id)})
            assert errors[0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_regional_manager_sees_each_point_of_sale_side_by_side(live_server):
    # given the plan and a manager of the Nord region
    network, _, _, _, _, _ = await plan_world()
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    # when the manager opens « Notre plan »
    async with GraphQLClient(live_server.url, token=token) as client:
        mine = (await client.execute(MY_PLAN))["myPlan"]
    # then Nord comes first, then each of its points of sale, and no personal step
    assert [u["unitName"] for u in mine["units"]] == ["Nord", "Arras Gare", "Lille Centre"]
    assert mine["myNextStep"] is None
    nord, arras, lille = (levers(u) for u in mine["units"])
    assert nord["TRAINING"]["value"] == 50.0  # the module is for sellers: Ana of Ana and Bob
    assert arras["TRAINING"]["value"] is None and lille["TRAINING"]["value"] == 50.0
    assert mine["units"][1]["nextStep"]["kind"] == "NOTHING_MEASURED"


async def test_the_plan_follows_a_satisfaction_survey_live(live_server):
    # given Ana watching « Notre plan »
    network, _, _, ana_token, _, _ = await plan_world()
    manager, _ = await signed_in(network.regions["Nord"], Role.MANAGER)
    lille = network.points_of_sale["Lille"]
    async with Subscription(live_server.ws_url, token=ana_token) as socket:
        await socket.connect()
        await socket.subscribe(LIVE)
        first = await socket.next(timeout=10)
        assert levers(first["payload"]["data"]["myPlan"]["myPlan"]["units"][0])["SATISFACTION"]["value"] is None
        # when the manager records this month's survey for Lille
        today = datetime.now(UTC).date()
        await record_surveys(
            await scope_of_user(manager), [SurveyInput(lille.id, SurveyKind.SCORE_10, 8.5, 40, today.replace(day=1), today)]
        )
        # then Ana's plan shows the new satisfaction index
        update = await socket.next(timeout=10)
    plan = update["payload"]["data"]["myPlan"]
    assert plan["version"] > 0
    assert levers(plan["myPlan"]["units"][0])["SATISFACTION"]["value"] == 85.0


async def test_without_any_plan_the_answer_is_null(live_server):
    network = await make_network()
    user, token = await signed_in(network.points_of_sale["Arras"])
    async with GraphQLClient(live_server.url, token=token) as client:
        assert (await client.execute(MY_PLAN))["myPlan"] is None
    assert await open_session(user)


async def test_retention_counts_active_people_departures_and_tenure_per_unit(live_server):
    # given Lille's two sellers (Ana signed in this week), a colleague who left during the plan,
    # and Bob who joined 100 days ago
    from datetime import UTC, datetime, timedelta

    from server.accounts.models import ActiveWeek, Session, User
    from tests.factories import make_user

    network, _, _, ana_token, _, _ = await plan_world()
    lille = network.points_of_sale["Lille"]
    gone = await make_user(lille, name="Léa Petit")
    await User.filter(id=gone.id).update(deactivated_at=datetime.now(UTC) - timedelta(days=3))
    bob = await User.get(display_name="Bob Leroy", organization_id=network.organization_id)
    await User.filter(id=bob.id).update(created_at=datetime.now(UTC) - timedelta(days=100))
    await Session.filter(user_id=bob.id).update(last_seen_at=datetime.now(UTC) - timedelta(days=20))
    await ActiveWeek.filter(user_id=bob.id).delete()  # his last use was weeks ago
    # when Ana reads « Notre plan »
    async with GraphQLClient(live_server.url, token=ana_token) as client:
        unit = (await client.execute(
            "{ myPlan { units { people activePeople departures tenureDays levers { lever value } } } }"
        ))["myPlan"]["units"][0]
    # then Lille has two people, one active this week (Ana), one departure, and 50 days of tenure on average
    assert (unit["people"], unit["activePeople"], unit["departures"]) == (2, 1, 1)
    assert 49.5 <= unit["tenureDays"] <= 50.5
    assert levers(unit)["RETENTION"]["value"] == 50.0


async def test_once_she_passed_the_quiz_her_next_step_moves_on_and_her_best_score_counts(live_server):
    # given the plan's quiz failed once (0 %) then passed (100 %) by Ana
    from server.training import quizzes
    from tests.training.factories import answer_key

    _, _, ana, ana_token, _, quiz_id = await plan_world()
    ana_scope = await scope_of_user(ana)
    await quizzes.submit_quiz_attempt(ana_scope, quiz_id, {})
    key = await answer_key(quiz_id)
    right = {key["Q1"]["_id"]: [key["Q1"]["B"]], key["Q2"]["_id"]: [key["Q2"]["A"], key["Q2"]["C"]], key["Q3"]["_id"]: [key["Q3"]["A"]]}
    await quizzes.submit_quiz_attempt(ana_scope, quiz_id, right)
    # when she opens « Notre plan »
    async with GraphQLClient(live_server.url, token=ana_token) as client:
        mine = (await client.execute(MY_PLAN))["myPlan"]
    # then her point of sale's quiz lever is her best score, and her next step is no longer the quiz
    assert levers(mine["units"][0])["QUIZ"]["value"] == 100.0
    assert mine["myNextStep"]["kind"] != "TAKE_QUIZ"


async def _snapshot(live_server, token: str, document: str, unit_id: str | None) -> dict:
    async with Subscription(live_server.ws_url, token=token) as socket:
        await socket.connect()
        await socket.subscribe(document, {"unitId": unit_id})
        message = await socket.next(timeout=10)
    assert message["type"] == "next", message
    update = message["payload"]["data"]["myPlan"]
    del update["at"]  # the time of each snapshot
    return update  # type: ignore[no-any-return]


async def test_the_pwa_live_plan_is_projected_by_its_plan_as_strawberry_answers_it(
    live_server, planned_streams: PlannedStreams
):
    # given a plan with a module, a quiz and progress, head office and a seller
    network, admin, ana, ana_token, _, _ = await plan_world()
    admin_token = (await signed_in(network.root, Role.ADMIN))[1]
    live = next(d.query for d in pwa_documents() if d.name == "MyPlanLive")
    lille = network.points_of_sale["Lille"]
    for token, unit_id in ((admin_token, None), (admin_token, str(lille.id)), (ana_token, None)):
        # when the PWA's own document is sent, answered by its plan, then by strawberry
        with planned_streams.planned():
            planned = await _snapshot(live_server, token, live, unit_id)
        with planned_streams.executed():
            executed = await _snapshot(live_server, token, live, unit_id)
        # then the plan answered, and both snapshots are the same
        assert planned_streams.streamed[-1] is True
        assert planned == executed
        assert planned["myPlan"]["units"][0]["levers"][0]["lever"] == "TRAINING"


async def test_the_pwa_reads_the_unit_viewed_in_detail_and_the_others_as_table_rows(live_server):
    # given the plan, and head office watching « Notre plan » as the PWA does
    network, _, _, _, _, _ = await plan_world()
    admin_token = (await signed_in(network.root, Role.ADMIN))[1]
    live = next(d.query for d in pwa_documents() if d.name == "MyPlanLive")
    lille = network.points_of_sale["Lille"]
    top = (await _snapshot(live_server, admin_token, live, None))["myPlan"]
    # then the network comes in detail, and every open point of sale is a row of name and figures only
    assert top["unit"]["unitName"] == top["units"][0]["unitName"]
    assert {"nextStep", "people", "weakestSkills", "tenureDays"} <= set(top["unit"])
    assert [u["unitName"] for u in top["units"][1:]] == sorted(u.name for u in network.points_of_sale.values())
    row = next(u for u in top["units"] if u["unitId"] == str(lille.id))
    assert set(row) == {"unitId", "unitName", "levers"}
    assert levers(row)["TRAINING"] == {"lever": "TRAINING", "value": 50.0, "onTrack": False}
    # when head office opens Lille's row
    opened = (await _snapshot(live_server, admin_token, live, str(lille.id)))["myPlan"]
    # then Lille comes in detail with the same figures as its row, alone
    assert opened["unit"]["unitName"] == "Lille Centre" and [u["unitId"] for u in opened["units"]] == [str(lille.id)]
    assert opened["unit"]["people"] == 2
    assert opened["unit"]["nextStep"]["kind"] == "REMIND_TRAINING"
    assert [(r["lever"], r["value"], r["onTrack"]) for r in opened["unit"]["levers"]] == [
        (r["lever"], r["value"], r["onTrack"]) for r in row["levers"]
    ]


async def test_a_unit_outside_what_the_viewer_acts_in_is_refused_live_as_before(live_server):
    # given a seller of Lille
    network, _, _, ana_token, _, _ = await plan_world()
    live = next(d.query for d in pwa_documents() if d.name == "MyPlanLive")
    # when she asks for another point of sale's plan live
    async with Subscription(live_server.ws_url, token=ana_token) as socket:
        await socket.connect()
        await socket.subscribe(live, {"unitId": str(network.points_of_sale["Arras"].id)})
        message = await socket.next(timeout=10)
    # then it is refused with the domain's error, as strawberry reports it
    assert message["type"] == "next", message
    assert message["payload"]["data"] is None
    assert [e["extensions"]["code"] for e in message["payload"]["errors"]] == ["FORBIDDEN"]
