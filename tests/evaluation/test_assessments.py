"""Assessments: only managers in scope assess; the person sees and answers; colleagues don't."""

from __future__ import annotations

from server.accounts.models import Role
from server.notifications.models import Notification, NotificationKind
from tests.evaluation.factories import make_grid
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.factories import captured

GRIDS = "{ skillsGrids { id name role skills { id name descriptors } } }"
SUBMIT = """
mutation A($input: SubmitAssessmentInput!) { submitAssessment(input: $input) { __typename
  ... on AssessmentSuccess { assessment { id personName assessorName outcome averageLevel
      scores { skillName level descriptor } } }
  ... on UserError { code } } }
"""
READ = "query R($id: ID!) { assessment(id: $id) { id outcome comment personComment } }"
MINE = "{ myAssessments { id gridName outcome } }"
ANSWER = """
mutation C($id: ID!, $c: String!) { commentAssessment(assessmentId: $id, comment: $c) { __typename
  ... on AssessmentSuccess { assessment { personComment } } ... on UserError { code } } }
"""


async def _input(client: GraphQLClient, person_id: int, outcome: str = "PASSED", level: int = 3) -> dict[str, object]:
    grid = (await client.execute(GRIDS))["skillsGrids"][0]
    return {
        "input": {
            "personId": str(person_id),
            "gridId": grid["id"],
            "outcome": outcome,
            "comment": "Belle progression",
            "scores": [{"skillId": s["id"], "level": level} for s in grid["skills"]],
        }
    }


async def _label(admin) -> int:
    from server.badges.catalogue import NewBadge, create_badge
    from server.badges.models import BadgeKind

    badge = await create_badge(
        admin, NewBadge(name="Vendeur confirmé", kind=BadgeKind.LABEL, emoji="🎖️", levels=["Bronze", "Argent", "Or"], criteria="Assessment")
    )
    return badge.id


async def test_a_passed_assessment_tells_the_person_and_grants_the_label(live_server):
    # given a grid granting the « Vendeur confirmé » label, a manager of Nord and a seller of Lille
    network = await make_network()
    admin, _ = await signed_in(network.root, Role.ADMIN)
    label_id = await _label(admin)
    await make_grid(admin, label_badge_id=label_id)
    manager, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER, name="Marc Delaunay")
    seller, seller_token = await signed_in(network.points_of_sale["Lille"])
    with captured("evaluation.assessment_passed") as seen:
        # when the manager assesses the seller as passed
        async with GraphQLClient(live_server.url, token=manager_token) as client:
            data = await client.execute(SUBMIT, await _input(client, seller.id))
    # then the result is whole, the label is asked for after commit, the person is told
    assessment = data["submitAssessment"]["assessment"]
    assert assessment["outcome"] == "PASSED" and assessment["averageLevel"] == 3.0
    assert assessment["assessorName"] == "Marc Delaunay"
    assert assessment["scores"][0] == {"skillName": "Accueil client", "level": 3, "descriptor": "Accueil client : niveau 3"}
    assert seen == [
        (
            "evaluation.assessment_passed",
            {"organization_id": network.organization_id, "user_id": seller.id,
             "assessment_id": int(assessment["id"]), "label_badge_id": label_id, "level": "Argent"},
        )
    ]
    # and the badges domain granted the label at the level matching the average (3 of 4 → Argent)
    from server.badges.models import Award

    award = await Award.get(user_id=seller.id, badge_id=label_id)
    assert award.level == "Argent"
    note = await Notification.get(user_id=seller.id, kind=NotificationKind.ASSESSMENT_SHARED)
    assert note.link == f"/evaluations/{assessment['id']}"
    # and the person reads it and answers
    async with GraphQLClient(live_server.url, token=seller_token) as client:
        assert (await client.execute(MINE))["myAssessments"][0]["gridName"] == "Vendeur"
        answered = await client.execute(ANSWER, {"id": assessment["id"], "c": "Merci, je travaille le financement."})
    assert answered["commentAssessment"]["assessment"]["personComment"] == "Merci, je travaille le financement."


