"""Who sees a post: everyone at or below its audience unit, inside its organisation."""

from __future__ import annotations

from dataclasses import dataclass

from server.accounts.models import Role, User
from server.feed.models import PostAudience
from server.network.models import Unit, UnitKind


def sees(viewer_path: str, is_manager: bool, audience_path: str) -> bool:
    """Inside the audience, or a manager whose subtree holds it."""
    return viewer_path.startswith(audience_path) or (
        is_manager and audience_path.startswith(viewer_path)
    )


def moderates(viewer_path: str, is_manager: bool, unit_path: str) -> bool:
    """Managers and admins moderate what comes from their subtree."""
    return is_manager and unit_path.startswith(viewer_path)


@dataclass(slots=True)
class Scope:
    """The viewer's place in the network, loaded once per request."""

    user: User
    unit_path: str

    @property
    def ancestor_ids(self) -> list[int]:
        """The viewer's unit and every unit above it: the audiences it belongs to."""
        return [int(part) for part in self.unit_path.strip("/").split("/") if part]

    @property
    def is_manager(self) -> bool:
        return self.user.role != Role.MEMBER

    def sees(self, audience_path: str) -> bool:
        return sees(self.unit_path, self.is_manager, audience_path)

    def moderates(self, unit_path: str) -> bool:
        return moderates(self.unit_path, self.is_manager, unit_path)


async def viewer_scope(viewer: User) -> Scope:
    cached: Scope | None = getattr(viewer, "_feed_scope", None)
    if cached is not None:
        return cached
    paths = await Unit.filter(id=viewer.unit_id).values_list("path", flat=True)
    scope = Scope(user=viewer, unit_path=str(paths[0]) if paths else "/")
    viewer._feed_scope = scope  # type: ignore[attr-defined]
    return scope


async def audience_unit_id(scope: Scope, audience: PostAudience) -> int:
    ancestors = scope.ancestor_ids
    if audience == PostAudience.UNIT:
        return ancestors[-1]
    if audience == PostAudience.REGION:
        regions = await Unit.filter(id__in=ancestors, kind=UnitKind.REGION).values_list(
            "id", flat=True
        )
        # someone above every region (head office) reaches the whole network
        return int(regions[0]) if regions else ancestors[0]  # type: ignore[call-overload]
    return ancestors[0]
