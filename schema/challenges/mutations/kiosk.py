"""createKioskLink, revokeKioskLink: a manager's showroom links to a challenge's TV board."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.challenges.kiosk import KioskLink, as_kiosk_link
from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of
from server.challenges import kiosk
from server.settings import get_settings


@strawberry.type
class CreateKioskLinkSuccess:
    link: KioskLink
    url: str = strawberry.field(description="The kiosk link to open on the screen, shown only now.")


CreateKioskLinkResult = Annotated[
    CreateKioskLinkSuccess | ValidationError | NotAllowedError | NotFoundError, strawberry.union("CreateKioskLinkResult"),
]


async def create_kiosk_link(info: Info, challenge_id: strawberry.ID, label: str) -> CreateKioskLinkResult:
    link, secret = await kiosk.create_kiosk_link(scope_of(info), parse_id(challenge_id), label)
    return CreateKioskLinkSuccess(link=as_kiosk_link(link), url=get_settings().public_link(f"/kiosk/{secret}"))


@strawberry.type
class RevokeKioskLinkSuccess:
    link: KioskLink


RevokeKioskLinkResult = Annotated[
    RevokeKioskLinkSuccess | NotAllowedError | NotFoundError, strawberry.union("RevokeKioskLinkResult"),
]


async def revoke_kiosk_link(info: Info, link_id: strawberry.ID) -> RevokeKioskLinkResult:
    return RevokeKioskLinkSuccess(link=as_kiosk_link(await kiosk.revoke_kiosk_link(scope_of(info), parse_id(link_id))))
