"""Badges and labels of an organisation, their awards, the rules that award them, and the
organisation's signing key for exported credentials."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.accounts.models import User
from server.network.models import Organization


class BadgeKind(StrEnum):
    BADGE = "BADGE"  # marks a success
    LABEL = "LABEL"  # a recognised status earned through an assessment; has levels and expires


class BadgeCategory(StrEnum):
    SALES = "SALES"
    TRAINING = "TRAINING"
    CUSTOMER_SATISFACTION = "CUSTOMER_SATISFACTION"
    TEAM_SPIRIT = "TEAM_SPIRIT"
    CHALLENGE = "CHALLENGE"
    CERTIFICATION = "CERTIFICATION"


class AwardPolicy(StrEnum):
    MANAGERS = "MANAGERS"  # any manager, to people in their scope (and admins)
    ADMINS = "ADMINS"  # head office only
    RULES = "RULES"  # only rules (and assessments) award it


class RuleTrigger(StrEnum):
    FIRST_WIN = "FIRST_WIN"  # posted N wins (N = threshold, default 1)
    LIKES_ON_POST = "LIKES_ON_POST"  # one post reached N likes
    BEST_PRACTICES_RECOMMENDED = "BEST_PRACTICES_RECOMMENDED"  # N of one's best practices recommended
    TARGET_REACHED = "TARGET_REACHED"  # reached 100 % of a target
    CHALLENGE_PODIUM = "CHALLENGE_PODIUM"  # rank <= threshold (default 3) at a challenge's end
    TRAINING_COMPLETED = "TRAINING_COMPLETED"  # a module (options.module_id, or any) completed
    QUIZ_PASSED = "QUIZ_PASSED"  # a quiz (options.quiz_id, or any) passed with >= threshold %
    SATISFACTION_ABOVE = "SATISFACTION_ABOVE"  # a point of sale's index >= threshold: its team


class Badge(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "elan.Organization", related_name="badges", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(BadgeKind, max_length=10, default=BadgeKind.BADGE)
    name = fields.CharField(max_length=80)
    description = fields.CharField(max_length=500, default="")
    emoji = fields.CharField(max_length=16, null=True)
    image_name = fields.CharField(max_length=80, null=True)
    category = fields.CharEnumField(BadgeCategory, max_length=30, default=BadgeCategory.SALES)
    criteria = fields.CharField(max_length=1000, default="")
    repeatable = fields.BooleanField(default=False)
    validity_days = fields.IntField(null=True)
    award_policy = fields.CharEnumField(AwardPolicy, max_length=10, default=AwardPolicy.MANAGERS)
    levels: fields.Field[list[str]] = fields.JSONField(default=list)  # of a label, lowest first: ["Bronze", "Argent", "Or"]
    retired_at = fields.DatetimeField(null=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="badges_created", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int

    class Meta:
        table = "badge"


class Award(Model):
    """A badge or label held by a person. `public_id` names it outside Élan (credential,
    verification page), and `unique_key` makes rules and non-repeatable badges idempotent."""

    id = fields.IntField(primary_key=True)
    public_id = fields.CharField(max_length=36, unique=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "elan.Organization", related_name="awards", on_delete=fields.CASCADE
    )
    badge: fields.ForeignKeyRelation[Badge] = fields.ForeignKeyField(
        "elan.Badge", related_name="awards", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="awards", on_delete=fields.CASCADE
    )
    awarded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="awards_given", null=True, on_delete=fields.SET_NULL
    )
    rule: fields.ForeignKeyNullableRelation[BadgeRule] = fields.ForeignKeyField(
        "elan.BadgeRule", related_name="awards", null=True, on_delete=fields.SET_NULL
    )
    reason = fields.CharField(max_length=500, default="")
    level = fields.CharField(max_length=40, null=True)
    evidence_post_id = fields.IntField(null=True)
    recognition_post_id = fields.IntField(null=True)
    unique_key = fields.CharField(max_length=160, null=True, unique=True)
    awarded_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(null=True)
    reminder_sent_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    revoked_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="awards_revoked", null=True, on_delete=fields.SET_NULL
    )
    revocation_reason = fields.CharField(max_length=500, null=True)
    # the credential's hashed recipient, frozen when the person was erased (server.privacy.erasure)
    # so a credential they downloaded keeps matching; null: hashed from their current e-mail
    recipient_identity = fields.CharField(max_length=80, null=True)

    organization_id: int
    badge_id: int
    user_id: int
    awarded_by_id: int | None
    rule_id: int | None

    class Meta:
        table = "badge_award"
        indexes = (("user_id", "revoked_at"), ("organization_id", "id"), ("expires_at",))


class BadgeRule(Model):
    """A declarative definition: on `trigger`, when `threshold` (and `options`) hold, award `badge`."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "elan.Organization", related_name="badge_rules", on_delete=fields.CASCADE
    )
    badge: fields.ForeignKeyRelation[Badge] = fields.ForeignKeyField(
        "elan.Badge", related_name="rules", on_delete=fields.CASCADE
    )
    trigger = fields.CharEnumField(RuleTrigger, max_length=40)
    threshold = fields.FloatField(null=True)
    options: fields.Field[dict[str, object]] = fields.JSONField(default=dict)
    active = fields.BooleanField(default=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="badge_rules_created", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int
    badge_id: int

    class Meta:
        table = "badge_rule"


class RuleProgress(Model):
    """One distinct occasion counted by a rule for a person (e.g. one recommended best
    practice), so that "N of them" counts each occasion once however often it is re-sent."""

    id = fields.IntField(primary_key=True)
    rule: fields.ForeignKeyRelation[BadgeRule] = fields.ForeignKeyField(
        "elan.BadgeRule", related_name="progress", on_delete=fields.CASCADE
    )
    user_id = fields.IntField()
    occasion = fields.CharField(max_length=80)

    rule_id: int

    class Meta:
        table = "badge_rule_progress"
        unique_together = (("rule", "user_id", "occasion"),)


class Podium(Model):
    """A challenge podium heard from the challenges domain, shown on the profile."""

    id = fields.IntField(primary_key=True)
    organization_id = fields.IntField()
    user_id = fields.IntField(db_index=True)
    challenge_id = fields.IntField()
    rank = fields.IntField()

    class Meta:
        table = "badge_podium"
        unique_together = (("user_id", "challenge_id"),)


class SigningKey(Model):
    """The Ed25519 key an organisation signs credentials with. The private half is encrypted
    with a key derived from SECRET_KEY, like the other secrets."""

    id = fields.IntField(primary_key=True)
    organization: fields.OneToOneRelation[Organization] = fields.OneToOneField(
        "elan.Organization", related_name="signing_key", on_delete=fields.CASCADE
    )
    public_key = fields.CharField(max_length=64)  # raw 32 bytes, base64url
    private_key_encrypted = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int

    class Meta:
        table = "badge_signing_key"
