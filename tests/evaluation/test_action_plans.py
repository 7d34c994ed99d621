"""Action plans: the point of sale's team edits together, live; other points of sale see nothing."""

from __future__ import annotations

import asyncio

from server.accounts.models import Role
from server.evaluation.models import ActionPlan
from server.notifications.models import Notification, NotificationKind
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient, Subscription

CREATE = """
mutation C($input: CreateActionPlanInput!) { createActionPlan(input: $input) { __typename
  ... on ActionPlanSuccess { plan { id title status progressPercent } } ... on UserError { code } } }
"""
ADD = """
mutation A($input: AddActionItemInput!) { addActionItem(input: $input) { __typename
  ... on ActionPlanSuccess { plan { items { id what ownerName status } } } ... on UserError { code } } }
"""
UPDATE = """
mutation U($input: UpdateActionItemInput!) { updateActionItem(input: $input) { __typename
  ... on ActionPlanSuccess { plan { progressPercent } } ... on UserError { code } } }
"""
COMMENT = """
mutation M($id: ID!, $body: String!) { commentActionPlan(planId: $id, body: $body) { __typename
  ... on ActionPlanSuccess { plan { comments { authorName body } } } ... on UserError { code } } }
"""
LIVE = """
subscription L($id: ID!) { actionPlan(planId: $id) { version type plan { title progressPercent
  items { what status ownerName } comments { authorName body } } } }
"""
READ = "query R($id: ID!) { actionPlan(id: $id) { id } }"


async def test_two_members_of_a_point_of_sale_build_the_plan_together_live(live_server):
    # given two sellers of Lille, one with the plan open
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    nadia, nadia_token = await signed_in(lille, name="Nadia Benali")
    _, hugo_token = await signed_in(lille, name="Hugo Petit")
    async with GraphQLClient(live_server.url, token=nadia_token) as nadia_client:
        plan = (await nadia_client.execute(CREATE, {"input": {"unitId": str(lille.id), "title": "Reconquérir la satisfaction"}}))[
            "createActionPlan"
        ]["plan"]
    async with Subscription(live_server.ws_url, token=nadia_token) as screen:
        await screen.connect()
        await screen.subscribe(LIVE, {"id": plan["id"]})
        snapshot = (await screen.next())["payload"]["data"]["actionPlan"]
        assert snapshot["type"] == "SNAPSHOT" and snapshot["version"] == 0
        # when Hugo adds an action for Nadia, comments, and marks it done
        async with GraphQLClient(live_server.url, token=hugo_token) as hugo:
            added = await hugo.execute(
                ADD, {"input": {"planId": plan["id"], "what": "Rappeler les clients sous 48 h", "ownerId": str(nadia.id), "dueOn": "2026-12-15"}}
            )
            first = (await screen.next())["payload"]["data"]["actionPlan"]
            await hugo.execute(COMMENT, {"id": plan["id"], "body": "Je commence par les livraisons de novembre."})
            second = (await screen.next())["payload"]["data"]["actionPlan"]
            item_id = added["addActionItem"]["plan"]["items"][0]["id"]
            done = await hugo.execute(UPDATE, {"input": {"itemId": item_id, "status": "DONE"}})
            third = (await screen.next())["payload"]["data"]["actionPlan"]
    # then Nadia's screen follows each change, in order
    assert first["type"] == "ITEM_ADDED"
    assert first["plan"]["items"] == [{"what": "Rappeler les clients sous 48 h", "status": "TODO", "ownerName": "Nadia Benali"}]
    assert second["type"] == "COMMENT_ADDED"
    assert second["plan"]["comments"] == [{"authorName": "Hugo Petit", "body": "Je commence par les livraisons de novembre."}]
    assert third["plan"]["progressPercent"] == 100.0 and done["updateActionItem"]["plan"]["progressPercent"] == 100.0
    assert first["version"] < second["version"] < third["version"]
    # and Nadia is told once (grouped per plan)
    notes = await Notification.filter(user_id=nadia.id, kind=NotificationKind.ACTION_PLAN_UPDATED)
    assert len(notes) == 1 and notes[0].count == 3


