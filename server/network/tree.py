"""Head office shapes its network: create, rename, move and close units (admins), read the tree
(admins the organisation, managers their subtree).

Rules that hold here and in CSV imports (server.network.imports) alike:
- kinds go top down, brand (head office) → region → distributor → point of sale → team; a unit
  sits below a unit of a higher level, levels may be skipped (a point of sale under a region);
- head office is the root: it is neither created, moved nor closed;
- moving a unit rewrites the materialised path of every unit below it in one UPDATE, in the
  transaction of the move: the subtree is never seen half moved; a unit never goes below itself;
- a closed unit (and everything below it, closed with it) keeps its history but takes no new
  people, invites or units, and leaves boards, pickers, filters and challenge enrolment.
  Closing refuses while active people remain below: they are moved or deactivated first, so
  nobody is left in a unit that no longer exists for the rest of the app.
Every change writes an audit row (server.audit) in its transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Subquery
from tortoise.functions import Count

from server.accounts.models import EmailInvite, Invite, User
from server.audit.services import changed, record
from server.db import atomic, dialect
from server.errors import NotAllowed
from server.network.errors import (
    ExternalCodeInvalid,
    ExternalCodeTaken,
    HeadOfficeFixed,
    UnitClosed,
    UnitHasPeople,
    UnitKindOrder,
    UnitMoveCycle,
    UnitNameInvalid,
)
from server.network.messages import KIND_LABELS
from server.network.models import KIND_RANK, Unit, UnitKind
from server.network.scope import Scope
from server.network.services import get_unit

NAME_MAX = 120
CITY_MAX = 80
CODE_MAX = 40
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MOVE_SQL = "UPDATE unit SET path = $1 || substr(path, $2) WHERE organization_id = $3 AND path LIKE $4"


@dataclass(frozen=True, slots=True)
class TreeUnit:
    unit: Unit
    people: int  # active people in the unit itself


def clean_name(name: str) -> str:
    text = " ".join(name.split())
    if not 1 <= len(text) <= NAME_MAX:
        raise UnitNameInvalid("name", max=NAME_MAX)
    return text


def clean_city(city: str | None) -> str | None:
    text = " ".join((city or "").split())
    return text[:CITY_MAX] or None


def clean_code(code: str | None) -> str | None:
    text = (code or "").strip()
    if not text:
        return None
    if len(text) > CODE_MAX or not CODE_PATTERN.match(text):
        raise ExternalCodeInvalid("externalCode", max=CODE_MAX)
    return text


def check_kind_below(kind: UnitKind, parent_kind: UnitKind) -> None:
    if kind == UnitKind.ORGANIZATION or KIND_RANK[kind] <= KIND_RANK[parent_kind]:
        raise KindOrderError("kind", kind=str(kind), parent_kind=str(parent_kind))


class KindOrderError(UnitKindOrder):
    """UnitKindOrder with the kinds named in the reader's language."""

    def message(self, language: str) -> str:
        from server.i18n import translate

        kinds = {k: KIND_LABELS[v].get(language, KIND_LABELS[v]["fr"]) for k, v in self.params.items()}
        return translate(self.code, language, **kinds)


async def _code_free(organization_id: int, code: str | None, unit_id: int | None = None) -> None:
    if code is None:
        return
    holder = await Unit.filter(organization_id=organization_id, external_code=code).exclude(id=unit_id or 0).first()
    if holder is not None:
        raise ExternalCodeTaken("externalCode", value=code, name=holder.name)


async def _admin_unit(scope: Scope, unit_id: int) -> Unit:
    scope.require_admin()
    unit = await get_unit(scope.organization_id, unit_id)
    scope.require_manages(unit)
    return unit


def _shown(unit: Unit, parent: Unit | None = None) -> dict[str, object]:
    shown: dict[str, object] = {"name": unit.name, "kind": str(unit.kind), "city": unit.city, "externalCode": unit.external_code}
    if parent is not None:
        shown["parent"] = {"id": parent.id, "name": parent.name}
    return shown


async def unit_tree(scope: Scope, include_closed: bool = True) -> list[TreeUnit]:
    """The units of the viewer's scope in tree order (a parent before its children), each with
    its count of active people: two queries whatever the size. Members are refused."""
    scope.require_manager()
    query = Unit.filter(scope.subtree_filter(""))
    if not include_closed:
        query = query.filter(closed_at=None)
    units = list(await query.order_by("path"))
    counts = dict(
        await User.filter(scope.subtree_filter("unit__"), deactivated_at=None)
        .annotate(n=Count("id"))
        .group_by("unit_id")
        .values_list("unit_id", "n")
    )
    return [TreeUnit(unit, int(counts.get(unit.id, 0))) for unit in units]


