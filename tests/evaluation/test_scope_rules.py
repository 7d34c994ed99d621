"""Every evaluation field that takes an id, tried by a member, a manager of a sibling unit and a
manager of a child unit: refused where the rule says so.

Around Lille: its action plan and satisfaction are for its team (the people at or below it,
its team's manager included) and the managers whose scope holds it (server.evaluation
.action_plans, .satisfaction); an assessment for the person assessed and the managers of that
person's unit; recording scores for the managers of the point of sale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from schema.evaluation.mutations import EvaluationMutation
from schema.evaluation.queries import EvaluationQuery
from schema.evaluation.subscriptions import EvaluationSubscription
from server.accounts.models import Role
from server.badges.models import Badge, BadgeKind
from server.evaluation.action_plans import add_item, create_plan
from server.evaluation.assessments import ScoreInput, submit_assessment
from server.evaluation.models import AssessmentOutcome, Skill, SkillsGrid
from server.network.models import UnitKind
from server.network.scope import scope_of_user
from server.network.services import create_unit
from tests.evaluation.factories import make_grid
from tests.factories import make_network, signed_in
from tests.scope_rules import ALLOWED, CHILD, MEMBER, SIBLING, Rule, missing_rules, run_table


@dataclass
class World:
    lille_id: int
    plan_id: int
    item_id: int
    assessment_id: int
    grid_id: int
    skill_ids: list[int]
    julie_id: int
    label_id: int


TEAM = "the Lille team's manager is on the point of sale's team"
TODAY = datetime.now(UTC).date().isoformat()


def _on_lille(field: str, document: str, variables, subscription: bool = False) -> Rule:  # type: ignore[no-untyped-def]
    return Rule(field, document, variables, refused=(MEMBER, SIBLING), subscription=subscription, why=TEAM)


def _managers(field: str, document: str, variables, allowed: str = "manager") -> Rule:  # type: ignore[no-untyped-def]
    return Rule(field, document, variables, member="colleague", allowed=allowed)


RULES = [
    # grids are the organisation's: head office writes them, no manager does
    _managers(
        "createSkillsGrid",
        """mutation($label: ID!) { createSkillsGrid(input: {name: "Conseiller", role: MEMBER, labelBadgeId: $label,
           skills: [{name: "Accueil", levels: ["Un", "Deux", "Trois", "Quatre"]}]}) { __typename } }""",
        lambda w: {"label": str(w.label_id)},
        allowed="admin",
    ),
    _managers("assessment", "query($id: ID!) { assessment(id: $id) { id } }", lambda w: {"id": str(w.assessment_id)}),
    _managers("assessments", "query($unit: ID!) { assessments(unitId: $unit) { id } }", lambda w: {"unit": str(w.lille_id)}),
    _managers(
        "submitAssessment",
        """mutation($person: ID!, $grid: ID!, $scores: [SkillScoreInput!]!) { submitAssessment(input: {personId: $person,
           gridId: $grid, scores: $scores, outcome: PASSED}) { __typename } }""",
        lambda w: {"person": str(w.julie_id), "grid": str(w.grid_id), "scores": [{"skillId": str(s), "level": 3} for s in w.skill_ids]},
    ),
    _managers(
        "commentAssessment",
        'mutation($id: ID!) { commentAssessment(assessmentId: $id, comment: "Merci") { __typename } }',
        lambda w: {"id": str(w.assessment_id)},
        allowed="julie",
    ),
    _managers(
        "recordSatisfactionSurvey",
        f"""mutation($unit: ID!) {{ recordSatisfactionSurvey(input: {{unitId: $unit, kind: SCORE_10, value: 8,
            sampleSize: 10, periodStart: "{TODAY}", periodEnd: "{TODAY}"}}) {{ __typename }} }}""",
        lambda w: {"unit": str(w.lille_id)},
    ),
    _managers(
        "recordMysteryVisit",
        f"""mutation($unit: ID!) {{ recordMysteryVisit(input: {{unitId: $unit, visitedOn: "{TODAY}",
            sections: [{{name: "Accueil", score: 80}}]}}) {{ __typename }} }}""",
        lambda w: {"unit": str(w.lille_id)},
    ),
    _managers(
        "setSatisfactionTarget",
        "mutation($unit: ID) { setSatisfactionTarget(unitId: $unit, indexTarget: 75) { __typename } }",
        lambda w: {"unit": str(w.lille_id)},
    ),
    _managers(
        "importSatisfactionCsv",
        "mutation($csv: String!) { importSatisfactionCsv(csv: $csv) { __typename } }",
        lambda w: {"csv": f"point_of_sale;kind;value;sample_size;period_start;period_end\n{w.lille_id};NPS;30;20;{TODAY};{TODAY}\n"},
    ),
    _on_lille("pointOfSale", "query($unit: ID) { pointOfSale(unitId: $unit) { unitId } }", lambda w: {"unit": str(w.lille_id)}),
    _on_lille("actionPlan", "query($id: ID!) { actionPlan(id: $id) { id } }", lambda w: {"id": str(w.plan_id)}),
    _on_lille("actionPlans", "query($unit: ID!) { actionPlans(unitId: $unit) { id } }", lambda w: {"unit": str(w.lille_id)}),
    _on_lille(
        "createActionPlan",
        'mutation($unit: ID!) { createActionPlan(input: {unitId: $unit, title: "Plan"}) { __typename } }',
        lambda w: {"unit": str(w.lille_id)},
    ),
    _on_lille(
        "addActionItem",
        'mutation($id: ID!) { addActionItem(input: {planId: $id, what: "Rappeler"}) { __typename } }',
        lambda w: {"id": str(w.plan_id)},
    ),
    _on_lille(
        "updateActionItem",
        "mutation($id: ID!) { updateActionItem(input: {itemId: $id, status: DONE}) { __typename } }",
        lambda w: {"id": str(w.item_id)},
    ),
    _on_lille(
        "commentActionPlan",
        'mutation($id: ID!) { commentActionPlan(planId: $id, body: "Vu") { __typename } }',
        lambda w: {"id": str(w.plan_id)},
    ),
    _on_lille(
        "setActionPlanStatus",
        "mutation($id: ID!) { setActionPlanStatus(planId: $id, status: OPEN) { __typename } }",
        lambda w: {"id": str(w.plan_id)},
    ),
    _on_lille(
        "actionPlan",
        "subscription($id: ID!) { actionPlan(planId: $id) { version } }",
        lambda w: {"id": str(w.plan_id)},
        subscription=True,
    ),
]


async def test_every_evaluation_field_taking_an_id_has_a_scope_rule():
    assert missing_rules(RULES, EvaluationQuery, EvaluationMutation, EvaluationSubscription) == set()


async def test_members_sibling_and_child_managers_are_refused_where_the_rule_says(live_server):
    # given Lille's plan with an action, and Julie of Lille assessed by the Nord manager
    network = await make_network()
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    team = await create_unit(lille, UnitKind.TEAM, "Équipe VO")
    admin, admin_token = await signed_in(network.root, Role.ADMIN)
    manager, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    julie, julie_token = await signed_in(lille)
    grid_id = await make_grid(admin)
    skill_ids = [s.id for s in await Skill.filter(grid_id=grid_id).order_by("position")]
    assessment = await submit_assessment(
        await scope_of_user(manager), julie.id, grid_id, [ScoreInput(s, 2) for s in skill_ids], AssessmentOutcome.NOT_PASSED
    )
    plan = await create_plan(await scope_of_user(julie), lille.id, "Retrouver 80")
    item = (await add_item(await scope_of_user(julie), plan.id, "Rappeler les clients")).items[0]
    label = await Badge.create(
        organization_id=network.organization_id, kind=BadgeKind.LABEL, name="Conseiller confirmé", levels=["Or"]
    )
    world = World(lille.id, plan.id, item.id, assessment.id, grid_id, skill_ids, julie.id, label.id)
    tokens = {
        MEMBER: (await signed_in(arras))[1],
        SIBLING: (await signed_in(arras, Role.MANAGER))[1],
        CHILD: (await signed_in(team, Role.MANAGER))[1],
        ALLOWED: (await signed_in(lille))[1],
        "colleague": (await signed_in(lille))[1],
        "manager": manager_token,
        "julie": julie_token,
        "admin": admin_token,
    }
    # when each tries each field
    table = await run_table(live_server, world, RULES, tokens)
    # then every verdict is the rule's; only head office's grid was stored
    assert table.mismatches() == []
    assert await SkillsGrid.filter(organization_id=network.organization_id, name="Conseiller").count() == 1
