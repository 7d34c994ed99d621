"""Queries of the network screen."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.network.imports import NetworkImportQuery
from schema.network.setup import SetupQuery
from schema.network.tree_types import NetworkUnit
from schema.permissions import scope_of
from server.network import tree


@strawberry.type
class NetworkQuery(NetworkImportQuery, SetupQuery):
    @strawberry.field(
        description="The units of the viewer's scope in tree order, each with its active people: admins "
        "the organisation, managers their subtree; members are refused.",
        extensions=[DomainErrors()],
    )
    async def network_units(self, info: Info, include_closed: bool = True) -> list[NetworkUnit]:
        return [NetworkUnit.of_tree(row) for row in await tree.unit_tree(scope_of(info), include_closed)]