async def create_unit(
    scope: Scope, parent_id: int, kind: UnitKind, name: str, city: str | None = None, external_code: str | None = None
) -> Unit:
    parent = await _admin_unit(scope, parent_id)
    if parent.closed_at is not None:
        raise UnitClosed("parentId", name=parent.name)
    check_kind_below(kind, parent.kind)
    name, city, code = clean_name(name), clean_city(city), clean_code(external_code)
    await _code_free(scope.organization_id, code)
    try:
        async with atomic():
            unit = await Unit.create(
                organization_id=parent.organization_id, parent=parent, kind=kind, name=name, city=city,
                external_code=code, path="",
            )
            unit.path = f"{parent.path}{unit.id}/"
            await unit.save(update_fields=["path"])
            await record(scope, "unit.created", "unit", unit.id, None, _shown(unit, parent))
    except IntegrityError:  # the same code taken meanwhile
        raise ExternalCodeTaken("externalCode", value=code, name=name) from None
    return unit


async def update_unit(
    scope: Scope, unit_id: int, name: str | None = None, city: str | None = None, external_code: str | None = None
) -> Unit:
    """Renames a unit, changes its city or external code (an empty code removes it); the
    fields left out stay."""
    unit = await _admin_unit(scope, unit_id)
    before = _shown(unit)
    if name is not None:
        unit.name = clean_name(name)
    if city is not None:
        unit.city = clean_city(city)
    if external_code is not None:
        unit.external_code = clean_code(external_code)
        await _code_free(scope.organization_id, unit.external_code, unit.id)
    old, new = changed(before, _shown(unit))
    if not new:
        return unit
    try:
        async with atomic():
            await unit.save(update_fields=["name", "city", "external_code"])
            await record(scope, "unit.updated", "unit", unit.id, {"name": before["name"], **old}, {"name": unit.name, **new})
    except IntegrityError:
        raise ExternalCodeTaken("externalCode", value=unit.external_code, name=unit.name) from None
    return unit


async def move_unit(scope: Scope, unit_id: int, parent_id: int) -> Unit:
    """Puts a unit (and everything below it) under another parent."""
    unit = await _admin_unit(scope, unit_id)
    if unit.parent_id is None:
        raise HeadOfficeFixed("unitId")
    parent = await _admin_unit(scope, parent_id)
    if parent.path.startswith(unit.path):
        raise UnitMoveCycle("parentId")
    check_kind_below(unit.kind, parent.kind)
    if parent.closed_at is not None and unit.closed_at is None:
        raise UnitClosed("parentId", name=parent.name)
    if parent.id == unit.parent_id:
        return unit
    async with atomic():
        locked = await Unit.filter(id=unit.id).select_for_update().first()
        if locked is None:
            raise NotAllowed()
        old_parent = await Unit.get(id=locked.parent_id)
        await move_subtree(scope.organization_id, locked.path, f"{parent.path}{unit.id}/")
        await Unit.filter(id=unit.id).update(parent_id=parent.id)
        await record(scope, "unit.moved", "unit", unit.id,
                     {"name": unit.name, "parent": {"id": old_parent.id, "name": old_parent.name}},
                     {"name": unit.name, "parent": {"id": parent.id, "name": parent.name}})
    await unit.refresh_from_db()
    return unit


async def move_subtree(organization_id: int, old_path: str, new_path: str) -> None:
    """Rewrites the path of a unit and of every unit below it: one statement."""
    await connections.get("default").execute_query(
        dialect(MOVE_SQL), [new_path, len(old_path) + 1, organization_id, f"{old_path}%"]
    )


async def close_unit(scope: Scope, unit_id: int) -> Unit:
    """Closes a unit and every unit below it (idempotent)."""
    unit = await _admin_unit(scope, unit_id)
    if unit.parent_id is None:
        raise HeadOfficeFixed("unitId")
    if unit.closed_at is not None:
        return unit
    now = datetime.now(UTC)
    async with atomic():
        remaining = await User.filter(
            organization_id=scope.organization_id, unit__path__startswith=unit.path, deactivated_at=None
        ).count()
        if remaining:
            raise UnitHasPeople("unitId", count=remaining)
        closed = await Unit.filter(
            organization_id=scope.organization_id, path__startswith=unit.path, closed_at=None
        ).update(closed_at=now)
        # nobody joins it any more: pending invitations end, invite codes expire
        below = Subquery(Unit.filter(organization_id=scope.organization_id, path__startswith=unit.path).values("id"))
        await EmailInvite.filter(unit_id__in=below, accepted_at=None, revoked_at=None).update(revoked_at=now)
        await Invite.filter(unit_id__in=below, expires_at__gt=now).update(expires_at=now)
        await record(scope, "unit.closed", "unit", unit.id, {"name": unit.name, "open": True},
                     {"name": unit.name, "open": False, "unitsClosed": closed})
    unit.closed_at = now
    return unit
