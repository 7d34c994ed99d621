"""GraphQL types of the network tree screen."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.network.types import UnitKind
from server.network.models import Unit
from server.network.tree import TreeUnit


@strawberry.type(description="A unit as head office runs it: its place in the tree, codes and state.")
class NetworkUnit:
    id: strawberry.ID
    name: str
    kind: UnitKind
    city: str | None
    external_code: str | None = strawberry.field(description="The organisation's own code (CSV imports and exports).")
    parent_id: strawberry.ID | None = strawberry.field(description="Null for head office.")
    depth: int = strawberry.field(description="0 for head office, 1 below it, and so on.")
    closed_at: datetime | None = strawberry.field(description="Set once the unit is closed: it keeps its history, takes no one new.")
    people_count: int = strawberry.field(description="Active people attached to this unit itself (not below).")

    @classmethod
    def of(cls, unit: Unit, people: int = 0) -> NetworkUnit:
        return cls(
            id=strawberry.ID(str(unit.id)), name=unit.name, kind=unit.kind, city=unit.city,
            external_code=unit.external_code,
            parent_id=strawberry.ID(str(unit.parent_id)) if unit.parent_id is not None else None,
            depth=len(unit.ancestor_ids) - 1, closed_at=unit.closed_at, people_count=people,
        )

    @classmethod
    def of_tree(cls, row: TreeUnit) -> NetworkUnit:
        return cls.of(row.unit, row.people)
