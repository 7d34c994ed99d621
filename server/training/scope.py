"""Who manages whom: shared by the training, evaluation, dashboard and plan domains."""

from __future__ import annotations

from server.accounts.models import Role, User
from server.errors import NotAllowed
from server.network.models import Unit, UnitKind


async def unit_of(user: User) -> Unit:
    return await Unit.get(id=user.unit_id)


async def managed_root(viewer: User) -> Unit | None:
    """The top of the viewer's scope: head office for an admin, its unit for a manager."""
    if viewer.role == Role.ADMIN:
        return await Unit.get(organization_id=viewer.organization_id, parent_id=None)
    if viewer.role == Role.MANAGER:
        return await unit_of(viewer)
    return None


async def require_manager_of(viewer: User, unit: Unit) -> None:
    """Raises NotAllowed unless `unit` is in the viewer's managed subtree (same organisation)."""
    if unit.organization_id != viewer.organization_id:
        raise NotAllowed()
    root = await managed_root(viewer)
    if root is None or not unit.path.startswith(root.path):
        raise NotAllowed()


async def manages(viewer: User, unit: Unit) -> bool:
    try:
        await require_manager_of(viewer, unit)
    except NotAllowed:
        return False
    return True


async def point_of_sale_of(unit: Unit) -> Unit | None:
    """The point of sale a unit is or belongs to (a team's parent point of sale)."""
    if unit.kind == UnitKind.POINT_OF_SALE:
        return unit
    ids = unit.ancestor_ids
    if not ids:
        return None
    found = await Unit.filter(id__in=ids, kind=UnitKind.POINT_OF_SALE).order_by("-path").first()
    return found
