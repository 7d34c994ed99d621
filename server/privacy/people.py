"""Whose personal data a viewer may reach: the one rule of the privacy domain, on the Scope.

- a person reaches their own data;
- head office (admin) reaches anyone of its organisation;
- a manager reaches the people of their subtree whose role is not above theirs, nobody else;
- an integration token reaches nobody.
A person of another organisation does not exist (PersonNotFound)."""

from __future__ import annotations

from server.accounts.models import ROLE_RANK, Role, User
from server.network.scope import Scope
from server.privacy.errors import ExportNotAllowed, PersonNotFound


async def person_in_organization(scope: Scope, person_id: int) -> User:
    person = await User.filter(id=person_id, organization_id=scope.organization_id).select_related("unit").first()
    if person is None:
        raise PersonNotFound("personId")
    return person


async def reachable_person(scope: Scope, person_id: int | None) -> User:
    """The person whose data the viewer asks for (themself when `person_id` is None)."""
    viewer = scope.user
    if viewer is None:
        raise ExportNotAllowed("personId")
    if person_id is None or person_id == viewer.id:
        return await person_in_organization(scope, viewer.id)
    person = await person_in_organization(scope, person_id)
    if scope.is_admin:
        return person
    if not scope.manages(person.unit) or ROLE_RANK[Role(person.role)] > ROLE_RANK[Role(viewer.role)]:
        raise ExportNotAllowed("personId")
    return person
