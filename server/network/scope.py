"""Who may see or change what: the one owner of scope rules (DESIGN.md, « Scope has one owner »).

A `Scope` is the viewer's place in the network, loaded once per request or socket:
its organisation, its role and two paths of the unit tree (materialised paths, "/1/4/9/").

- **belongs to** a unit: the viewer is at or below it (a seller belongs to her point of sale,
  its distributor, its region and head office). Audiences a viewer belongs to reach it.
- **acts in** a unit: the unit is inside what the viewer may change. A member acts within
  their point of sale (a member attached to a team acts in the team's point of sale), a
  manager within their unit's subtree, an admin in the whole organisation. Never above.
- **manages** a unit: a manager or an admin acting in it (members manage nothing).
- **sees** an audience: belongs to it, or manages it (a manager reads what sits below).

Every service that takes an id from a client checks the thing it names through one of these
predicates (or filters a query with `subtree_filter`). Nothing else decides scope: not the
GraphQL layer, not a domain's own helper. An integration token is a scope too: it acts and
manages within the subtree an admin granted it, and belongs to nothing.

Two more kinds of reach, each decided here too:
- **functions** (server.network.functions): a head-office person whose function owns some
  content (« challenges », « modules », « satisfaction », « objectives.<lever> ») carries it in
  `content`; a service managing that content decides with `scope.for_content(name)`, a
  manager's scope over what the person acts in, and nothing else is widened.
- **partner agencies** (server.agency): an agency's person working on a brand has the role
  AGENCY there: it belongs to nothing, acts in nothing by itself and reads no post; only
  `for_content` of what its grant lists (and « dashboards » to read them) lets it manage.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from tortoise.expressions import Q

from server.errors import NotAllowed
from server.network.models import Unit, UnitKind

if TYPE_CHECKING:
    from server.accounts.models import User

# role names (server.accounts.models.Role values), kept as strings so network stays a leaf
ADMIN, MANAGER, MEMBER, TOKEN = "ADMIN", "MANAGER", "MEMBER", "TOKEN"
# a partner agency's person working on a brand's network (server.agency): belongs to nothing
# there, manages only the content its grant lists (`for_content`)
AGENCY = "AGENCY"


@dataclass(frozen=True, slots=True)
class Scope:
    organization_id: int
    role: str
    unit_id: int
    unit_path: str  # the viewer's own unit (a token's granted unit)
    act_path: str  # the top of what the viewer may change (see the module docstring)
    user: User | None = field(default=None, compare=False)
    token_id: int | None = None
    # what the viewer's head-office functions let it manage without being an admin
    # (server.network.functions: "challenges", "modules", "satisfaction", "objectives.<lever>")
    content: frozenset[str] = frozenset()
    agency_id: int | None = None  # the agency organisation, for a partner agency's person

    # --- who
    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user is not None else None

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    @property
    def is_manager(self) -> bool:
        """A manager or an admin (or an integration token): someone who manages a subtree."""
        return self.role in (ADMIN, MANAGER, TOKEN)

    @property
    def ancestor_ids(self) -> list[int]:
        """The viewer's unit and every unit above it, top first: the units it belongs to."""
        return path_ids(self.unit_path) if self.role != AGENCY else []

    @property
    def own_unit(self) -> Unit | None:
        """The viewer's own unit when the session read it along with the person (every request
        and socket does: server.accounts.sessions), so that nothing asks for it again; else None."""
        found = getattr(self.user, "_unit", None)
        return found if isinstance(found, Unit) and found.path == self.unit_path else None

    @property
    def in_community(self) -> bool:
        """Not a partner agency's person: one who may read the network's feed."""
        return self.role != AGENCY

    # --- predicates on a unit (anything with organization_id and path) or a bare path
    def belongs_to(self, unit: Any) -> bool:
        return self._same_org(unit) and self.role not in (TOKEN, AGENCY) and self.unit_path.startswith(_path(unit))

    def acts_in(self, unit: Any) -> bool:
        return self._same_org(unit) and self.role != AGENCY and _path(unit).startswith(self.act_path)

    def manages(self, unit: Any) -> bool:
        return self.is_manager and self.acts_in(unit)

    def sees(self, unit: Any) -> bool:
        return self.belongs_to(unit) or self.manages(unit)

    def sees_path(self, path: str) -> bool:
        """`sees` for a path already known to be of the viewer's organisation."""
        return (self.role not in (TOKEN, AGENCY) and self.unit_path.startswith(path)) or (
            self.is_manager and path.startswith(self.act_path)
        )

    def manages_path(self, path: str) -> bool:
        """`manages` for a path already known to be of the viewer's organisation."""
        return self.is_manager and path.startswith(self.act_path)

    # --- the same, raising
    def require_acts_in(self, unit: Any, error: Exception | None = None) -> None:
        if not self.acts_in(unit):
            raise error or NotAllowed()

    def require_manages(self, unit: Any, error: Exception | None = None) -> None:
        if not self.manages(unit):
            raise error or NotAllowed()

    def require_sees(self, unit: Any, error: Exception | None = None) -> None:
        if not self.sees(unit):
            raise error or NotAllowed()

    def require_manager(self) -> None:
        if not self.is_manager:
            raise NotAllowed()

    def require_admin(self) -> None:
        if not self.is_admin:
            raise NotAllowed()

    # --- content owned by a function (server.network.functions)
    def may_manage(self, content: str) -> bool:
        """Head office, or a person whose function owns that content."""
        return self.is_admin or content in self.content

    def manages_content(self, unit: Any, content: str) -> bool:
        """Manages the unit, or acts in it and owns that content through a function."""
        return self.manages(unit) or (content in self.content and self.acts_in(unit))

    def require_manages_content(self, unit: Any, content: str, error: Exception | None = None) -> None:
        if not self.manages_content(unit, content):
            raise error or NotAllowed()

    def for_content(self, content: str) -> Scope:
        """The scope a service managing `content` decides with: this one, or, for someone whose
        function (or agency grant) owns that content, a manager's over what it acts in. The
        services concerned call it first; nothing else is widened (people, messages, results)."""
        if self.is_manager or content not in self.content:
            return self
        return replace(self, role=MANAGER)

    # --- queries
    def subtree_filter(self, prefix: str = "unit__") -> Q:
        """Rows whose unit (reached by `prefix`) is where the viewer acts, in its organisation.

        `prefix` is the relation path to the unit: "unit__" for a model with a `unit` foreign
        key, "" for Unit itself."""
        conditions: dict[str, Any] = {
            f"{prefix}organization_id": self.organization_id,
            f"{prefix}path__startswith": self.act_path,
        }
        return Q(**conditions)

    def _same_org(self, unit: Any) -> bool:
        return bool(getattr(unit, "organization_id", None) == self.organization_id)


