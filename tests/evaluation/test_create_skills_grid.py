"""Head office writes a skills grid (skills, four described levels, the label it grants); the
assessment screens then use it, and a passed assessment grants its label."""

from __future__ import annotations

from datetime import UTC, datetime

from server.accounts.models import Role
from server.badges.models import Award, Badge, BadgeKind
from server.evaluation.models import Skill, SkillsGrid
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient

CREATE = """
mutation CreateSkillsGrid($input: CreateSkillsGridInput!) {
  createSkillsGrid(input: $input) {
    __typename
    ... on CreateSkillsGridSuccess { grid { id name role labelBadgeId skills { id name descriptors } } }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
}
"""
GRIDS = "query SkillsGrids { skillsGrids { id name skills { id name descriptors } } }"
ASSESS = """
mutation SubmitAssessment($input: SubmitAssessmentInput!) {
  submitAssessment(input: $input) {
    __typename ... on AssessmentSuccess { assessment { gridName averageLevel scores { skillName descriptor } } }
  }
}
"""
LEVELS = ["Découvre", "Applique avec aide", "Maîtrise", "Transmet aux autres"]


def grid_input(label_id: int | None, **extra: object) -> dict[str, object]:
    return {
        "name": "Conseiller financement",
        "role": "MEMBER",
        "labelBadgeId": str(label_id) if label_id is not None else None,
        "skills": [
            {"name": "Présenter la LOA", "levels": [f"LOA : {d}" for d in LEVELS]},
            {"name": "Conclure", "levels": [f"Conclure : {d}" for d in LEVELS]},
        ],
        **extra,
    }


async def _label(organization_id: int, name: str = "Conseiller financement certifié", **extra: object) -> int:
    fields = {"kind": BadgeKind.LABEL, "levels": ["Bronze", "Argent", "Or"], **extra}
    return (await Badge.create(organization_id=organization_id, name=name, **fields)).id


async def test_head_office_writes_a_grid_and_an_assessment_with_it_grants_its_label(live_server):
    # given head office, its label, the Nord manager and a seller of Lille
    network = await make_network()
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    manager, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, _ = await signed_in(network.points_of_sale["Lille"])
    label_id = await _label(network.organization_id)
    # when head office writes the grid
    async with GraphQLClient(live_server.url, token=admin_token) as admin:
        created = (await admin.execute(CREATE, {"input": grid_input(label_id)}))["createSkillsGrid"]
    # then it is stored with its skills in order, each with its four levels
    grid = created["grid"]
    assert created["__typename"] == "CreateSkillsGridSuccess"
    assert (grid["name"], grid["role"], grid["labelBadgeId"]) == ("Conseiller financement", "MEMBER", str(label_id))
    assert [s["name"] for s in grid["skills"]] == ["Présenter la LOA", "Conclure"]
    assert grid["skills"][1]["descriptors"][3] == "Conclure : Transmet aux autres"
    # when the manager assesses the seller with it, every skill at level 4
    async with GraphQLClient(live_server.url, token=manager_token) as assessor:
        listed = {g["name"]: g for g in (await assessor.execute(GRIDS))["skillsGrids"]}
        chosen = listed["Conseiller financement"]
        assessed = (await assessor.execute(ASSESS, {"input": {
            "personId": str(seller.id), "gridId": chosen["id"], "outcome": "PASSED",
            "scores": [{"skillId": s["id"], "level": 4} for s in chosen["skills"]],
        }}))["submitAssessment"]
    # then the seller reads what level 4 means, and holds the label at its top level
    assert assessed["assessment"]["scores"][0] == {"skillName": "Présenter la LOA", "descriptor": "LOA : Transmet aux autres"}
    award = await Award.get(user_id=seller.id, badge_id=label_id)
    assert award.level == "Or"


async def test_a_bad_grid_gets_a_typed_error_and_stores_nothing(live_server):
    # given head office, a badge that is not a label, a retired label and another organisation's label
    network = await make_network()
    other = await make_network()
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    badge_id = (await Badge.create(organization_id=network.organization_id, name="Top vendeur", kind=BadgeKind.BADGE)).id
    retired_id = await _label(network.organization_id, "Ancien label", retired_at=datetime.now(UTC))
    foreign_id = await _label(other.organization_id)
    three_levels = grid_input(None, skills=[{"name": "Accueil", "levels": LEVELS[:3]}])
    blank_level = grid_input(None, skills=[{"name": "Accueil", "levels": [*LEVELS[:3], "  "]}])
    twice = grid_input(None, skills=[{"name": "Accueil", "levels": LEVELS}, {"name": "accueil", "levels": LEVELS}])
    cases = {
        "three levels": three_levels,
        "a blank level": blank_level,
        "a skill twice": twice,
        "no skill": grid_input(None, skills=[]),
        "a one-letter name": grid_input(None, name="V"),
        "a badge": grid_input(badge_id),
        "a retired label": grid_input(retired_id),
        "another organisation's label": grid_input(foreign_id),
    }
    async with GraphQLClient(live_server.url, token=admin_token) as admin:
        # when head office sends each, and a manager sends a good one
        answers = {name: (await admin.execute(CREATE, {"input": value}))["createSkillsGrid"] for name, value in cases.items()}
    async with GraphQLClient(live_server.url, token=manager_token) as manager:
        by_manager = (await manager.execute(CREATE, {"input": grid_input(None)}))["createSkillsGrid"]
    # then each is refused with its reason and nothing is stored
    assert {name: (a["__typename"], a["code"]) for name, a in answers.items()} == {
        "three levels": ("ValidationError", "skills_grid_levels_invalid"),
        "a blank level": ("ValidationError", "skills_grid_levels_invalid"),
        "a skill twice": ("ValidationError", "skills_grid_skill_invalid"),
        "no skill": ("ValidationError", "skills_grid_invalid"),
        "a one-letter name": ("ValidationError", "skills_grid_name_invalid"),
        "a badge": ("ValidationError", "skills_grid_label_invalid"),
        "a retired label": ("ValidationError", "skills_grid_label_invalid"),
        "another organisation's label": ("ValidationError", "skills_grid_label_invalid"),
    }
    assert (by_manager["__typename"], by_manager["code"]) == ("NotAllowedError", "not_allowed")
    assert not await SkillsGrid.filter(organization_id=network.organization_id).exists()
    assert not await Skill.filter(grid__organization_id=network.organization_id).exists()
