"""Who reads and who moderates a post: the feed's audience rules, in one place.

Expressed with the network's `Scope` (server.network.scope), and used by reading, live
events, photos (`GET /media/…`), suggestions and the feed's page statement alike
(`readable`/`visible` as query filters, `visible_sql` as SQL):

- a post is **read** by everyone who belongs to its audience unit (at or below it) and by
  the managers whose subtree holds that unit (`Scope.sees_path`), inside its organisation;
- a post is **moderated** (hidden, its comments removed, a system post deleted) by the
  managers whose subtree holds the unit it was written from (`Scope.manages_path`);
- a hidden post stays readable by its author and its moderators only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tortoise.expressions import Q

from server.feed.models import PostAudience
from server.network.models import Unit, UnitKind
from server.network.scope import Scope


def reads(scope: Scope, audience_path: str) -> bool:
    """Whether the viewer reads a post of this audience ("/" for the whole organisation)."""
    return scope.sees_path(audience_path)


def moderates(scope: Scope, unit_path: str) -> bool:
    """Whether the viewer moderates a post written from the unit at `unit_path`."""
    return scope.manages_path(unit_path)


def reads_hidden(scope: Scope, author_id: int, unit_path: str) -> bool:
    """A hidden post: only its author and its moderators."""
    return author_id == scope.user_id or moderates(scope, unit_path)


def readable(scope: Scope, prefix: str = "") -> Q:
    """Posts (reached by `prefix`, e.g. "post__") of the viewer's organisation whose audience
    the viewer reads, hidden ones included (see `visible`)."""
    if not scope.in_community:  # a partner agency reads no post (server.agency)
        return _q(f"{prefix}id__in", [])
    audience = _q(f"{prefix}audience_unit_id__in", scope.ancestor_ids) | _q(f"{prefix}audience_unit_id", None)
    if scope.is_manager:
        audience |= _q(f"{prefix}audience_unit__path__startswith", scope.act_path)
    return audience & _q(f"{prefix}organization_id", scope.organization_id)


def visible(scope: Scope, prefix: str = "") -> Q:
    """`readable` without the hidden posts: what a feed, a count or a suggestion may show."""
    return readable(scope, prefix) & _q(f"{prefix}hidden_at", None)


def _q(lookup: str, value: Any) -> Q:
    condition: dict[str, Any] = {lookup: value}
    return Q(**condition)


def visible_sql(scope: Scope, p: Callable[[Any], str]) -> str:
    """`visible` as SQL over `post p` joined to its audience `unit aud`, for the feed's page
    statement (server.feed.page_query); `p` writes a value's placeholder."""
    ancestors = ", ".join(p(unit_id) for unit_id in scope.ancestor_ids) or "NULL"
    condition = (
        f"p.organization_id = {p(scope.organization_id if scope.in_community else -1)} AND p.hidden_at IS NULL AND ("
        f"p.audience_unit_id IN ({ancestors}) OR p.audience_unit_id IS NULL"
    )
    if scope.is_manager:
        condition += f" OR aud.path LIKE {p(scope.act_path + '%')}"
    return condition + ")"


async def audience_unit_id(scope: Scope, audience: PostAudience) -> int:
    """The unit a new post of the viewer is addressed to."""
    ancestors = scope.ancestor_ids
    if audience == PostAudience.UNIT:
        return ancestors[-1]
    if audience == PostAudience.REGION:
        regions: list[Any] = await Unit.filter(id__in=ancestors, kind=UnitKind.REGION).values_list("id", flat=True)
        # someone above every region (head office) reaches the whole network
        return int(regions[0]) if regions else ancestors[0]
    return ancestors[0]


def audience_of(unit: Unit) -> PostAudience:
    """How a post addressed to `unit` (e.g. a challenge's scope) is labelled."""
    if unit.parent_id is None:
        return PostAudience.NETWORK
    return PostAudience.REGION if unit.kind == UnitKind.REGION else PostAudience.UNIT
