"""Changing the indicator an action targets, after it started.

When an action plan, a challenge or a training campaign starts, continuous improvement picks
the indicator it targets from its kind (server.plans.handlers); the people who may manage the
action may later say it targets another one. They are those who may manage the action itself,
through the same rules as its own domain:

- an action plan: the managers whose scope holds its point of sale, and the people whose
  function owns satisfaction (« satisfaction », what action plans are built on) within it;
  not the point of sale's team, who run the plan but do not read the review;
- a challenge: who may manage the challenge (server.challenges.lifecycle.may_manage), with the
  « challenges » content (marketing, an agency granted it);
- a training campaign: who may manage the module (server.training.access.may_manage), with the
  « modules » content (formation, an agency granted it).

The baseline follows the indicator: the new indicator's value over the same window before the
action started is computed again (with what is known now), so before and after always compare
one indicator. The change is audited with both indicators and both baselines. An id the viewer
may not manage reads as not found."""

from __future__ import annotations

from datetime import date

from server.audit.services import record
from server.challenges.lifecycle import may_manage as may_manage_challenge
from server.challenges.models import Challenge
from server.db import atomic
from server.errors import ValidationFailed
from server.network.scope import Scope
from server.plans.errors import ImprovementActionNotFound
from server.plans.improvement import Effect, effect_now, plan_review, value_before
from server.plans.models import ImprovementAction, ImprovementKind, PerformancePlan
from server.plans.objectives import LEVERS
from server.training.access import may_manage as may_manage_module
from server.training.audience import load_audience
from server.training.models import TrainingModule


async def manageable(scope: Scope, actions: list[ImprovementAction]) -> set[int]:
    """The ids of the actions (their units loaded) the viewer may retarget: three statements
    at most, whatever their number (the review shows up to 200)."""
    found: set[int] = set()
    plans = scope.for_content("satisfaction")
    found |= {a.id for a in actions if a.kind == ImprovementKind.ACTION_PLAN and plans.manages(a.unit)}
    challenges = [a for a in actions if a.kind == ImprovementKind.CHALLENGE]
    if challenges:
        builder = scope.for_content("challenges")
        by_id = {c.id: c for c in await Challenge.filter(
            id__in=[a.subject_id for a in challenges], organization_id=scope.organization_id
        )}
        found |= {
            a.id for a in challenges
            if a.subject_id in by_id and may_manage_challenge(builder, by_id[a.subject_id], a.unit.path)
        }
    campaigns = [a for a in actions if a.kind == ImprovementKind.TRAINING_CAMPAIGN]
    if campaigns:
        author = scope.for_content("modules")
        modules = {m.id: m for m in await TrainingModule.filter(
            id__in=[a.subject_id for a in campaigns], organization_id=scope.organization_id
        )}
        audience = await load_audience(scope.organization_id, list(modules))
        found |= {
            a.id for a in campaigns if a.subject_id in modules and may_manage_module(author, modules[a.subject_id], audience)
        }
    return found


async def review_with_rights(scope: Scope, plan_id: int, today: date) -> tuple[PerformancePlan, list[Effect], set[int]]:
    """The plan's review (server.plans.improvement.plan_review) and which of its actions the
    viewer may retarget, so the app offers the change only there."""
    plan, effects = await plan_review(scope, plan_id, today)
    return plan, effects, await manageable(scope, [e.action for e in effects])


async def set_action_indicator(scope: Scope, action_id: int, indicator: str, today: date) -> Effect:
    """The action now targets `indicator`, its baseline computed again over the same window."""
    action = await ImprovementAction.get_or_none(id=action_id, organization_id=scope.organization_id).select_related("unit")
    if action is None or action.id not in await manageable(scope, [action]):
        raise ImprovementActionNotFound("actionId")
    if indicator not in LEVERS:
        raise ValidationFailed("plan_lever_invalid", "indicator")
    if indicator != action.indicator:
        baseline = await value_before(action.unit, indicator, action.started_on, action.window_days)
        before = {"indicator": action.indicator, "baseline": action.baseline}
        async with atomic():
            await ImprovementAction.filter(id=action.id).update(indicator=indicator, baseline=baseline)
            await record(scope, "improvement.indicator_changed", "improvement_action", action.id, before,
                         {"indicator": indicator, "baseline": baseline, "title": action.title})
        action.indicator, action.baseline = indicator, baseline
    return await effect_now(action, action.unit, today)
