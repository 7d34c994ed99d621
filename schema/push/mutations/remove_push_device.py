"""removePushDevice: from the settings screen, any of the viewer's devices."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotFoundError, to_user_error
from schema.ids import parse_id
from schema.permissions import signed_in
from schema.push.types import PushDevice, as_device
from server.errors import DomainError
from server.push import services


@strawberry.type
class RemovePushDeviceSuccess:
    devices: list[PushDevice] = strawberry.field(description="The devices left.")


RemovePushDeviceResult = Annotated[
    RemovePushDeviceSuccess | NotFoundError, strawberry.union("RemovePushDeviceResult")
]


async def remove_push_device(info: Info, id: strawberry.ID) -> RemovePushDeviceResult:
    viewer = signed_in(info)
    try:
        await services.remove_device(viewer, parse_id(id))
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return RemovePushDeviceSuccess(devices=[as_device(s) for s in await services.devices_of(viewer)])
