"""Who may do what in the challenges domain: scope checks on the server, never only in the UI."""

from __future__ import annotations

from dataclasses import dataclass

from server.accounts.models import Role, User
from server.challenges.errors import OutOfScope
from server.challenges.models import IntegrationToken
from server.errors import NotAllowed
from server.network.models import Unit


@dataclass(frozen=True, slots=True)
class Actor:
    """Whoever records a result: a manager or admin, or an integration token."""

    organization_id: int
    scope_path: str  # the subtree the actor may write to
    user: User | None = None
    token: IntegrationToken | None = None

    @property
    def label(self) -> str:
        if self.user is not None:
            return self.user.display_name
        return self.token.name if self.token is not None else "?"


async def manager_actor(user: User) -> Actor:
    """The actor for a person; members may not record results or run challenges."""
    if user.role == Role.MEMBER:
        raise NotAllowed()
    unit = await Unit.get(id=user.unit_id)
    path = "/" if user.role == Role.ADMIN else unit.path
    return Actor(user.organization_id, path, user=user)


def in_scope(actor: Actor, unit_path: str) -> bool:
    return actor.scope_path == "/" or unit_path.startswith(actor.scope_path)


def check_in_scope(actor: Actor, unit: Unit) -> None:
    if unit.organization_id != actor.organization_id or not in_scope(actor, unit.path):
        raise OutOfScope()


def can_see_scope(viewer: User, viewer_unit: Unit, scope: Unit) -> bool:
    """A viewer sees challenges of its own branch (above it) and of its subtree (below it)."""
    if scope.organization_id != viewer.organization_id:
        return False
    if viewer.role == Role.ADMIN:
        return True
    return viewer_unit.path.startswith(scope.path) or (
        viewer.role == Role.MANAGER and scope.path.startswith(viewer_unit.path)
    )


async def set_hidden(user: User, hidden: bool) -> bool:
    """A person hides from (or shows again on) the public screens of every challenge."""
    from server.challenges.models import LeaderboardPrivacy, Participant
    from server.db import atomic

    async with atomic():
        await LeaderboardPrivacy.update_or_create(defaults={"hidden": hidden}, user_id=user.id)
        await Participant.filter(user_id=user.id).update(hidden=hidden)
    return hidden
