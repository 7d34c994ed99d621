"""The plan's continuous improvement hears an action plan, a challenge or a training campaign
start and records the indicator it targets with its value before (server.plans.improvement).

Runs after commit; a failure here never undoes the action (it is only not measured)."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from typing import Any

from server.evaluation.models import ActionPlan
from server.hooks import on
from server.network.models import Unit
from server.plans.improvement import record_action
from server.plans.models import ImprovementAction, ImprovementKind
from server.training.audience import load_audience
from server.training.models import Quiz, TrainingModule

log = logging.getLogger("elan.plans")
# a challenge's qualitative criterion names the lever it pushes; without one, its own scores
CRITERION_INDICATOR = {"TRAINING_COMPLETION": "TRAINING", "QUIZ_SCORE": "QUIZ", "SATISFACTION": "SATISFACTION"}


@on("evaluation.action_plan_changed")
async def plans_action_plan_started(payload: dict[str, Any]) -> None:
    """An action plan (built on a satisfaction score below target) targets satisfaction."""
    plan_id = int(payload["plan_id"])
    if await ImprovementAction.exists(kind=ImprovementKind.ACTION_PLAN, subject_id=plan_id):
        return
    plan = await ActionPlan.get_or_none(id=plan_id).select_related("unit")
    if plan is not None:
        await record_action(ImprovementKind.ACTION_PLAN, plan.id, plan.title, plan.unit, "SATISFACTION", plan.created_at.date())


@on("challenges.created")
async def plans_challenge_started(payload: dict[str, Any]) -> None:
    if payload.get("draft"):
        return
    unit = await Unit.get_or_none(id=int(payload["unit_id"]))
    if unit is None:
        return
    indicator = next((CRITERION_INDICATOR[c] for c in payload.get("criteria", []) if c in CRITERION_INDICATOR), "CHALLENGES")
    await record_action(
        ImprovementKind.CHALLENGE, int(payload["challenge_id"]), str(payload["title"]), unit, indicator,
        _day(payload["starts_at"]), _day(payload["ends_at"]),
    )


@on("training.module_published")
async def plans_training_campaign_started(payload: dict[str, Any]) -> None:
    """A module published to an audience is a training campaign on its audience's top unit:
    it targets the quiz results when it has a quiz, else training itself."""
    module = await TrainingModule.get_or_none(id=int(payload["module_id"]))
    if module is None:
        return
    audience = await load_audience(module.organization_id, [module.id])
    paths = sorted(audience.unit_paths(module.id), key=len)
    unit = await (
        Unit.get_or_none(organization_id=module.organization_id, path=paths[0]) if paths
        else Unit.get_or_none(organization_id=module.organization_id, parent_id=None)
    )
    if unit is None:
        return
    dues = [t.due_at for t in audience.targets.get(module.id, []) if t.due_at is not None]
    indicator = "QUIZ" if await Quiz.exists(module_id=module.id) else "TRAINING"
    await record_action(
        ImprovementKind.TRAINING_CAMPAIGN, module.id, module.title, unit, indicator,
        (module.published_at or datetime.now(UTC)).date(), max(dues).date() if dues else None,
    )


def _day(text: str) -> date:
    return datetime.fromisoformat(text).date()
