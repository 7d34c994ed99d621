"""Turns the domain events that change a figure into one live dashboard event.

Runs after commit; the message names the unit path (and person) concerned, so each open
dashboard recomputes only when the change is inside what it shows."""

from __future__ import annotations

from typing import Any

from server.accounts.models import User
from server.bus import get_bus
from server.dashboards.events import dashboard_channel
from server.hooks import on
from server.network.models import Unit

PERSON_EVENTS = (
    "training.progress_recorded",
    "training.module_completed",
    "training.quiz_attempted",
    "badges.awarded",
)
UNIT_EVENTS = ("evaluation.satisfaction_recorded", "evaluation.action_plan_changed", "plans.objective_set")


async def _publish(kind: str, organization_id: int, unit_path: str, user_id: int | None, **extra: Any) -> None:
    await get_bus().publish(
        dashboard_channel(organization_id), {"kind": kind, "unitPath": unit_path, "userId": user_id, **extra}
    )


def _person_handler(name: str) -> Any:
    async def person_changed(payload: dict[str, Any]) -> None:
        user_id = payload.get("user_id") or payload.get("participant_id")
        if user_id is None:
            return
        found = await User.filter(id=int(user_id)).values_list("unit__path", flat=True)
        if found:
            await _publish(name, int(payload["organization_id"]), str(found[0]), int(user_id))

    person_changed.__name__ = f"dashboard_{name.replace('.', '_')}"
    return person_changed


def _unit_handler(name: str) -> Any:
    async def unit_changed(payload: dict[str, Any]) -> None:
        found = await Unit.filter(id=int(payload["unit_id"])).values_list("path", flat=True)
        if found:
            await _publish(name, int(payload["organization_id"]), str(found[0]), None)

    unit_changed.__name__ = f"dashboard_{name.replace('.', '_')}"
    return unit_changed


@on("challenges.result_saved")
@on("challenges.result_recorded")
async def dashboard_challenges_result_recorded(payload: dict[str, Any]) -> None:
    """A result was recorded: its person's (or its unit's) dashboards recompute; when it moved a
    challenge, so do the other participants' own dashboards (the message names the challenge)."""
    organization_id = int(payload["organization_id"])
    extra = {"challengeId": int(payload["challenge_id"])} if payload.get("challenge_id") else {}
    path: str | None = payload.get("unit_path")  # given when the recording knew it, else looked up
    if path is None and payload.get("user_id") is not None:
        found = await User.filter(id=int(payload["user_id"])).values_list("unit__path", flat=True)
        path = str(found[0]) if found else None
    elif path is None and payload.get("unit_id") is not None:
        found = await Unit.filter(id=int(payload["unit_id"])).values_list("path", flat=True)
        path = str(found[0]) if found else None
    if path is not None:
        user_id = int(payload["user_id"]) if payload.get("user_id") is not None else None
        await _publish("challenges.result_recorded", organization_id, path, user_id, **extra)


for _name in PERSON_EVENTS:
    on(_name)(_person_handler(_name))
for _name in UNIT_EVENTS:
    on(_name)(_unit_handler(_name))
