"""Training modules, their sections and audience, participation, and quizzes."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.accounts.models import Role


class Publication(StrEnum):
    """Where a module is in its life: written (seen by its managers only), followed, retired."""

    DRAFT = "DRAFT"
    PUBLISHED = "PUBLISHED"
    ARCHIVED = "ARCHIVED"  # out of the sellers' lists; progress and attempts are kept


class TrainingModule(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.Organization", related_name="training_modules", on_delete=fields.CASCADE
    )
    title = fields.CharField(max_length=120)
    summary = fields.CharField(max_length=500, default="")
    duration_minutes = fields.IntField(default=15)
    cover_url = fields.CharField(max_length=300, null=True)
    # everyone of the organisation is in the audience, not only the assigned units and roles
    open_to_all = fields.BooleanField(default=False)
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "elan.User", related_name="training_modules_created", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    # rows older than authoring were published when created
    publication = fields.CharEnumField(Publication, max_length=10, default=Publication.PUBLISHED)
    updated_at = fields.DatetimeField(null=True)
    published_at = fields.DatetimeField(null=True)
    archived_at = fields.DatetimeField(null=True)

    organization_id: int
    created_by_id: int | None

    class Meta:
        table = "training_module"


class ModuleSection(Model):
    id = fields.IntField(primary_key=True)
    module: fields.ForeignKeyRelation[TrainingModule] = fields.ForeignKeyField(
        "elan.TrainingModule", related_name="sections", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    title = fields.CharField(max_length=120)
    # a safe subset of Markdown, stored as typed; rendered on the server (server.training.markdown)
    body = fields.TextField(default="")
    image_url = fields.CharField(max_length=300, null=True)
    # an image uploaded to the media service (POST /media): served to those who read the module
    image_media: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "elan.Media", related_name="training_sections", null=True, on_delete=fields.SET_NULL
    )
    video_url = fields.CharField(max_length=300, null=True)  # a video of an allowed host (server.training.video)
    pdf_url = fields.CharField(max_length=300, null=True)

    module_id: int
    image_media_id: int | None

    class Meta:
        table = "training_section"
        unique_together = (("module_id", "position"),)


class ModuleAssignment(Model):
    """Who must follow a module: the people of a unit's subtree, optionally of one role."""

    id = fields.IntField(primary_key=True)
    module: fields.ForeignKeyRelation[TrainingModule] = fields.ForeignKeyField(
        "elan.TrainingModule", related_name="assignments", on_delete=fields.CASCADE
    )
    unit: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.Unit", related_name="training_assignments", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=10, null=True)
    due_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    module_id: int
    unit_id: int

    class Meta:
        table = "training_assignment"


class ModuleProgress(Model):
    """One person's participation in one module: started, section reached, completed."""

    id = fields.IntField(primary_key=True)
    module: fields.ForeignKeyRelation[TrainingModule] = fields.ForeignKeyField(
        "elan.TrainingModule", related_name="progress", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.User", related_name="training_progress", on_delete=fields.CASCADE
    )
    organization_id = fields.IntField(db_index=True)
    sections_done = fields.IntField(default=0)
    started_at = fields.DatetimeField(auto_now_add=True)
    completed_at = fields.DatetimeField(null=True)
    reminded_at = fields.DatetimeField(null=True)

    module_id: int
    user_id: int

    class Meta:
        table = "training_progress"
        unique_together = (("module_id", "user_id"),)


class TrainingReminder(Model):
    """A reminder sent to someone who has not started (one a day at most)."""

    id = fields.IntField(primary_key=True)
    module: fields.ForeignKeyRelation[TrainingModule] = fields.ForeignKeyField(
        "elan.TrainingModule", related_name="reminders", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.User", related_name="training_reminders", on_delete=fields.CASCADE
    )
    sent_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "elan.User", related_name="training_reminders_sent", null=True, on_delete=fields.SET_NULL
    )
    sent_at = fields.DatetimeField(auto_now_add=True)

    module_id: int
    user_id: int

    class Meta:
        table = "training_reminder"
        indexes = (("module_id", "user_id", "sent_at"),)


class Quiz(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.Organization", related_name="quizzes", on_delete=fields.CASCADE
    )
    # a quiz attached to a module completes it when passed; standalone otherwise
    module: fields.ForeignKeyNullableRelation[TrainingModule] = fields.ForeignKeyField(
        "elan.TrainingModule", related_name="quizzes", null=True, on_delete=fields.SET_NULL
    )
    title = fields.CharField(max_length=120)
    pass_mark_percent = fields.IntField(default=70)
    max_attempts = fields.IntField(null=True)  # None = unlimited
    shuffle = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    module_id: int | None

    class Meta:
        table = "quiz"


class QuizQuestion(Model):
    id = fields.IntField(primary_key=True)
    quiz: fields.ForeignKeyRelation[Quiz] = fields.ForeignKeyField(
        "elan.Quiz", related_name="questions", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    text = fields.CharField(max_length=500)
    multiple = fields.BooleanField(default=False)
    explanation = fields.CharField(max_length=1000, default="")

    quiz_id: int

    class Meta:
        table = "quiz_question"


class QuizChoice(Model):
    id = fields.IntField(primary_key=True)
    question: fields.ForeignKeyRelation[QuizQuestion] = fields.ForeignKeyField(
        "elan.QuizQuestion", related_name="choices", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    text = fields.CharField(max_length=300)
    correct = fields.BooleanField(default=False)

    question_id: int

    class Meta:
        table = "quiz_choice"


class QuizAttempt(Model):
    id = fields.IntField(primary_key=True)
    quiz: fields.ForeignKeyRelation[Quiz] = fields.ForeignKeyField(
        "elan.Quiz", related_name="attempts", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "elan.User", related_name="quiz_attempts", on_delete=fields.CASCADE
    )
    organization_id = fields.IntField(db_index=True)
    # 1, 2, ...: unique per person and quiz, so two concurrent submissions can't both pass the limit
    number = fields.IntField()
    score_percent = fields.FloatField()
    passed = fields.BooleanField()
    answers: dict[str, list[int]] = fields.JSONField(default=dict)  # type: ignore[assignment]
    created_at = fields.DatetimeField(auto_now_add=True)

    quiz_id: int
    user_id: int

    class Meta:
        table = "quiz_attempt"
        unique_together = (("quiz_id", "user_id", "number"),)