async def test_another_point_of_sale_can_neither_see_nor_touch_nor_listen(live_server):
    # given a plan of Lille
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    _, member_token = await signed_in(lille)
    _, arras_token = await signed_in(network.points_of_sale["Arras"])
    _, south_manager_token = await signed_in(network.regions["Sud-Ouest"], Role.MANAGER)
    _, nord_manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=member_token) as client:
        plan_id = (await client.execute(CREATE, {"input": {"unitId": str(lille.id), "title": "Plan Lille"}}))["createActionPlan"]["plan"]["id"]
    for token in (arras_token, south_manager_token):
        async with GraphQLClient(live_server.url, token=token) as client:
            # then a seller of Arras or a manager of another region gets nothing
            assert (await client.execute(READ, {"id": plan_id}))["actionPlan"] is None
            add = await client.execute(ADD, {"input": {"planId": plan_id, "what": "Intrusion"}})
            assert add["addActionItem"]["__typename"] == "NotFoundError"
            create = await client.execute(CREATE, {"input": {"unitId": str(lille.id), "title": "Plan pirate"}})
            assert create["createActionPlan"]["__typename"] == "NotFoundError"
        async with Subscription(live_server.ws_url, token=token) as socket:
            await socket.connect()
            await socket.subscribe(LIVE, {"id": plan_id})
            message = await socket.next()
            assert message["type"] == "error" or message["payload"].get("errors")
    # while the region's manager follows it
    async with GraphQLClient(live_server.url, token=nord_manager_token) as client:
        assert (await client.execute(READ, {"id": plan_id}))["actionPlan"]["id"] == plan_id


async def test_an_owner_must_be_on_the_team(live_server):
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    _, token = await signed_in(lille)
    outsider, _ = await signed_in(network.points_of_sale["Arras"])
    async with GraphQLClient(live_server.url, token=token) as client:
        plan_id = (await client.execute(CREATE, {"input": {"unitId": str(lille.id), "title": "Plan"}}))["createActionPlan"]["plan"]["id"]
        data = await client.execute(ADD, {"input": {"planId": plan_id, "what": "Action", "ownerId": str(outsider.id)}})
    assert data["addActionItem"] == {"__typename": "ValidationError", "code": "action_item_owner_invalid"}
    await asyncio.sleep(0)


PLANS = "query P($unit: ID!) { actionPlans(unitId: $unit) { title } }"


async def _plan(token: str, live_server, unit_id: int, title: str) -> str:
    async with GraphQLClient(live_server.url, token=token) as client:
        data = await client.execute(CREATE, {"input": {"unitId": str(unit_id), "title": title}})
    assert data["createActionPlan"]["__typename"] == "ActionPlanSuccess", data
    return str(data["createActionPlan"]["plan"]["id"])


