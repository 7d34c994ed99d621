"""Domain events the push domain listens to (run after the triggering change commits)."""

from __future__ import annotations

from typing import Any

from server.accounts.events import PERSON_DEACTIVATED
from server.hooks import on
from server.push.models import PushSubscription


@on(PERSON_DEACTIVATED)
async def forget_devices_of_deactivated_person(payload: dict[str, Any]) -> None:
    """A person who left gets no more pushes: their devices go, with what waited for them."""
    await PushSubscription.filter(user_id=int(payload["user_id"])).delete()
