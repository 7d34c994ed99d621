"""Acting on a person's account: signing them out everywhere, deactivating, reactivating.

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
"""

from __future__ import annotations

from datetime import UTC, datetime

from server.accounts.errors import (
    CannotDeactivateSelf,
    PersonNotFound,
    PersonOutOfScope,
    PersonRoleTooHigh,
)
from server.accounts.events import PERSON_DEACTIVATED
from server.accounts.models import ROLE_RANK, User
from server.accounts.sessions import end_sessions_of
from server.db import atomic
from server.errors import NotAllowed
from server.network.scope import Scope


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
        return await end_sessions_of(target_id, events)


async def deactivate_person(scope: Scope, person_id: int) -> tuple[User, int]:
    """Deactivates a person (idempotent) and ends their sessions; returns the person and how
    many sessions ended."""
    if person_id == _actor(scope).id:
        raise CannotDeactivateSelf("personId")
    person = await _person(scope, person_id)
    _require_acts_on(scope, person)
    async with atomic() as events:
        changed = await User.filter(id=person.id, deactivated_at=None).update(
            deactivated_at=datetime.now(UTC)
        )
        ended = await end_sessions_of(person.id, events)
        if changed:
            events.emit(
                PERSON_DEACTIVATED,
                {"organization_id": person.organization_id, "user_id": person.id},
            )
    await person.refresh_from_db(fields=["deactivated_at"])
    return person, ended


async def reactivate_person(scope: Scope, person_id: int) -> User:
    """Lets a deactivated person sign in again (idempotent)."""
    person = await _person(scope, person_id)
    _require_acts_on(scope, person)
    await User.filter(id=person.id).update(deactivated_at=None)
    person.deactivated_at = None
    return person
