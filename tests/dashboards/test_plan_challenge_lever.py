"""The challenge lever of the performance plan: the mean score of each unit's participants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from tests.challenges.given import arena, live_challenge, sell
from tests.dashboards.test_performance_plan import CREATE, PLANS
from tests.factories import signed_in
from tests.graphql_client import GraphQLClient


async def test_the_plan_shows_how_each_unit_does_in_its_challenges(live_server):
    # given a live challenge in Nord where Julie sold 3 of 10 and Thomas 5 of 10
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    julie, thomas = found.sellers
    challenge = await live_challenge(found)
    await sell(found, julie, 3)
    await sell(found, thomas, 5)
    _, admin_token = await signed_in(found.network.root, Role.ADMIN)
    today = datetime.now(UTC).date()
    period = {"startsOn": (today - timedelta(days=5)).isoformat(), "endsOn": (today + timedelta(days=25)).isoformat()}
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        # when head office puts the challenge in this month's plan (an unknown challenge is refused)
        unknown = await client.execute(CREATE, {"input": {"name": "Plan", **period, "challengeIds": ["999999"]}})
        created = await client.execute(
            CREATE, {"input": {"name": "Plan d'animation du mois", **period, "challengeIds": [str(challenge.id)]}}
        )
        plan = (await client.execute(PLANS))["performancePlans"][0]
    assert unknown["createPerformancePlan"] == {"__typename": "ValidationError", "code": "challenge_not_found"}
    assert created["createPerformancePlan"]["__typename"] == "CreatePerformancePlanSuccess"
    # then Nord's challenge lever is its participants' mean score, (30 + 50) / 2; Sud-Ouest has none
    rows = {u["unitName"]: {lever["lever"]: lever for lever in u["levers"]} for u in plan["units"]}
    assert rows["Nord"]["CHALLENGES"] == {"lever": "CHALLENGES", "value": 40.0, "target": None, "onTrack": None}
    assert rows[found.network.root.name]["CHALLENGES"]["value"] == 40.0
    assert rows["Sud-Ouest"]["CHALLENGES"]["value"] is None
