"""createBadge: head office adds a badge or a label to the catalogue."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.badges.types import Badge
from schema.context import Info
from schema.errors import NotAllowedError, ValidationError
from schema.permissions import signed_in
from server.badges import catalogue
from server.badges.models import AwardPolicy, BadgeCategory, BadgeKind
from server.badges.rows import BadgeRow


@strawberry.input
class CreateBadgeInput:
    name: str
    kind: BadgeKind = BadgeKind.BADGE
    description: str = ""
    emoji: str | None = strawberry.field(default=None, description="An emoji, when there is no image.")
    image_base64: str | None = strawberry.field(
        default=None, description="A JPEG, PNG or WebP image (base64 or data: URL), 2 MB at most."
    )
    category: BadgeCategory = BadgeCategory.SALES
    criteria: str = ""
    repeatable: bool = False
    validity_days: int | None = None
    award_policy: AwardPolicy = AwardPolicy.MANAGERS
    levels: list[str] = strawberry.field(default_factory=list, description="Levels of a label, lowest first.")


@strawberry.type
class CreateBadgeSuccess:
    badge: Badge


CreateBadgeResult = Annotated[
    CreateBadgeSuccess | ValidationError | NotAllowedError, strawberry.union("CreateBadgeResult")
]


async def create_badge(info: Info, input: CreateBadgeInput) -> CreateBadgeResult:
    actor = signed_in(info)
    badge = await catalogue.create_badge(
        actor,
        catalogue.NewBadge(
            name=input.name, kind=BadgeKind(input.kind), description=input.description,
            emoji=input.emoji, image_base64=input.image_base64, category=BadgeCategory(input.category),
            criteria=input.criteria, repeatable=input.repeatable, validity_days=input.validity_days,
            award_policy=AwardPolicy(input.award_policy), levels=list(input.levels),
        ),
    )
    return CreateBadgeSuccess(badge=cast(Badge, BadgeRow.of(badge)))
