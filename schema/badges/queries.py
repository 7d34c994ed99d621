"""Reading recognition: the catalogue, a person, a unit's wall of fame, awardable people."""

from __future__ import annotations

from typing import cast

import strawberry

from schema.accounts.types import User
from schema.badges.types import Award, Badge, BadgeRule, WallOfFame
from schema.context import Info
from schema.ids import parse_id
from schema.permissions import signed_in
from server.accounts.models import Role
from server.accounts.models import User as UserModel
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
        viewer = signed_in(info)
        person = (
            await UserModel.filter(id=parse_id(id), organization_id=viewer.organization_id)
            .select_related("unit")
            .first()
        )
        return cast(User, person)

    @strawberry.field(description="One award, or null when it isn't visible.")
    async def award(self, info: Info, id: strawberry.ID) -> Award | None:
        viewer = signed_in(info)
        return cast(Award | None, await reading.award_by_id(viewer, parse_id(id)))

    @strawberry.field(description="A unit's wall of fame (the viewer's unit by default).")
    async def wall_of_fame(self, info: Info, unit_id: strawberry.ID | None = None) -> WallOfFame | None:
        viewer = signed_in(info)
        try:
            wall = await reading.wall_of_fame(viewer, parse_id(unit_id) if unit_id else None)
        except UnitNotFound:
            return None
        return cast(WallOfFame, wall)

    @strawberry.field(description="People the viewer may award a badge to, by name (managers, admins).")
    async def awardable_people(self, info: Info, search: str | None = None) -> list[User]:
        viewer = signed_in(info)
        return cast(list[User], await reading.awardable_people(viewer, search))

    @strawberry.field(description="Rules that award badges automatically (head office only).")
    async def badge_rules(self, info: Info) -> list[BadgeRule]:
        viewer = signed_in(info)
        if viewer.role != Role.ADMIN:
            return []
        return cast(list[BadgeRule], await rules.list_rules(viewer))
