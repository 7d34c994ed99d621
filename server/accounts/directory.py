"""The people screen's reads: people and pending invites of the viewer's scope, and the units
they may be placed in. Admins and managers only (members get NotAllowed).

Each page is one query (people with their unit joined) plus one count, whatever the page or
the network's size. Pages are ordered by name (people) or newest first (invites); the cursor
is the offset, so a list that changes between two pages may show a row twice or skip one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from server.accounts.errors import UnitOutOfScope
from server.accounts.models import EmailInvite, Role, User
from server.cursors import decode_cursor, encode_cursor
from server.errors import ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope
from server.network.services import get_unit
from server.privacy.pseudonym import erased_code_searched

PAGE_MAX = 100
SEARCH_MAX = 80
T = TypeVar("T")
M = TypeVar("M", bound=Model)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    rows: list[T]
    total: int
    offset: int
    has_next: bool

    def cursor(self, index: int, prefix: str) -> str:
        return encode_cursor(self.offset + index + 1, prefix)


@dataclass(frozen=True, slots=True)
class PeopleFilter:
    search: str | None = None
    unit_id: int | None = None
    role: Role | None = None
    active: bool | None = None  # None: everyone, deactivated included


def _bounds(first: int, after: str | None, prefix: str) -> int:
    if not 1 <= first <= PAGE_MAX:
        raise ValidationFailed("page_size_invalid", "first", max=PAGE_MAX)
    return decode_cursor(after, prefix) if after else 0


def _search(search: str | None) -> str | None:
    text = " ".join((search or "").split())
    if len(text) > SEARCH_MAX:
        raise ValidationFailed("search_too_long", "search", max=SEARCH_MAX)
    return text or None


async def _under(scope: Scope, unit_id: int | None) -> str:
    """The path whose subtree is listed: the unit asked for (one the viewer manages), else the
    top of the viewer's scope."""
    scope.require_manager()
    if unit_id is None:
        return scope.act_path
    unit = await get_unit(scope.organization_id, unit_id)
    scope.require_manages(unit, UnitOutOfScope("unitId"))
    return unit.path


async def _page(query: QuerySet[M], first: int, offset: int) -> Page[M]:
    rows = list(await query.offset(offset).limit(first + 1))
    total = await query.count()
    return Page(rows[:first], total, offset, len(rows) > first)


async def search_people(scope: Scope, where: PeopleFilter, first: int = 30, after: str | None = None) -> Page[User]:
    offset = _bounds(first, after, "people")
    search = _search(where.search)
    path = await _under(scope, where.unit_id)
    query = User.filter(organization_id=scope.organization_id, unit__path__startswith=path)
    if where.role is not None:
        query = query.filter(role=where.role)
    if where.active is True:
        query = query.filter(deactivated_at=None)
    elif where.active is False:
        query = query.filter(deactivated_at__not_isnull=True)
    if search:
        found = Q(display_name__icontains=search) | Q(email__icontains=search)
        code = erased_code_searched(search)  # erased people are stored as a marker, read as a pseudonym
        if code is not None:
            found |= Q(erased_at__not_isnull=True, display_name__icontains=code)
        query = query.filter(found)
    return await _page(query.select_related("unit").order_by("display_name", "id"), first, offset)


async def pending_invites(
    scope: Scope, search: str | None = None, unit_id: int | None = None, first: int = 30, after: str | None = None
) -> Page[EmailInvite]:
    """Invites neither accepted nor revoked (expired ones included: they can be sent again)."""
    offset = _bounds(first, after, "invites")
    text = _search(search)
    path = await _under(scope, unit_id)
    query = EmailInvite.filter(
        organization_id=scope.organization_id, unit__path__startswith=path, accepted_at=None, revoked_at=None
    )
    if text:
        query = query.filter(Q(email__icontains=text) | Q(display_name__icontains=text))
    return await _page(query.select_related("unit", "created_by").order_by("-id"), first, offset)


async def manageable_units(scope: Scope) -> list[Unit]:
    """The units a person may be invited to or moved into by the viewer, in tree order (closed
    ones left out)."""
    scope.require_manager()
    return list(
        await Unit.filter(organization_id=scope.organization_id, path__startswith=scope.act_path, closed_at=None).order_by("path")
    )