async def test_a_not_passed_assessment_grants_nothing(live_server):
    network = await make_network()
    admin, _ = await signed_in(network.root, Role.ADMIN)
    await make_grid(admin, label_badge_id=await _label(admin))
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, _ = await signed_in(network.points_of_sale["Lille"])
    with captured("evaluation.assessment_passed") as seen:
        async with GraphQLClient(live_server.url, token=token) as client:
            data = await client.execute(SUBMIT, await _input(client, seller.id, "NOT_PASSED", 2))
    assert data["submitAssessment"]["assessment"]["outcome"] == "NOT_PASSED" and seen == []


async def test_only_managers_in_scope_assess(live_server):
    # given a seller of Lille (Nord)
    network = await make_network()
    admin, _ = await signed_in(network.root, Role.ADMIN)
    await make_grid(admin)
    seller, _ = await signed_in(network.points_of_sale["Lille"])
    _, colleague_token = await signed_in(network.points_of_sale["Lille"])
    _, south_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    _, self_manager_token = await signed_in(network.points_of_sale["Lille"], Role.MANAGER)
    # when a colleague and a manager of another region try
    for token in (colleague_token, south_token):
        async with GraphQLClient(live_server.url, token=token) as client:
            data = await client.execute(SUBMIT, await _input(client, seller.id))
        # then both are refused
        assert data["submitAssessment"] == {"__typename": "NotAllowedError", "code": "not_allowed"}
    # and a manager cannot assess itself
    async with GraphQLClient(live_server.url, token=self_manager_token) as client:
        me = (await client.execute("{ me { id } }"))["me"]["id"]
        data = await client.execute(SUBMIT, await _input(client, int(me)))
    assert data["submitAssessment"]["__typename"] == "NotAllowedError"


async def test_an_incomplete_grid_or_a_level_out_of_range_is_refused(live_server):
    network = await make_network()
    admin, _ = await signed_in(network.root, Role.ADMIN)
    await make_grid(admin)
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, _ = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as client:
        partial = await _input(client, seller.id)
        partial["input"]["scores"] = partial["input"]["scores"][:2]  # type: ignore[index]
        five = await _input(client, seller.id, level=5)
        assert (await client.execute(SUBMIT, partial))["submitAssessment"]["code"] == "assessment_scores_incomplete"
        assert (await client.execute(SUBMIT, five))["submitAssessment"]["code"] == "assessment_level_invalid"


async def test_the_person_sees_its_assessment_colleagues_do_not(live_server):
    # given an assessment of a Lille seller
    network = await make_network()
    admin, _ = await signed_in(network.root, Role.ADMIN)
    await make_grid(admin)
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    seller, seller_token = await signed_in(network.points_of_sale["Lille"])
    _, colleague_token = await signed_in(network.points_of_sale["Lille"])
    _, south_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=manager_token) as client:
        assessment_id = (await client.execute(SUBMIT, await _input(client, seller.id)))["submitAssessment"]["assessment"]["id"]
        assert (await client.execute(READ, {"id": assessment_id}))["assessment"]["id"] == assessment_id
    # then the person sees it, a colleague and another region's manager don't, nor may they answer it
    async with GraphQLClient(live_server.url, token=seller_token) as client:
        assert (await client.execute(READ, {"id": assessment_id}))["assessment"]["outcome"] == "PASSED"
    for token in (colleague_token, south_token):
        async with GraphQLClient(live_server.url, token=token) as client:
            assert (await client.execute(READ, {"id": assessment_id}))["assessment"] is None
            assert (await client.execute(MINE))["myAssessments"] == []
            answer = await client.execute(ANSWER, {"id": assessment_id, "c": "Je commente"})
            assert answer["commentAssessment"]["__typename"] == "NotFoundError"
