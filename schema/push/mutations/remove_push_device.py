"""removePushDevice: from the settings screen, any of the viewer's devices."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotFoundError
from schema.ids import parse_id
from schema.permissions import signed_in
from schema.push.types import PushDevice, as_device
from server.push import services


@strawberry.type
class RemovePushDeviceSuccess:
    devices: list[PushDevice] = strawberry.field(description="The devices left.")


RemovePushDeviceResult = Annotated[
    RemovePushDeviceSuccess | NotFoundError, strawberry.union("RemovePushDeviceResult")
]


async def remove_push_device(info: Info, id: strawberry.ID) -> RemovePushDeviceResult:
    devices = await services.remove_device(signed_in(info), parse_id(id))
    return RemovePushDeviceSuccess(devices=[as_device(s) for s in devices])
