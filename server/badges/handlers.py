"""Domain events the badges domain listens to (run after the triggering change commits)."""

from __future__ import annotations

from typing import Any

from tortoise.exceptions import IntegrityError

from server.badges import past_earners  # noqa: F401  (registers the backfill sources)
from server.badges.awarding import grant_label_from_assessment
from server.badges.models import Podium
from server.badges.rules import DEFINITIONS, evaluate
from server.hooks import on


def _evaluator(event: str) -> Any:
    async def evaluate_rules(payload: dict[str, Any]) -> None:
        await evaluate(event, payload)

    evaluate_rules.__name__ = f"badge_rules_on_{event.replace('.', '_')}"
    return evaluate_rules


for _event in sorted({definition.event for definition in DEFINITIONS.values()} - {"challenges.podium"}):
    on(_event)(_evaluator(_event))


@on("challenges.podium")
async def record_podium_and_evaluate(payload: dict[str, Any]) -> None:
    try:
        await Podium.create(
            organization_id=int(payload["organization_id"]),
            user_id=int(payload["user_id"]),
            challenge_id=int(payload["challenge_id"]),
            rank=int(payload["rank"]),
        )
    except IntegrityError:
        pass  # heard before: the profile counts it once
    await evaluate("challenges.podium", payload)


@on("evaluation.assessment_passed")
async def grant_label(payload: dict[str, Any]) -> None:
    await grant_label_from_assessment(payload)