async def test_a_seller_reads_the_plans_of_her_point_of_sale_and_never_above_it(live_server):
    # given a plan in Lille and one in Arras
    network = await make_network()
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    _, seller = await signed_in(lille)
    _, arras_seller = await signed_in(arras)
    _, nord_manager = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, lille_manager = await signed_in(lille, Role.MANAGER)
    await _plan(seller, live_server, lille.id, "Plan Lille")
    await _plan(arras_seller, live_server, arras.id, "Plan Arras")
    async with GraphQLClient(live_server.url, token=seller) as client:
        # when the Lille seller asks for her region's or head office's plans
        above = [await client.raw(PLANS, {"unit": str(u.id)}) for u in (network.regions["Nord"], network.root)]
        own = await client.execute(PLANS, {"unit": str(lille.id)})
    # then she is refused (not found) and reads nothing of Arras; her own point of sale's she reads
    for response in above:
        body = response.json()
        assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert "Plan Arras" not in response.text
    assert own["actionPlans"] == [{"title": "Plan Lille"}]
    # and the region's manager reads the region's, while the Lille store manager may not read the region
    async with GraphQLClient(live_server.url, token=nord_manager) as client:
        region = await client.execute(PLANS, {"unit": str(network.regions["Nord"].id)})
    assert sorted(p["title"] for p in region["actionPlans"]) == ["Plan Arras", "Plan Lille"]
    async with GraphQLClient(live_server.url, token=lille_manager) as client:
        refused = (await client.raw(PLANS, {"unit": str(network.regions["Nord"].id)})).json()
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_a_plan_is_created_only_for_a_point_of_sale_the_viewer_works_on(live_server):
    # given a seller of Lille and the Nord manager
    network = await make_network()
    _, seller = await signed_in(network.points_of_sale["Lille"])
    _, nord_manager = await signed_in(network.regions["Nord"], Role.MANAGER)
    # when the seller creates a plan on head office, and the manager one on his region
    for token, unit in ((seller, network.root), (seller, network.regions["Nord"]), (nord_manager, network.regions["Nord"])):
        async with GraphQLClient(live_server.url, token=token) as client:
            data = await client.execute(CREATE, {"input": {"unitId": str(unit.id), "title": "Plan de tout le réseau"}})
        # then both are refused as not found, and nothing is stored
        assert data["createActionPlan"] == {"__typename": "NotFoundError", "code": "point_of_sale_not_found"}
    assert not await ActionPlan.filter(organization_id=network.organization_id).exists()


async def test_a_comment_tells_the_team_and_the_following_managers_and_no_one_further(live_server):
    # given the Nord manager's plan for Lille (two sellers), with Arras, another Nord manager
    # and head office around
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    nadia, nadia_token = await signed_in(lille, name="Nadia")
    hugo, _ = await signed_in(lille, name="Hugo")
    marc, marc_token = await signed_in(network.regions["Nord"], Role.MANAGER, name="Marc")
    others = [
        (await signed_in(network.points_of_sale["Arras"]))[0],
        (await signed_in(network.regions["Nord"], Role.MANAGER))[0],
        (await signed_in(network.root, Role.ADMIN))[0],
        (await signed_in(network.points_of_sale["Bordeaux"]))[0],
    ]
    plan_id = await _plan(marc_token, live_server, lille.id, "Plan accueil")
    # when Nadia comments it
    async with GraphQLClient(live_server.url, token=nadia_token) as client:
        await client.execute(COMMENT, {"id": plan_id, "body": "On s'y met lundi."})
    # then Hugo (her team) and Marc (who follows the plan) are told; no one else
    told = await Notification.filter(kind=NotificationKind.ACTION_PLAN_UPDATED, user__organization_id=network.organization_id)
    assert sorted(n.user_id for n in told) == sorted([hugo.id, marc.id])
    assert not {o.id for o in others} & {n.user_id for n in told} and nadia.id not in {n.user_id for n in told}


async def test_a_plan_left_above_the_points_of_sale_tells_its_followers_only(live_server):
    # given a plan on head office (written before plans were kept to points of sale) and 12 people
    network = await make_network()
    author, _ = await signed_in(network.root, Role.ADMIN)
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    for unit in (*network.points_of_sale.values(), *network.regions.values()):
        for _ in range(3):
            await signed_in(unit)
    plan = await ActionPlan.create(organization_id=network.organization_id, unit=network.root, title="Tout le réseau", created_by_id=author.id)
    # when another admin comments it
    async with GraphQLClient(live_server.url, token=admin_token) as client:
        data = await client.execute(COMMENT, {"id": str(plan.id), "body": "Bilan vendredi."})
    assert data["commentActionPlan"]["__typename"] == "ActionPlanSuccess"
    # then only its author is told, not the whole organisation
    told = await Notification.filter(kind=NotificationKind.ACTION_PLAN_UPDATED, user__organization_id=network.organization_id)
    assert [n.user_id for n in told] == [author.id]
