"""registerPushSubscription and unregisterPushSubscription."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import ConflictError, ValidationError
from schema.permissions import signed_in
from schema.push.types import PushDevice, as_device
from server.push import services


@strawberry.type
class RegisterPushSubscriptionSuccess:
    device: PushDevice


RegisterPushSubscriptionResult = Annotated[
    RegisterPushSubscriptionSuccess | ValidationError | ConflictError,
    strawberry.union("RegisterPushSubscriptionResult"),
]


async def register_push_subscription(
    info: Info,
    endpoint: str,
    p256dh: str,
    auth: str,
    user_agent: str = "",
    language: Annotated[
        str | None,
        strawberry.argument(description="The language the app speaks on this device (fr or en): the person's "
                            "alerts are written in it."),
    ] = None,
) -> RegisterPushSubscriptionResult:
    subscription = await services.register_subscription(
        signed_in(info), endpoint, p256dh, auth, user_agent or info.context.user_agent, language
    )
    return RegisterPushSubscriptionSuccess(device=as_device(subscription))


@strawberry.type
class UnregisterPushSubscriptionSuccess:
    removed: bool = strawberry.field(description="False when no such device was registered.")


async def unregister_push_subscription(info: Info, endpoint: str) -> UnregisterPushSubscriptionSuccess:
    viewer = signed_in(info)
    return UnregisterPushSubscriptionSuccess(
        removed=await services.unregister_subscription(viewer, endpoint)
    )
