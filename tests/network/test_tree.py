"""Head office shapes its network from the app: create, rename, move and close units; managers
read their subtree; every change is audited."""

from __future__ import annotations

from server.accounts.models import EmailInvite, Role, User
from server.audit.models import AuditEntry
from server.network.models import Unit, UnitKind
from server.network.services import create_unit
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.network.documents import CLOSE_UNIT, CREATE_UNIT, MOVE_UNIT, NETWORK_UNITS, UPDATE_UNIT

INVITE = "mutation($u: ID!, $e: String!) { invitePeople(input: {unitId: $u, people: [{email: $e}]}) { __typename ... on UserError { code message } } }"


async def test_an_admin_builds_a_distributor_with_a_point_of_sale_and_renames_it(live_server):
    # given head office's admin
    network = await make_network()
    admin, token = await signed_in(network.root, Role.ADMIN, "Anne Siège")
    async with GraphQLClient(live_server.url, token=token) as anne:
        # when she adds a distributor under Nord, then a point of sale under it
        made = (await anne.execute(CREATE_UNIT, {"input": {
            "parentId": str(network.regions["Nord"].id), "kind": "DISTRIBUTOR", "name": "  Flandres   Auto ",
            "externalCode": "D-59"}}))["createUnit"]
        assert made["__typename"] == "CreateUnitSuccess"
        distributor = made["unit"]
        shop = (await anne.execute(CREATE_UNIT, {"input": {
            "parentId": distributor["id"], "kind": "POINT_OF_SALE", "name": "Flandres Roubaix", "city": "Roubaix",
            "externalCode": "PDV-0042"}}))["createUnit"]["unit"]
        # and renames the distributor
        renamed = (await anne.execute(UPDATE_UNIT, {"input": {"unitId": distributor["id"], "name": "Flandres Automobiles"}}))["updateUnit"]
        tree = (await anne.execute(NETWORK_UNITS))["networkUnits"]
    # then the tree shows them in order, with their codes and depths
    assert distributor["name"] == "Flandres Auto" and distributor["depth"] == 2
    assert renamed["unit"]["name"] == "Flandres Automobiles"
    names = [u["name"] for u in tree]
    assert names.index("Nord") < names.index("Flandres Automobiles") < names.index("Sud-Ouest")
    assert names.index("Flandres Roubaix") == names.index("Flandres Automobiles") + 1
    assert {u["externalCode"] for u in tree} >= {"D-59", "PDV-0042"}
    assert shop["parentId"] == distributor["id"] and shop["depth"] == 3
    # and each change is audited with its before → after
    audit = await AuditEntry.filter(subject_type="unit", subject_id=int(distributor["id"])).order_by("id")
    assert [(a.action, a.actor_id) for a in audit] == [("unit.created", admin.id), ("unit.updated", admin.id)]
    assert (audit[1].before, audit[1].after) == ({"name": "Flandres Auto"}, {"name": "Flandres Automobiles"})


async def test_what_the_tree_refuses(live_server):
    # given head office's admin and a team under Lille
    network = await make_network()
    _, token = await signed_in(network.root, Role.ADMIN)
    lille, nord = network.points_of_sale["Lille"], network.regions["Nord"]
    await create_unit(lille, UnitKind.TEAM, "Équipe VN")
    await Unit.filter(id=lille.id).update(external_code="PDV-1")
    cases = [
        (CREATE_UNIT, {"input": {"parentId": str(lille.id), "kind": "REGION", "name": "Est"}}, "unit_kind_order"),
        (CREATE_UNIT, {"input": {"parentId": str(nord.id), "kind": "ORGANIZATION", "name": "X"}}, "unit_kind_order"),
        (CREATE_UNIT, {"input": {"parentId": str(nord.id), "kind": "POINT_OF_SALE", "name": "   "}}, "unit_name_invalid"),
        (CREATE_UNIT, {"input": {"parentId": str(nord.id), "kind": "POINT_OF_SALE", "name": "Douai", "externalCode": "PDV-1"}}, "external_code_taken"),
        (CREATE_UNIT, {"input": {"parentId": str(nord.id), "kind": "POINT_OF_SALE", "name": "Douai", "externalCode": "=1+1"}}, "external_code_invalid"),
        (MOVE_UNIT, {"input": {"unitId": str(nord.id), "parentId": str(lille.id)}}, "unit_move_cycle"),
        (MOVE_UNIT, {"input": {"unitId": str(nord.id), "parentId": str(nord.id)}}, "unit_move_cycle"),
        (MOVE_UNIT, {"input": {"unitId": str(lille.id), "parentId": str(network.points_of_sale["Arras"].id)}}, "unit_kind_order"),
        (MOVE_UNIT, {"input": {"unitId": str(network.root.id), "parentId": str(nord.id)}}, "head_office_fixed"),
        (CLOSE_UNIT, {"id": str(network.root.id)}, "head_office_fixed"),
    ]
    async with GraphQLClient(live_server.url, token=token) as anne:
        for document, variables, code in cases:
            answer = next(iter((await anne.execute(document, variables)).values()))
            # then each comes back typed, with a message a person can read
            assert answer["code"] == code, (variables, answer)
            assert answer["message"]
        order = next(iter((await anne.execute(*cases[0][:2])).values()))
    assert order["message"].startswith("Un niveau « région » ne peut pas être placé sous « point de vente »")
    # and nothing changed
    assert await Unit.filter(organization_id=network.organization_id).count() == 7
    assert (await Unit.get(id=nord.id)).path == f"{network.root.path}{nord.id}/"


