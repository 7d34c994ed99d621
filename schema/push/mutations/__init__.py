"""The push domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
from schema.push.mutations.register_push_subscription import (
    RegisterPushSubscriptionResult,
    UnregisterPushSubscriptionSuccess,
    register_push_subscription,
    unregister_push_subscription,
)
from schema.push.mutations.remove_push_device import RemovePushDeviceResult, remove_push_device
from schema.push.mutations.update_push_preferences import (
    UpdatePushPreferencesResult,
    update_push_preferences,
)


@strawberry.type
class PushMutation:
    register_push_subscription: RegisterPushSubscriptionResult = mutation(
        resolver=register_push_subscription,
        description="Register this browser's push subscription for the viewer: at most 10 devices per person "
        "(the least recently used is dropped). An endpoint another person registered moves only when its keys "
        "(p256dh, auth) are the ones stored, else ConflictError. Only known push services are accepted.",
    )
    unregister_push_subscription: UnregisterPushSubscriptionSuccess = mutation(
        resolver=unregister_push_subscription,
        description="Stop pushing to this endpoint (e.g. when the browser unsubscribed).",
    )
    remove_push_device: RemovePushDeviceResult = mutation(
        resolver=remove_push_device, description="Stop pushing to one of the viewer's devices."
    )
    update_push_preferences: UpdatePushPreferencesResult = mutation(
        resolver=update_push_preferences,
        description="Switch kinds of push on or off and set quiet hours.",
    )
