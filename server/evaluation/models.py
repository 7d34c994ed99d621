"""Skills grids and assessments, customer satisfaction, and action plans."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from server.accounts.models import Role


class SkillsGrid(Model):
    """The skills expected in a job (« Vendeur », « Chef des ventes »), each scored 1–4."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.Organization", related_name="skills_grids", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=80)
    role = fields.CharEnumField(Role, max_length=10, default=Role.MEMBER)
    # the label (a badge of the badges domain) a passed assessment against this grid grants
    label_badge_id = fields.IntField(null=True)

    organization_id: int

    class Meta:
        table = "skills_grid"


class Skill(Model):
    id = fields.IntField(primary_key=True)
    grid: fields.ForeignKeyRelation[SkillsGrid] = fields.ForeignKeyField(
        "elan.SkillsGrid", related_name="skills", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    name = fields.CharField(max_length=80)
    descriptors: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]  # four texts: what level 1, 2, 3, 4 look like

    grid_id: int

    class Meta:
        table = "skill"


class AssessmentOutcome(StrEnum):
    PASSED = "PASSED"
    NOT_PASSED = "NOT_PASSED"


class Assessment(Model):
    id = fields.IntField(primary_key=True)
    organization_id = fields.IntField(db_index=True)
    grid: fields.ForeignKeyRelation[SkillsGrid] = fields.ForeignKeyField(
        "elan.SkillsGrid", related_name="assessments", on_delete=fields.CASCADE
    )
    person: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.User", related_name="assessments", on_delete=fields.CASCADE
    )
    assessor: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "elan.User", related_name="assessments_made", null=True, on_delete=fields.SET_NULL
    )
    outcome = fields.CharEnumField(AssessmentOutcome, max_length=12)
    comment = fields.TextField(default="")
    person_comment = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    grid_id: int
    person_id: int
    assessor_id: int | None

    class Meta:
        table = "assessment"


class AssessmentScore(Model):
    id = fields.IntField(primary_key=True)
    assessment: fields.ForeignKeyRelation[Assessment] = fields.ForeignKeyField(
        "elan.Assessment", related_name="scores", on_delete=fields.CASCADE
    )
    skill: fields.ForeignKeyRelation[Skill] = fields.ForeignKeyField(
        "elan.Skill", related_name="scores", on_delete=fields.CASCADE
    )
    level = fields.IntField()
    comment = fields.CharField(max_length=500, default="")

    assessment_id: int
    skill_id: int

    class Meta:
        table = "assessment_score"


class SurveyKind(StrEnum):
    NPS = "NPS"  # -100..100
    SCORE_10 = "SCORE_10"  # 0..10


class SatisfactionSurvey(Model):
    """A survey result of a point of sale over a period, with its sample size."""

    id = fields.IntField(primary_key=True)
    organization_id = fields.IntField(db_index=True)
    unit: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.Unit", related_name="satisfaction_surveys", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(SurveyKind, max_length=10)
    value = fields.FloatField()
    sample_size = fields.IntField()
    period_start = fields.DateField()
    period_end = fields.DateField()
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    unit_id: int

    class Meta:
        table = "satisfaction_survey"
        indexes = (("unit_id", "period_end"),)


class MysteryVisit(Model):
    """A mystery shopper's visit: a score per checklist section and a global score (0–100)."""

    id = fields.IntField(primary_key=True)
    organization_id = fields.IntField(db_index=True)
    unit: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.Unit", related_name="mystery_visits", on_delete=fields.CASCADE
    )
    visited_on = fields.DateField()
    sections: list[dict[str, Any]] = fields.JSONField(default=list)  # type: ignore[assignment]  # [{"name": str, "score": float 0..100}]
    global_score = fields.FloatField()
    comment = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    unit_id: int

    class Meta:
        table = "mystery_visit"


class SatisfactionTarget(Model):
    """The satisfaction index (0–100) to reach: organisation-wide, or for one unit's subtree."""

    id = fields.IntField(primary_key=True)
    organization_id = fields.IntField(db_index=True)
    unit: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "elan.Unit", related_name="satisfaction_targets", null=True, on_delete=fields.CASCADE
    )
    index_target = fields.FloatField()

    unit_id: int | None

    class Meta:
        table = "satisfaction_target"


class PlanStatus(StrEnum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class ItemStatus(StrEnum):
    TODO = "TODO"
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"


class ActionPlan(Model):
    """What a point of sale's team will do about a score below target, built together."""

    id = fields.IntField(primary_key=True)
    organization_id = fields.IntField(db_index=True)
    unit: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.Unit", related_name="action_plans", on_delete=fields.CASCADE
    )
    title = fields.CharField(max_length=120)
    status = fields.CharEnumField(PlanStatus, max_length=10, default=PlanStatus.OPEN)
    survey: fields.ForeignKeyNullableRelation[SatisfactionSurvey] = fields.ForeignKeyField(
        "elan.SatisfactionSurvey", related_name="action_plans", null=True, on_delete=fields.SET_NULL
    )
    visit: fields.ForeignKeyNullableRelation[MysteryVisit] = fields.ForeignKeyField(
        "elan.MysteryVisit", related_name="action_plans", null=True, on_delete=fields.SET_NULL
    )
    assessment: fields.ForeignKeyNullableRelation[Assessment] = fields.ForeignKeyField(
        "elan.Assessment", related_name="action_plans", null=True, on_delete=fields.SET_NULL
    )
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    unit_id: int
    survey_id: int | None
    visit_id: int | None
    assessment_id: int | None

    class Meta:
        table = "action_plan"


class ActionItem(Model):
    id = fields.IntField(primary_key=True)
    plan: fields.ForeignKeyRelation[ActionPlan] = fields.ForeignKeyField(
        "elan.ActionPlan", related_name="items", on_delete=fields.CASCADE
    )
    what = fields.CharField(max_length=300)
    owner: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "elan.User", related_name="action_items", null=True, on_delete=fields.SET_NULL
    )
    due_on = fields.DateField(null=True)
    status = fields.CharEnumField(ItemStatus, max_length=12, default=ItemStatus.TODO)
    created_at = fields.DatetimeField(auto_now_add=True)

    plan_id: int
    owner_id: int | None

    class Meta:
        table = "action_item"


class ActionComment(Model):
    id = fields.IntField(primary_key=True)
    plan: fields.ForeignKeyRelation[ActionPlan] = fields.ForeignKeyField(
        "elan.ActionPlan", related_name="comments", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "elan.User", related_name="action_comments", null=True, on_delete=fields.SET_NULL
    )
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    plan_id: int
    author_id: int | None

    class Meta:
        table = "action_comment"
