"""Head-office functions: qualité manages satisfaction, marketing challenges, formation modules,
each its levers' objectives, without being admins; head office gives them and it is audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.accounts.models import Role
from server.audit.models import AuditEntry
from server.challenges.lifecycle import ChallengeDraft, create_challenge
from server.challenges.models import Metric
from server.errors import NotAllowed
from server.evaluation.models import SurveyKind
from server.evaluation.satisfaction import SurveyInput, record_surveys
from server.network.scope import scope_of_user
from server.plans.models import PlanPeriod
from server.plans.objective_services import ObjectiveInput, set_objective
from tests.factories import make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.plans.test_my_plan import plan_world
from tests.training.factories import make_module

FUNCTIONS = "{ functions { id key name manages people { displayName } } }"
GIVE = """
mutation($user: ID!, $functions: [ID!]!) { setPersonFunctions(input: {userId: $user, functionIds: $functions}) {
  __typename ... on UserError { code } } }
"""


async def test_function_people_manage_their_levers_content_and_nothing_else(live_server):
    # given head office, and three head-office people who are not admins
    network, admin, _, _, _, _ = await plan_world()
    admin_token = (await signed_in(network.root, Role.ADMIN))[1]
    claire = await make_user(network.root, Role.MEMBER, "Claire Vidal")
    hugo = await make_user(network.root, Role.MEMBER, "Hugo Martin")
    lea = await make_user(network.root, Role.MEMBER, "Léa Bernard")
    seller = await make_user(network.points_of_sale["Lille"], Role.MEMBER, "Ana Martin")
    # when head office reads its functions and gives qualité to Claire, marketing to Hugo, formation to Léa
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        listed = (await client.execute(FUNCTIONS))["functions"]
        ids = {f["key"]: f["id"] for f in listed}
        for person, key in ((claire, "qualite"), (hugo, "marketing"), (lea, "formation")):
            given = (await client.execute(GIVE, {"user": str(person.id), "functions": [ids[key]]}))["setPersonFunctions"]
            assert given["__typename"] == "SetPersonFunctionsSuccess"
        field = await client.execute(GIVE, {"user": str(seller.id), "functions": [ids["qualite"]]})
        after = {f["key"]: [p["displayName"] for p in f["people"]] for f in (await client.execute(FUNCTIONS))["functions"]}
    # then the organisation's list is the seeded one, a seller carries none, and each person is listed
    assert [f["name"] for f in listed] == [
        "Commerce", "Marketing", "Qualité", "Développement réseau", "Expérience client", "Formation",
    ]
    assert field["setPersonFunctions"] == {"__typename": "ValidationError", "code": "function_head_office_only"}
    assert after["qualite"] == ["Claire Vidal"] and after["marketing"] == ["Hugo Martin"]
    assert await AuditEntry.filter(organization_id=network.organization_id, action="person.functions").count() == 3
    # and Claire records Bordeaux's survey but may not start a challenge; Hugo the reverse; Léa writes a module
    today = datetime.now(UTC).date()
    survey = SurveyInput(network.points_of_sale["Bordeaux"].id, SurveyKind.SCORE_10, 8.0, 30, today.replace(day=1), today)
    metric = await Metric.create(organization_id=network.organization_id, name="Ventes", unit_label="véh.")
    draft = ChallengeDraft(
        name="Challenge qualité", starts_at=datetime.now(UTC) - timedelta(days=1),
        ends_at=datetime.now(UTC) + timedelta(days=9), metrics=[(metric.id, 1.0)], scope_unit_id=network.root.id,
    )
    claire_scope, hugo_scope = await scope_of_user(claire), await scope_of_user(hugo)
    assert len(await record_surveys(claire_scope, [survey])) == 1
    with pytest.raises(NotAllowed):
        await create_challenge(claire_scope, draft)
    assert (await create_challenge(hugo_scope, draft)).name == "Challenge qualité"
    with pytest.raises(NotAllowed):
        await record_surveys(hugo_scope, [survey])
    assert await make_module(lea, [network.root], title="Accueil premium") > 0
    # and Claire sets the satisfaction objective of the plan, but not the training one
    plan_id = (await _plan_id(network.organization_id))
    lille = network.points_of_sale["Lille"]
    saved = await set_objective(claire_scope, ObjectiveInput(plan_id, lille.id, "SATISFACTION", PlanPeriod.PLAN, today, 85))
    assert saved.target == 85
    with pytest.raises(NotAllowed):
        await set_objective(claire_scope, ObjectiveInput(plan_id, lille.id, "TRAINING", PlanPeriod.PLAN, today, 85))
    # and none of them is an admin: giving functions stays head office's
    async with GraphQLClient(live_server.url, token=(await signed_in(network.root, Role.MEMBER))[1]) as client:
        refused = await client.execute(GIVE, {"user": str(claire.id), "functions": []})
    assert refused["setPersonFunctions"]["__typename"] == "NotAllowedError"
    assert admin.role == Role.ADMIN


async def _plan_id(organization_id: int) -> int:
    from server.plans.models import PerformancePlan

    return (await PerformancePlan.get(organization_id=organization_id)).id
