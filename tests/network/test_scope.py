"""The one owner of scope: who belongs to, acts in, manages and sees which unit."""

from __future__ import annotations

from server.accounts.models import Role
from server.network.models import UnitKind
from server.network.scope import scope_of_token, scope_of_user
from server.network.services import create_unit
from tests.factories import make_network, make_user


async def test_a_member_acts_in_her_point_of_sale_and_never_above(live_server: object) -> None:
    # given a seller of Lille, in a team of the point of sale
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    team = await create_unit(lille, UnitKind.TEAM, "Équipe VO")
    seller = await make_user(team, Role.MEMBER)

    # when her scope is loaded
    scope = await scope_of_user(seller)

    # then she acts in her point of sale (the team's parent), belongs to everything above it,
    # manages nothing, and neither acts in nor sees a sibling point of sale
    assert scope.acts_in(lille) and scope.acts_in(team)
    assert not scope.acts_in(network.regions["Nord"]) and not scope.acts_in(network.root)
    assert scope.belongs_to(network.regions["Nord"]) and scope.belongs_to(network.root)
    assert not scope.manages(lille)
    assert not scope.sees(network.points_of_sale["Arras"])
    assert scope.sees(network.root)  # an audience she belongs to


async def test_a_manager_manages_its_subtree_only(live_server: object) -> None:
    network = await make_network()
    manager = await make_user(network.regions["Nord"], Role.MANAGER)
    scope = await scope_of_user(manager)

    assert scope.manages(network.points_of_sale["Lille"])
    assert scope.manages(network.regions["Nord"])
    assert not scope.manages(network.root)  # above it
    assert not scope.manages(network.regions["Sud-Ouest"])  # a sibling
    assert not scope.sees(network.points_of_sale["Bordeaux"])
    assert scope.sees(network.root) and not scope.acts_in(network.root)


async def test_an_admin_manages_its_organisation_and_nothing_of_another(live_server: object) -> None:
    network, other = await make_network(), await make_network()
    admin = await make_user(network.root, Role.ADMIN)
    scope = await scope_of_user(admin)

    assert scope.manages(network.root) and scope.manages(network.points_of_sale["Bordeaux"])
    assert not scope.sees(other.root) and not scope.manages(other.points_of_sale["Lille"])


async def test_a_token_manages_its_granted_subtree_and_belongs_nowhere(live_server: object) -> None:
    network = await make_network()
    scope = scope_of_token(network.organization_id, 1, network.regions["Nord"])

    assert scope.manages(network.points_of_sale["Arras"])
    assert not scope.manages(network.regions["Sud-Ouest"])
    assert not scope.belongs_to(network.root) and not scope.sees(network.root)
