"""The organisation's board default « anonymous outside one's own team », applied to the
leaderboard rows a person reads (server.challenges.standings builds them; the GraphQL layer
calls this on the page and on « autour de moi » before answering).

A member reads the names of the people of their own unit (their team or point of sale) and of
no one else: other rows keep their rank, unit and score, without a name. Managers and head
office read every name (they run the challenges). Two queries whatever the page size: the
policy, and the units of the page's people. Live updates pushed to subscribers and the TV
screen are shared by everyone watching a board and are not filtered here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from server.accounts.models import Role, User
from server.privacy.models import PrivacyPolicy


class NamedRow(Protocol):
    display_name: str | None
    user_id: int | None
    is_me: bool


async def anonymise_outside_team(viewer: User, rows: Sequence[NamedRow]) -> None:
    """Takes the names off the rows of people outside the viewer's unit, when the policy says so."""
    if not rows or Role(viewer.role) != Role.MEMBER:
        return
    anonymous = await PrivacyPolicy.filter(organization_id=viewer.organization_id, boards_anonymous_outside_team=True).exists()
    if not anonymous:
        return
    people = {r.user_id for r in rows if r.user_id is not None and not r.is_me}
    units = dict(await User.filter(id__in=people).values_list("id", "unit_id")) if people else {}
    for row in rows:
        if row.is_me:
            continue
        if row.user_id is None or units.get(row.user_id) != viewer.unit_id:
            row.display_name = None
