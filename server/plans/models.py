"""The performance plan (plan d'animation): a period's levers and their objectives."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class PerformancePlan(Model):
    """Head office groups a period's challenges, trainings, badges and satisfaction targets.

    Challenges and badges live in other domains: their ids are kept as plain lists, read
    through those domains when the plan page is built.
    """

    id = fields.IntField(primary_key=True)
    organization_id = fields.IntField(db_index=True)
    name = fields.CharField(max_length=120)
    starts_on = fields.DateField()
    ends_on = fields.DateField()
    module_ids: list[int] = fields.JSONField(default=list)  # type: ignore[assignment]
    quiz_ids: list[int] = fields.JSONField(default=list)  # type: ignore[assignment]
    challenge_ids: list[int] = fields.JSONField(default=list)  # type: ignore[assignment]
    badge_ids: list[int] = fields.JSONField(default=list)  # type: ignore[assignment]
    # objectives per lever, in percent (0–100) or index points
    training_completion_target = fields.FloatField(default=80)
    quiz_average_target = fields.FloatField(default=70)
    satisfaction_index_target = fields.FloatField(default=80)
    skills_level_target = fields.FloatField(default=3)  # the mean skill level (1–4) to reach
    # which function owns each lever ({"TRAINING": function id, …}); objectives default to it
    lever_owners: dict[str, int] = fields.JSONField(default=dict)  # type: ignore[assignment]
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "performance_plan"


class PlanPeriod(StrEnum):
    """The stretch of time an objective is for: the plan's whole period, a quarter or a month."""

    PLAN = "PLAN"
    QUARTER = "QUARTER"
    MONTH = "MONTH"


class PlanObjective(Model):
    """An objective of a plan for one lever, one unit's subtree and one period.

    A unit without an objective of its own takes the nearest one above it (head office's, a
    region's), so an objective set on a region is spread to every point of sale under it until
    one of them gets its own (an override). A month without one takes its quarter's, a quarter
    the plan's period's, and that the plan's own default target. Every change is audited
    (server.audit, action `objective.set`), which is the objective's history."""

    id = fields.IntField(primary_key=True)
    organization_id = fields.IntField(db_index=True)
    plan: fields.ForeignKeyRelation[PerformancePlan] = fields.ForeignKeyField(
        "elan.PerformancePlan", related_name="objectives", on_delete=fields.CASCADE
    )
    unit: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.Unit", related_name="plan_objectives", on_delete=fields.CASCADE
    )
    lever = fields.CharField(max_length=20)
    period = fields.CharEnumField(PlanPeriod, max_length=10, default=PlanPeriod.PLAN)
    period_start = fields.DateField()
    target = fields.FloatField()
    # the function (server.network.function_models.Function) whose people own this objective
    owner_function_id = fields.IntField(null=True)
    set_by_id = fields.IntField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    plan_id: int
    unit_id: int

    class Meta:
        table = "plan_objective"
        unique_together = (("plan_id", "unit_id", "lever", "period", "period_start"),)


class ImprovementKind(StrEnum):
    ACTION_PLAN = "ACTION_PLAN"
    CHALLENGE = "CHALLENGE"
    TRAINING_CAMPAIGN = "TRAINING_CAMPAIGN"


class ImprovementAction(Model):
    """An action plan, a challenge or a training campaign, as the plan's continuous improvement
    sees it: the indicator (a lever) it targets on its unit, that indicator's value over the
    window before it started (recorded when it started), and its dates. The effect after is
    measured when read (server.plans.improvement)."""

    id = fields.IntField(primary_key=True)
    organization_id = fields.IntField(db_index=True)
    kind = fields.CharEnumField(ImprovementKind, max_length=20)
    subject_id = fields.IntField()
    title = fields.CharField(max_length=120)
    unit: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "elan.Unit", related_name="improvement_actions", on_delete=fields.CASCADE
    )
    indicator = fields.CharField(max_length=20)
    baseline = fields.FloatField(null=True)
    window_days = fields.IntField(default=30)
    started_on = fields.DateField()
    ends_on = fields.DateField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    unit_id: int

    class Meta:
        table = "improvement_action"
        unique_together = (("kind", "subject_id"),)
