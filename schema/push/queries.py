"""Reading the server's push key, the viewer's devices and push preferences."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.permissions import signed_in
from schema.push.types import PushDevice, PushPreferences, as_device, as_preferences
from server.push import services, vapid
from server.push.preferences import shown_preferences


@strawberry.type
class PushQuery:
    @strawberry.field(
        description="The VAPID public key (base64url) to pass to PushManager.subscribe."
    )
    def vapid_public_key(self) -> str:
        return vapid.public_key()

    @strawberry.field(description="The viewer's devices registered for push notifications.")
    async def push_devices(self, info: Info) -> list[PushDevice]:
        return [as_device(s) for s in await services.devices_of(signed_in(info))]

    @strawberry.field(description="Which kinds the viewer gets as push, and quiet hours.")
    async def push_preferences(self, info: Info) -> PushPreferences:
        return as_preferences(await shown_preferences(signed_in(info)))