def _path(unit: Any) -> str:
    return str(unit.path)


def path_ids(path: str) -> list[int]:
    return [int(part) for part in path.strip("/").split("/") if part]


def _root_path(unit_path: str) -> str:
    ids = path_ids(unit_path)
    return f"/{ids[0]}/" if ids else unit_path


async def scope_of_user(user: User, unit: Unit | None = None, point_of_sale_path: str | None = None) -> Scope:
    """The scope of a signed-in person: one query for its unit (none when `unit` is given),
    and one more only for a member of a team, to find the team's point of sale (none when
    the session's statement found it: `point_of_sale_path`)."""
    if unit is None or unit.id != user.unit_id:
        unit = await Unit.get(id=user.unit_id)
    role = str(user.role)
    if role == ADMIN:
        act_path = _root_path(unit.path)
    elif role == MANAGER:
        act_path = unit.path
    elif unit.kind == UnitKind.TEAM and point_of_sale_path is not None:
        act_path = point_of_sale_path
    else:
        act_path = await _point_of_sale_path(unit)
    content: frozenset[str] = frozenset()
    if role != ADMIN and unit.parent_id is None:  # head-office people may carry functions
        from server.network.functions import content_of

        content = await content_of(user.id)
        if not content:  # or be a partner agency's people, working on a brand
            from server.agency.services import agency_scope

            found = await agency_scope(user)
            if found is not None:
                return found
    return Scope(
        organization_id=user.organization_id,
        role=role,
        unit_id=unit.id,
        unit_path=unit.path,
        act_path=act_path,
        user=user,
        content=content,
    )


def scope_of_token(organization_id: int, token_id: int, unit: Unit) -> Scope:
    """An integration token acts within the unit it was granted."""
    return Scope(
        organization_id=organization_id,
        role=TOKEN,
        unit_id=unit.id,
        unit_path=unit.path,
        act_path=unit.path,
        token_id=token_id,
    )


async def _point_of_sale_path(unit: Unit) -> str:
    """Where a member acts: its point of sale, the one above its team, or its own unit."""
    if unit.kind != UnitKind.TEAM:
        return unit.path
    found = await (
        Unit.filter(id__in=path_ids(unit.path), kind=UnitKind.POINT_OF_SALE)
        .order_by("-path")
        .values_list("path", flat=True)
    )
    return str(found[0]) if found else unit.path
