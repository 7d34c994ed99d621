"""Building and reading the network tree."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from server.network.errors import UnitClosed, UnitNotFound
from server.network.models import Organization, Unit, UnitKind
from server.network.scope import Scope, path_ids


async def create_organization(name: str, slug: str) -> tuple[Organization, Unit]:
    """An organisation and the root unit that stands for head office."""
    async with in_transaction():
        organization = await Organization.create(name=name, slug=slug)
        root = await Unit.create(
            organization=organization, kind=UnitKind.ORGANIZATION, name=name, path=""
        )
        root.path = f"/{root.id}/"
        await root.save(update_fields=["path"])
    return organization, root


async def create_unit(parent: Unit, kind: UnitKind, name: str, city: str | None = None) -> Unit:
    async with in_transaction():
        unit = await Unit.create(
            organization_id=parent.organization_id,
            parent=parent,
            kind=kind,
            name=name,
            city=city,
            path="",
        )
        unit.path = f"{parent.path}{unit.id}/"
        await unit.save(update_fields=["path"])
    return unit


async def root_unit(organization_id: int) -> Unit:
    return await Unit.get(organization_id=organization_id, parent_id=None)


async def get_unit(organization_id: int, unit_id: int) -> Unit:
    unit = await Unit.get_or_none(id=unit_id, organization_id=organization_id)
    if unit is None:
        raise UnitNotFound()
    return unit


async def get_open_unit(organization_id: int, unit_id: int, field: str = "unitId") -> Unit:
    """A unit that takes new people and invites: one that is not closed (UnitClosed)."""
    unit = await get_unit(organization_id, unit_id)
    if unit.closed_at is not None:
        raise UnitClosed(field, name=unit.name)
    return unit


async def subtree_unit_ids(unit: Unit) -> list[int]:
    """Ids of the unit and everything below it, from one indexed prefix query."""
    return await Unit.filter(
        organization_id=unit.organization_id, path__startswith=unit.path
    ).values_list("id", flat=True)  # type: ignore[return-value]


async def point_of_sale_of(unit_path: str, known: Unit | None = None) -> Unit | None:
    """The point of sale a unit (given by its path) is or belongs to: itself, or the nearest
    one above it (a team's point of sale); None above the points of sale. One query, none
    when the unit is `known` (e.g. `Scope.own_unit`) and is a point of sale."""
    if known is not None and known.path == unit_path and known.kind == UnitKind.POINT_OF_SALE:
        return known
    ids = [int(part) for part in unit_path.strip("/").split("/") if part]
    return await Unit.filter(id__in=ids, kind=UnitKind.POINT_OF_SALE).order_by("-path").first()


async def top_of_scope(scope: Scope) -> Unit:
    """The top of what a viewer may change (`Scope.act_path`): head office for an admin, its
    unit for a manager, its point of sale for a member."""
    return await Unit.get(id=path_ids(scope.act_path)[-1], organization_id=scope.organization_id)
