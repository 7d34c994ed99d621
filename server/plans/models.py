"""The performance plan (plan d'animation): a period's levers and their objectives."""

from __future__ import annotations

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
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "performance_plan"