async def test_moving_a_region_moves_every_path_below_it(live_server):
    # given a distributor with a point of sale and a team, and a seller in the team
    network = await make_network()
    _, token = await signed_in(network.root, Role.ADMIN)
    nord, sud = network.regions["Nord"], network.regions["Sud-Ouest"]
    distributor = await create_unit(nord, UnitKind.DISTRIBUTOR, "Artois Distribution")
    shop = await create_unit(distributor, UnitKind.POINT_OF_SALE, "Béthune")
    team = await create_unit(shop, UnitKind.TEAM, "Équipe VO")
    seller, seller_token = await signed_in(team)
    async with GraphQLClient(live_server.url, token=token) as anne:
        # when the distributor moves to Sud-Ouest
        moved = (await anne.execute(MOVE_UNIT, {"input": {"unitId": str(distributor.id), "parentId": str(sud.id)}}))["moveUnit"]
    # then it and everything below it sit under Sud-Ouest
    assert moved["__typename"] == "MoveUnitSuccess" and moved["unit"]["parentId"] == str(sud.id)
    assert (await Unit.get(id=team.id)).path == f"{sud.path}{distributor.id}/{shop.id}/{team.id}/"
    assert (await Unit.get(id=shop.id)).path == f"{sud.path}{distributor.id}/{shop.id}/"
    assert await Unit.filter(path__startswith=nord.path).count() == 3  # Nord, Lille, Arras
    # and Sud-Ouest's manager now manages the seller
    _, sud_token = await signed_in(sud, Role.MANAGER)
    async with GraphQLClient(live_server.url, token=sud_token) as manager:
        tree = (await manager.execute(NETWORK_UNITS))["networkUnits"]
    assert tree[0]["name"] == "Sud-Ouest"
    assert sorted(u["name"] for u in tree) == ["Artois Distribution", "Bordeaux Lac", "Béthune", "Sud-Ouest", "Équipe VO"]
    assert [u for u in tree if u["name"] == "Équipe VO"][0]["peopleCount"] == 1
    audit = await AuditEntry.get(subject_type="unit", subject_id=distributor.id, action="unit.moved")
    assert audit.before["parent"]["name"] == "Nord" and audit.after["parent"]["name"] == "Sud-Ouest"
    assert seller_token


