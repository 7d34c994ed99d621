"""The people screen's list: search by name or e-mail, filter by unit (the viewer's subtree),
role and state, page through, deactivated people shown as such; members may not list; a page
costs the same queries for 3 or 40 people."""

from __future__ import annotations

from datetime import UTC, datetime

from server.accounts.models import Role, User
from tests.accounts.documents import PEOPLE
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.query_count import counting_queries


def _names(answer: dict) -> list[str]:
    return [e["node"]["displayName"] for e in answer["people"]["edges"]]


async def test_a_manager_finds_the_people_of_his_subtree(live_server):
    # given the Nord manager, people of Lille and Arras (one deactivated), and Bordeaux's
    network = await make_network()
    _, token = await signed_in(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    julie = await make_user(lille, name="Julie Moreau")
    await make_user(lille, Role.MANAGER, "Antoine Petit")
    hugo = await make_user(arras, name="Hugo Lefèvre")
    await make_user(network.points_of_sale["Bordeaux"], name="Inès Roux")
    await User.filter(id=hugo.id).update(deactivated_at=datetime.now(UTC))

    async with GraphQLClient(live_server.url, token=token) as client:
        # when he lists everyone
        everyone = await client.execute(PEOPLE, {})
        # then he sees his subtree only, by name, the deactivated seller shown as such
        assert _names(everyone) == ["Antoine Petit", "Hugo Lefèvre", "Julie Moreau", "Marc Delaunay"]
        assert everyone["people"]["totalCount"] == 4
        hugo_row = next(e["node"] for e in everyone["people"]["edges"] if e["node"]["displayName"] == "Hugo Lefèvre")
        assert hugo_row["deactivatedAt"] is not None
        # when he searches, by a piece of a name or of an e-mail
        assert _names(await client.execute(PEOPLE, {"filter": {"search": "moreau"}})) == ["Julie Moreau"]
        assert _names(await client.execute(PEOPLE, {"filter": {"search": julie.email[:10]}})) == ["Julie Moreau"]
        # and filters by unit, role and state
        assert _names(await client.execute(PEOPLE, {"filter": {"unitId": str(lille.id)}})) == ["Antoine Petit", "Julie Moreau"]
        assert _names(await client.execute(PEOPLE, {"filter": {"role": "MANAGER"}})) == ["Antoine Petit", "Marc Delaunay"]
        assert _names(await client.execute(PEOPLE, {"filter": {"active": False}})) == ["Hugo Lefèvre"]
        # then pages through, two at a time
        first = await client.execute(PEOPLE, {"first": 2})
        assert _names(first) == ["Antoine Petit", "Hugo Lefèvre"] and first["people"]["pageInfo"]["hasNextPage"]
        second = await client.execute(PEOPLE, {"first": 2, "after": first["people"]["pageInfo"]["endCursor"]})
        assert _names(second) == ["Julie Moreau", "Marc Delaunay"] and not second["people"]["pageInfo"]["hasNextPage"]
        # and Bordeaux is not his to look into
        errors = await client.errors(PEOPLE, {"filter": {"unitId": str(network.points_of_sale["Bordeaux"].id)}})
        assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]


async def test_a_member_may_not_list_people(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as client:
        errors = await client.errors(PEOPLE, {})
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]


async def _count(live_server, people: int) -> int:
    network = await make_network()
    _, token = await signed_in(network.root, Role.ADMIN)
    for n in range(people):
        await make_user(network.points_of_sale["Lille" if n % 2 else "Bordeaux"], name=f"Personne {n:02d}")
    async with GraphQLClient(live_server.url, token=token) as client:
        with counting_queries() as seen:
            await client.execute(PEOPLE, {"first": 30})
    return len(seen)


async def test_a_page_costs_the_same_for_3_or_40_people(live_server):
    assert await _count(live_server, 3) == await _count(live_server, 40)
