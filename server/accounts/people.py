"""Acting on a person's account: changing their unit or role, signing them out everywhere,
deactivating, reactivating.

Who may (checked with the Scope):
- anyone signs themself out everywhere;
- an admin acts on anyone of the organisation; a manager on the people of their subtree
  (`Scope.manages` on the person's unit), never on someone whose role is above their own;
- nobody deactivates themself (an organisation keeps the admin who is acting).
A person of another organisation does not exist (PersonNotFound).

A deactivated person cannot sign in (server.accounts.services.login), every session of theirs
ends with their sockets on every instance (server.accounts.sessions), and their devices stop
receiving pushes (the push domain hears PERSON_DEACTIVATED). Their posts, comments, awards and
results stay. Reactivating lets them sign in again; it brings no session back.

Changing a person's unit or role (`update_person`): the same people may, and the new unit must
be one they manage, the new role not above theirs; nobody changes themself. When the person's
scope may shrink (a lower role, another unit) their sessions end, so no socket keeps the old
scope: they sign in again into the new one. A higher role keeps the sessions (the next request
has it).

Every change made to someone else writes an audit row (server.audit) in its transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime

from server.accounts.errors import (
    CannotChangeSelf,
    CannotDeactivateSelf,
    PersonNotFound,
    PersonOutOfScope,
    PersonRoleTooHigh,
    RoleTooHigh,
    UnitOutOfScope,
)
from server.accounts.events import PERSON_DEACTIVATED
from server.accounts.models import ROLE_RANK, Role, User
from server.accounts.sessions import end_sessions_of
from server.audit.services import changed, record
from server.db import atomic
from server.errors import NotAllowed
from server.network.models import Unit
from server.network.scope import Scope
from server.network.services import get_open_unit


def _actor(scope: Scope) -> User:
    if scope.user is None:
        raise NotAllowed()
    return scope.user


async def _person(scope: Scope, person_id: int) -> User:
    person = (
        await User.filter(id=person_id, organization_id=scope.organization_id)
        .select_related("unit")
        .first()
    )
    if person is None:
        raise PersonNotFound("personId")
    return person


def _require_acts_on(scope: Scope, person: User) -> None:
    actor = _actor(scope)
    scope.require_manages(person.unit, PersonOutOfScope("personId", name=person.display_name))
    if ROLE_RANK[person.role] > ROLE_RANK[actor.role]:
        raise PersonRoleTooHigh("personId")


async def revoke_sessions(scope: Scope, person_id: int | None = None) -> int:
    """Ends every session of a person (the viewer when `person_id` is None or their own id).
    Returns how many ended."""
    actor = _actor(scope)
    target_id = actor.id
    if person_id is not None and person_id != actor.id:
        person = await _person(scope, person_id)
        _require_acts_on(scope, person)
        target_id = person.id
    async with atomic() as events:
        ended = await end_sessions_of(target_id, events)
        if target_id != actor.id:
            await record(scope, "person.sessions_revoked", "person", target_id, None, {"sessionsEnded": ended})
        return ended


async def deactivate_person(scope: Scope, person_id: int) -> tuple[User, int]:
    """Deactivates a person (idempotent) and ends their sessions; returns the person and how
    many sessions ended."""
    if person_id == _actor(scope).id:
        raise CannotDeactivateSelf("personId")
    person = await _person(scope, person_id)
    _require_acts_on(scope, person)
    async with atomic() as events:
        was_active = await User.filter(id=person.id, deactivated_at=None).update(
            deactivated_at=datetime.now(UTC)
        )
        ended = await end_sessions_of(person.id, events)
        if was_active:
            events.emit(
                PERSON_DEACTIVATED,
                {"organization_id": person.organization_id, "user_id": person.id},
            )
            await record(scope, "person.deactivated", "person", person.id, {"name": person.display_name, "active": True}, {"name": person.display_name, "active": False})
    await person.refresh_from_db(fields=["deactivated_at"])
    return person, ended


async def reactivate_person(scope: Scope, person_id: int) -> User:
    """Lets a deactivated person sign in again (idempotent)."""
    person = await _person(scope, person_id)
    _require_acts_on(scope, person)
    async with atomic():
        if await User.filter(id=person.id, deactivated_at__not_isnull=True).update(deactivated_at=None):
            await record(scope, "person.reactivated", "person", person.id, {"name": person.display_name, "active": False}, {"name": person.display_name, "active": True})
    person.deactivated_at = None
    return person


def _shown(person: User, unit: Unit, role: Role) -> dict[str, object]:
    return {"name": person.display_name, "unit": {"id": unit.id, "name": unit.name}, "role": str(role)}


async def update_person(
    scope: Scope, person_id: int, unit_id: int | None = None, role: Role | None = None
) -> tuple[User, int]:
    """Moves a person to another unit and/or gives them another role. Returns the person (with
    their unit) and how many of their sessions ended (see the module docstring)."""
    actor = _actor(scope)
    if person_id == actor.id:
        raise CannotChangeSelf("personId")
    person = await _person(scope, person_id)
    _require_acts_on(scope, person)
    unit: Unit = person.unit
    if unit_id is not None and unit_id != person.unit_id:
        unit = await get_open_unit(scope.organization_id, unit_id)
        scope.require_manages(unit, UnitOutOfScope("unitId"))
    new_role = Role(role) if role is not None else Role(person.role)
    if ROLE_RANK[new_role] > ROLE_RANK[actor.role]:
        raise RoleTooHigh("role")
    before, after = changed(_shown(person, person.unit, Role(person.role)), _shown(person, unit, new_role))
    if not after:
        return person, 0
    narrower = unit.id != person.unit_id or ROLE_RANK[new_role] < ROLE_RANK[person.role]
    ended = 0
    async with atomic() as events:
        await User.filter(id=person.id).update(unit_id=unit.id, role=new_role)
        if narrower:
            ended = await end_sessions_of(person.id, events)
        await record(scope, "person.updated", "person", person.id, {"name": person.display_name, **before}, {"name": person.display_name, **after})
    person.unit, person.role = unit, new_role
    return person, ended
