"""Reading recognition: the catalogue, a person, a unit's wall of fame, awardable people."""

from __future__ import annotations

from typing import cast

import strawberry

from schema.accounts.types import User
from schema.badges.types import Award, Badge, BadgeRule, WallOfFame
from schema.context import Info
from schema.ids import parse_id
from schema.permissions import scope_of, signed_in
from server.badges import catalogue, reading, rules
from server.badges.rows import BadgeRow
from server.network.errors import UnitNotFound


@strawberry.type
class BadgesQuery:
    @strawberry.field(description="The organisation's badge and label catalogue.")
    async def badges(self, info: Info, include_retired: bool = False) -> list[Badge]:
        viewer = signed_in(info)
        found = await catalogue.list_badges(viewer, include_retired)
        return [cast(Badge, BadgeRow.of(b)) for b in found]

    @strawberry.field(description="A person of the organisation (profile: awards, labels, counts).")
    async def user(self, info: Info, id: strawberry.ID) -> User | None:
        return cast(User, await reading.person(scope_of(info), parse_id(id)))

    @strawberry.field(description="One award, or null when it isn't visible.")
    async def award(self, info: Info, id: strawberry.ID) -> Award | None:
        return cast(Award | None, await reading.award_by_id(scope_of(info), parse_id(id)))

    @strawberry.field(description="A unit's wall of fame (the viewer's unit by default).")
    async def wall_of_fame(self, info: Info, unit_id: strawberry.ID | None = None) -> WallOfFame | None:
        try:
            wall = await reading.wall_of_fame(scope_of(info), parse_id(unit_id) if unit_id else None)
        except UnitNotFound:
            return None
        return cast(WallOfFame, wall)

    @strawberry.field(description="People the viewer may award a badge to, by name (managers, admins).")
    async def awardable_people(self, info: Info, search: str | None = None) -> list[User]:
        return cast(list[User], await reading.awardable_people(scope_of(info), search))

    @strawberry.field(description="Rules that award badges automatically (head office only).")
    async def badge_rules(self, info: Info) -> list[BadgeRule]:
        return cast(list[BadgeRule], await rules.list_rules(signed_in(info)))
