"""Whose names a leaderboard shows to whom: the organisation's board default « anonymous outside
one's own team », in one place for every way a board is read.

- the leaderboard page, « autour de moi » and the challenge cards' leader (GraphQL queries);
- the live board (the `leaderboard` subscription), whose one payload is shared by everyone
  watching with the same `BoardAudience` (schema.fanout keys its streams by `audience.key`);
- the TV screens: a signed-in TV is its viewer's live board; a kiosk link (a showroom wall,
  nobody's team) names nobody while the default is on;
- the « X vient de vous dépasser » notification (server.challenges.announcements): a member
  passed by someone of another team reads « Un participant », without a face.

A member reads the names of the people of their own unit (their team or point of sale) and of
no one else: other rows keep their rank and score, without a name or a face. Managers and head
office read every name (they run the challenges). A person's own choice to hide from boards
and TV (`Participant.hidden`) is applied where the rows are built (server.challenges.standings,
server.challenges.movement) and holds for everyone, whatever the audience.

When head office turns the default on or off, every open board is told (a RESET marked
`audiences`): phones take a new snapshot and subscribe again, and every live stream ends, since
each was built for an audience of the old default.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from server.accounts.models import Role, User
from server.privacy.models import PrivacyPolicy


class NamedRow(Protocol):
    display_name: str | None
    user_id: int | None
    is_me: bool


@dataclass(frozen=True, slots=True)
class BoardAudience:
    """Everyone's names (`everyone`), or only those of the people of `team_unit_id` (none for
    a kiosk screen)."""

    everyone: bool
    team_unit_id: int | None = None

    @property
    def key(self) -> str:
        """Tells apart audiences that read different payloads of one board."""
        if self.everyone:
            return "all"
        return f"team:{self.team_unit_id}" if self.team_unit_id is not None else "nobody"

    def names(self, unit_id: int | None) -> bool:
        return self.everyone or (unit_id is not None and unit_id == self.team_unit_id)


EVERYONE = BoardAudience(everyone=True)


async def anonymous_outside_team(organization_id: int) -> bool:
    return await PrivacyPolicy.filter(organization_id=organization_id, boards_anonymous_outside_team=True).exists()


async def audience_of(organization_id: int, viewer: User | None, anonymous: bool | None = None) -> BoardAudience:
    """Whose names `viewer` reads on the organisation's boards; `viewer` None is a kiosk screen.
    `anonymous`: the board default when the caller read it already (with the request's session)."""
    if viewer is not None and Role(viewer.role) != Role.MEMBER:
        return EVERYONE
    if not (anonymous if anonymous is not None else await anonymous_outside_team(organization_id)):
        return EVERYONE
    return BoardAudience(everyone=False, team_unit_id=viewer.unit_id if viewer is not None else None)


async def units_of_people(user_ids: set[int]) -> dict[int, int | None]:
    return dict(await User.filter(id__in=user_ids).values_list("id", "unit_id")) if user_ids else {}


async def apply_audience(
    audience: BoardAudience, rows: Sequence[NamedRow], known: dict[int, int | None] | None = None
) -> None:
    """Takes the name off each row of a person the audience may not name: at most one query,
    for the units of the rows' people not in `known` (a live board's cache), and none when the
    audience reads every name."""
    if audience.everyone or not rows:
        return
    units = known if known is not None else {}
    missing = {r.user_id for r in rows if r.user_id is not None and not r.is_me and r.user_id not in units}
    units.update(await units_of_people(missing))
    for row in rows:
        if not row.is_me and (row.user_id is None or not audience.names(units.get(row.user_id))):
            row.display_name = None


async def anonymise_outside_team(viewer: User, rows: Sequence[NamedRow], anonymous: bool | None = None) -> None:
    """The rows as `viewer` reads them (a page of the board, « autour de moi », cards' leaders);
    `anonymous` as in `audience_of`."""
    if not rows or Role(viewer.role) != Role.MEMBER:
        return
    await apply_audience(await audience_of(viewer.organization_id, viewer, anonymous), rows)
