"""What `make run` shows of challenge management: a draft of Île-de-France's manager ready to be
published, manual corrections with their reasons in the result audit, and the dealers' system
sending results through its integration token."""

from __future__ import annotations

from server.accounts.models import User
from server.accounts.services import open_session
from server.challenges.models import Challenge, ChallengeStatus, Result
from server.demo.challenges import DMS_TOKEN, demo_tick
from tests.factories import demo_network
from tests.graphql_client import GraphQLClient

DEMO = """{
  challenges { id name status viewerCanManage visibility topN criteria { kind } }
  resultAudit(first: 10, filter: {correctionsOnly: true}) {
    edges { node { value reason participant { name } recordedBy { kind name } } } }
  integrationTokenUse { name entryCount lastUsedAt }
}"""
PUBLISH = """mutation($id: ID!) { publishChallenge(challengeId: $id) {
  __typename ... on ChallengeSuccess { challenge { status participantCount } } } }"""


async def test_the_demo_shows_a_draft_to_publish_and_an_audit_with_corrections(live_server):
    # given the French demo network
    await demo_network()
    manager = await User.get(email="manager@elan.example")
    async with GraphQLClient(live_server.url, token=await open_session(manager)) as client:
        data = await client.execute(DEMO)
        # then Marc Delaunay finds a draft of his region, named by its top 5 only
        draft = next(c for c in data["challenges"] if c["status"] == "DRAFT")
        assert draft["name"] == "Challenge qualité de service" and draft["viewerCanManage"] is True
        assert (draft["visibility"], draft["topN"], draft["criteria"]) == ("TOP_AND_AROUND", 5, [{"kind": "SATISFACTION"}])
        # and his corrections, each with its reason, in the result audit
        corrections = [edge["node"] for edge in data["resultAudit"]["edges"]]
        assert len(corrections) == 4
        assert all(c["reason"] and c["recordedBy"] == {"kind": "PERSON", "name": "Marc Delaunay"} for c in corrections)
        assert "Vente annulée : le financement a été refusé par la banque." in [c["reason"] for c in corrections]
        # and the dealers' system that sent his region's results
        [connector] = data["integrationTokenUse"]
        assert connector["name"] == DMS_TOKEN and connector["entryCount"] > 100 and connector["lastUsedAt"]
        # when he publishes the draft, it goes live over his region
        published = (await client.execute(PUBLISH, {"id": draft["id"]}))["publishChallenge"]
    assert published["__typename"] == "ChallengeSuccess" and published["challenge"]["status"] == "LIVE"
    assert published["challenge"]["participantCount"] > 10
    assert (await Challenge.get(id=int(draft["id"]))).status == ChallengeStatus.LIVE
    # and while the demo runs, the dealers' system keeps sending sales
    before = await Result.filter(token__name=DMS_TOKEN).count()
    assert await demo_tick() is True
    assert await Result.filter(token__name=DMS_TOKEN).count() == before + 1