async def test_a_closed_point_of_sale_keeps_its_history_and_takes_nobody_new(live_server):
    # given Arras with a seller and a pending invite, and head office's admin
    network = await make_network()
    admin, token = await signed_in(network.root, Role.ADMIN)
    arras = network.points_of_sale["Arras"]
    seller = await make_user(arras, name="Paul Arras")
    async with GraphQLClient(live_server.url, token=token) as anne:
        assert (await anne.execute(INVITE, {"u": str(arras.id), "e": "nouveau@test.example"}))["invitePeople"]["__typename"] == "InvitePeopleSuccess"
        # when she closes Arras while Paul is still there
        refused = (await anne.execute(CLOSE_UNIT, {"id": str(arras.id)}))["closeUnit"]
        # then she is told to move or deactivate him first
        assert refused["code"] == "unit_has_people" and "1" in refused["message"]
        # when Paul left, and she closes it
        await User.filter(id=seller.id).update(unit_id=network.points_of_sale["Lille"].id)
        closed = (await anne.execute(CLOSE_UNIT, {"id": str(arras.id)}))["closeUnit"]
        # then it is closed, still in the tree (history), out of the open tree and the pickers
        assert closed["__typename"] == "CloseUnitSuccess" and closed["unit"]["closedAt"]
        assert "Arras Gare" in [u["name"] for u in (await anne.execute(NETWORK_UNITS))["networkUnits"]]
        assert "Arras Gare" not in [u["name"] for u in (await anne.execute(NETWORK_UNITS, {"closed": False}))["networkUnits"]]
        picker = (await anne.execute("{ manageableUnits { name } }"))["manageableUnits"]
        assert "Arras Gare" not in [u["name"] for u in picker] and "Lille Centre" in [u["name"] for u in picker]
        # and nobody can be invited there any more; the pending invite ended
        again = (await anne.execute(INVITE, {"u": str(arras.id), "e": "autre@test.example"}))["invitePeople"]
        assert again["code"] == "unit_closed"
        assert await EmailInvite.filter(unit_id=arras.id, revoked_at=None).count() == 0
        # and nothing can be created under it
        below = (await anne.execute(CREATE_UNIT, {"input": {"parentId": str(arras.id), "kind": "TEAM", "name": "VO"}}))["createUnit"]
        assert below["code"] == "unit_closed"
    audit = await AuditEntry.get(subject_type="unit", subject_id=arras.id, action="unit.closed")
    assert audit.actor_id == admin.id and audit.after["open"] is False


async def test_managers_read_their_subtree_and_change_nothing(live_server):
    # given the Nord manager and a seller
    network = await make_network()
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, seller_token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=manager_token) as manager:
        # when the manager reads the tree and tries to rename Lille
        tree = (await manager.execute(NETWORK_UNITS))["networkUnits"]
        rename = (await manager.execute(UPDATE_UNIT, {"input": {"unitId": str(network.points_of_sale["Lille"].id), "name": "Lille"}}))["updateUnit"]
    # then he sees Nord and below, and may not rename
    assert [u["name"] for u in tree] == ["Nord", "Lille Centre", "Arras Gare"]
    assert rename["__typename"] == "NotAllowedError"
    # and a seller may not even read it
    async with GraphQLClient(live_server.url, token=seller_token) as seller:
        errors = await seller.errors(NETWORK_UNITS)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_closed_point_of_sale_leaves_pickers_boards_and_new_challenges(live_server):
    # given Nord with Lille (a seller) and Arras closed
    from datetime import UTC, datetime, timedelta

    from server.challenges.lifecycle import ChallengeDraft, challenge_scopes, create_challenge
    from server.challenges.models import Metric, Participant, ParticipantKind
    from server.dashboards.services import unit_dashboard
    from server.network.scope import scope_of_user
    from server.network.tree import close_unit
    from server.training.authoring import audience_units

    network = await make_network()
    admin, _ = await signed_in(network.root, Role.ADMIN)
    await make_user(network.points_of_sale["Lille"])
    scope = await scope_of_user(admin)
    await close_unit(scope, network.points_of_sale["Arras"].id)
    # when head office runs a challenge between points of sale of Nord, and reads the pickers and Nord's board
    metric = await Metric.create(organization_id=network.organization_id, name="Ventes VN")
    now = datetime.now(UTC)
    challenge = await create_challenge(scope, ChallengeDraft(
        name="Printemps", starts_at=now, ends_at=now + timedelta(days=30), metrics=[(metric.id, 1.0)],
        scope_unit_id=network.regions["Nord"].id, participant_kind=ParticipantKind.UNIT,
    ))
    taking_part = await Participant.filter(challenge_id=challenge.id).values_list("unit_id", flat=True)
    scopes = [u.name for u in await challenge_scopes(scope)]
    audiences = [u.name for u in await audience_units(scope)]
    board = await unit_dashboard(scope, network.regions["Nord"], now.date())
    # then Arras is in none of them; Lille is in all
    assert taking_part == [network.points_of_sale["Lille"].id]
    assert "Arras Gare" not in scopes and "Lille Centre" in scopes
    assert "Arras Gare" not in audiences and "Lille Centre" in audiences
    assert [row.name for row in board.sub_units] == ["Lille Centre"]
