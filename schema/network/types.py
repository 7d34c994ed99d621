"""GraphQL types of the network."""

from __future__ import annotations

import strawberry

from server.network.models import UnitKind

strawberry.enum(UnitKind, name="UnitKind", description="Level of a unit.")


@strawberry.type(description="The tenant: a brand and its whole sales network.")
class Organization:
    id: strawberry.ID
    name: str


@strawberry.type(description="A node of the network: region, distributor, point of sale or team.")
class Unit:
    id: strawberry.ID
    name: str
    kind: UnitKind
    city: str | None = strawberry.field(description="City of a point of sale.")
