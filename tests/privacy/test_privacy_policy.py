"""Head office sets its retention periods and board defaults; the works-council register and
each person's « Confidentialité » settings read them."""

from __future__ import annotations

from server.accounts.models import Role
from server.audit.models import AuditEntry
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient

UPDATE = """
mutation Update($input: UpdatePrivacyPolicyInput!) {
  updatePrivacyPolicy(input: $input) {
    __typename
    ... on UpdatePrivacyPolicySuccess { policy { notificationsDays boardsAnonymousOutsideTeam resultsDays } }
    ... on ValidationError { code field message }
  }
}
"""
REGISTER = "{ dataRegister { key data retention retentionDays seenBy recipients } }"
MY_PRIVACY = "{ myPrivacy { hiddenFromBoards hiddenFromFeed quietHoursEnabled quietHoursStart boardsAnonymousOutsideTeam } }"


async def test_head_office_sets_retention_and_the_register_shows_it(live_server):
    # given head office and a seller of its organisation
    network = await make_network()
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    _, seller_token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=admin_token) as claire:
        # when head office keeps notifications 90 days and makes boards anonymous outside the team
        done = (await claire.execute(UPDATE, {"input": {"notificationsDays": 90, "boardsAnonymousOutsideTeam": True}}))["updatePrivacyPolicy"]
        wrong = (await claire.execute(UPDATE, {"input": {"auditDays": -1}}))["updatePrivacyPolicy"]
        register = (await claire.execute(REGISTER))["dataRegister"]
    async with GraphQLClient(live_server.url, token=seller_token) as julie:
        mine = (await julie.execute(MY_PRIVACY))["myPrivacy"]
    # then the policy changed (the rest kept its defaults), a bad period is refused, it is audited
    assert done["policy"] == {"notificationsDays": 90, "boardsAnonymousOutsideTeam": True, "resultsDays": 1095}
    assert wrong["__typename"] == "ValidationError" and wrong["field"] == "auditDays"
    assert await AuditEntry.filter(action="privacy.policy_updated", organization_id=network.organization_id).count() == 1
    # and the register for the works council says how long, from the policy, and who receives what
    by_key = {entry["key"]: entry for entry in register}
    assert by_key["notifications"]["retention"] == "90 jours" and by_key["notifications"]["retentionDays"] == 90
    assert any("chiffré" in r for r in by_key["notifications"]["recipients"])
    assert {"identity", "results", "feed", "training", "assessments", "devices", "audit"} <= set(by_key)
    # and the seller's privacy screen shows the organisation's default
    assert mine == {"hiddenFromBoards": False, "hiddenFromFeed": False, "quietHoursEnabled": True,
                    "quietHoursStart": "21:00", "boardsAnonymousOutsideTeam": True}
