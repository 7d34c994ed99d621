"""An action's targeted indicator is changed after it started by who may manage the action; its
baseline follows (the new indicator over the same window before), the change is audited, and
bad input or someone else's action gets a typed error and changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.activity import week_of
from server.accounts.models import ActiveWeek, Role, User
from server.audit.models import AuditEntry
from server.challenges.lifecycle import ChallengeDraft, create_challenge
from server.challenges.models import Metric
from server.evaluation.action_plans import create_plan
from server.network.scope import scope_of_user
from server.network.services import create_organization
from server.plans.models import ImprovementAction, ImprovementKind, PerformancePlan
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient

SET = """
mutation($id: ID!, $indicator: PlanViewLever!) { setActionIndicator(input: {actionId: $id, indicator: $indicator}) {
  __typename ... on SetActionIndicatorSuccess { effect { id indicator before verdict title } }
  ... on UserError { code message } } }
"""
REVIEW = "query($plan: ID!) { planReview(planId: $plan) { effects { title mayChangeIndicator } } }"
GRANT = """
mutation($slug: String!, $content: [String!]!) { grantAgency(input: {agencySlug: $slug, content: $content}) { __typename } }
"""


async def test_a_manager_retargets_an_action_plan_and_its_baseline_follows(live_server):
    # given Lille's action plan (it targets satisfaction, not measured before) and, over the
    # month before it, two of Lille's four people active
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    manager, manager_token = await signed_in(lille, Role.MANAGER, "Sophie Caron")
    sellers = [await make_user(lille) for _ in range(3)]
    await User.filter(organization_id=network.organization_id).update(created_at=datetime.now(UTC) - timedelta(days=200))
    plan = await create_plan(await scope_of_user(manager), lille.id, "Rappeler chaque client sous 48 h")
    action = await ImprovementAction.get(kind=ImprovementKind.ACTION_PLAN, subject_id=plan.id)
    assert (action.indicator, action.baseline) == ("SATISFACTION", None)
    await ActiveWeek.filter(user__organization_id=network.organization_id).delete()
    two_weeks_ago = week_of(datetime.now(UTC) - timedelta(days=14))
    for seller in sellers[:2]:
        await ActiveWeek.create(user_id=seller.id, week_start=two_weeks_ago)
    # when her manager says it targets the weekly active people instead
    async with GraphQLClient(live_server.url, token=manager_token) as client:
        done = (await client.execute(SET, {"id": str(action.id), "indicator": "RETENTION"}))["setActionIndicator"]
        # and when she names an indicator that does not exist
        bad = await client.errors(SET, {"id": str(action.id), "indicator": "HAPPINESS"})
    # then the effect reads the new indicator, with its own value before: 2 of 4 people
    assert done["__typename"] == "SetActionIndicatorSuccess"
    assert (done["effect"]["indicator"], done["effect"]["before"]) == ("RETENTION", 50.0)
    saved = await ImprovementAction.get(id=action.id)
    assert (saved.indicator, saved.baseline) == ("RETENTION", 50.0)
    # and the change is audited with both indicators and both baselines
    entry = await AuditEntry.get(action="improvement.indicator_changed", subject_id=action.id)
    assert entry.actor_id == manager.id
    assert entry.before == {"indicator": "SATISFACTION", "baseline": None}
    assert (entry.after["indicator"], entry.after["baseline"]) == ("RETENTION", 50.0)
    assert bad  # refused by the schema: no such indicator
    assert (await ImprovementAction.get(id=action.id)).indicator == "RETENTION"


async def test_only_who_may_manage_the_action_changes_it(live_server):
    # given Lille's action plan, a challenge over Lille, and people around them
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    manager, _ = await signed_in(lille, Role.MANAGER)
    plan = await create_plan(await scope_of_user(manager), lille.id, "Vitrine refaite")
    plan_action = await ImprovementAction.get(kind=ImprovementKind.ACTION_PLAN, subject_id=plan.id)
    admin, admin_token = await signed_in(network.root, Role.ADMIN)
    metric = await Metric.create(organization_id=network.organization_id, name="Ventes", unit_label="véh.")
    now = datetime.now(UTC)
    challenge = await create_challenge(await scope_of_user(admin), ChallengeDraft(
        name="Challenge Lille", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=20),
        metrics=[(metric.id, 1.0)], scope_unit_id=lille.id,
    ))
    challenge_action = await ImprovementAction.get(kind=ImprovementKind.CHALLENGE, subject_id=challenge.id)
    review_plan = await PerformancePlan.create(organization_id=network.organization_id, name="T1",
                                               starts_on=now.date() - timedelta(days=10), ends_on=now.date() + timedelta(days=80))
    _, seller_token = await signed_in(lille)
    _, sibling_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    elsewhere = await make_network()
    _, stranger_token = await signed_in(elsewhere.root, Role.ADMIN)
    # and an agency granted only the dashboards of this network
    agency, agency_root = await create_organization("Agence Lecture", f"agence-lecture-{network.organization_id}")
    _, agency_token = await signed_in(agency_root, Role.MEMBER, "Léo Garnier")
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        await client.execute(GRANT, {"slug": agency.slug, "content": ["dashboards"]})
    # when each of them tries to retarget the action plan and the challenge
    answers = {}
    for who, token in (("seller", seller_token), ("sibling", sibling_token), ("stranger", stranger_token),
                       ("agency", agency_token)):
        async with GraphQLClient(live_server.url, token=token) as client:
            for name, action in (("plan", plan_action), ("challenge", challenge_action)):
                found = (await client.execute(SET, {"id": str(action.id), "indicator": "QUIZ"}))["setActionIndicator"]
                answers[(who, name)] = (found["__typename"], found.get("code"))
    # then every one of them is told it is not found, and nothing changed
    assert set(answers.values()) == {("NotFoundError", "improvement_action_not_found")}, answers
    assert (await ImprovementAction.get(id=plan_action.id)).indicator == "SATISFACTION"
    assert (await ImprovementAction.get(id=challenge_action.id)).indicator == "CHALLENGES"
    assert not await AuditEntry.exists(action="improvement.indicator_changed", organization_id=network.organization_id)
    # and the agency reading the review (its dashboards) is offered no change, head office both
    rights = {}
    for who, token in (("agency", agency_token), ("admin", admin_token)):
        async with GraphQLClient(live_server.url, token=token) as client:
            effects = (await client.execute(REVIEW, {"plan": str(review_plan.id)}))["planReview"]["effects"]
        rights[who] = {e["title"]: e["mayChangeIndicator"] for e in effects}
    assert rights["agency"] == {"Vitrine refaite": False, "Challenge Lille": False}
    assert rights["admin"] == {"Vitrine refaite": True, "Challenge Lille": True}
    # and when the agency is granted challenges, it retargets the challenge (audited as the agency's), not the plan
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        await client.execute(GRANT, {"slug": agency.slug, "content": ["challenges", "dashboards"]})
    async with GraphQLClient(live_server.url, token=agency_token) as client:
        retargeted = (await client.execute(SET, {"id": str(challenge_action.id), "indicator": "QUIZ"}))["setActionIndicator"]
        still = (await client.execute(SET, {"id": str(plan_action.id), "indicator": "QUIZ"}))["setActionIndicator"]
    assert retargeted["__typename"] == "SetActionIndicatorSuccess" and retargeted["effect"]["indicator"] == "QUIZ"
    assert still["__typename"] == "NotFoundError"
    async with GraphQLClient(live_server.url, token=agency_token) as client:
        effects = (await client.execute(REVIEW, {"plan": str(review_plan.id)}))["planReview"]["effects"]
    assert {e["title"]: e["mayChangeIndicator"] for e in effects} == {"Vitrine refaite": False, "Challenge Lille": True}
    audited = await AuditEntry.filter(organization_id=network.organization_id, action="agency.action").values_list("after", flat=True)
    assert any(a["fields"] == ["setActionIndicator"] and a["agency"] == "Agence Lecture" for a in audited)
