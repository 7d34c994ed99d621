"""Metrics, targets, results, challenges and their participants."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

# the audit table is the organisation's (server.audit); challenges write to it as before
from server.audit.models import AuditEntry as AuditEntry


class Aggregation(StrEnum):
    SUM = "SUM"  # results add up over the period (cars sold)
    LATEST = "LATEST"  # the latest result stands (a conversion rate)


class ParticipantKind(StrEnum):
    USER = "USER"
    UNIT = "UNIT"


class ScoringMode(StrEnum):
    PERCENT_OF_TARGET = "PERCENT_OF_TARGET"
    IMPROVEMENT = "IMPROVEMENT"
    ABSOLUTE = "ABSOLUTE"


class ChallengeFormat(StrEnum):
    RANKING = "RANKING"
    RACE = "RACE"  # everyone who reaches the target wins
    DUEL = "DUEL"  # one seller against one colleague


class ChallengeStatus(StrEnum):
    DRAFT = "DRAFT"
    SCHEDULED = "SCHEDULED"
    LIVE = "LIVE"
    CLOSED = "CLOSED"


class LeagueRule(StrEnum):
    NONE = "NONE"
    POINT_OF_SALE_SIZE = "POINT_OF_SALE_SIZE"
    SENIORITY = "SENIORITY"


class Visibility(StrEnum):
    EVERYONE = "EVERYONE"  # every row by name
    TOP_AND_AROUND = "TOP_AND_AROUND"  # only the top N by name, plus the rows around me


class Recurrence(StrEnum):
    NONE = "NONE"
    WEEKLY = "WEEKLY"
    MONTHLY = "MONTHLY"


class DuelState(StrEnum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"


class Metric(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Organization", related_name="metrics", on_delete=fields.CASCADE)
    name = fields.CharField(max_length=80)
    unit_label = fields.CharField(max_length=20, default="")
    higher_is_better = fields.BooleanField(default=True)
    aggregation = fields.CharEnumField(Aggregation, max_length=10, default=Aggregation.SUM)
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int

    class Meta:
        table = "metric"
        unique_together = (("organization", "name"),)


class Target(Model):
    """An objective for one person or one unit on one metric over one period."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Organization", related_name="targets", on_delete=fields.CASCADE)
    metric: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Metric", related_name="targets", on_delete=fields.CASCADE)
    user: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.User", related_name="targets", null=True, on_delete=fields.CASCADE)
    unit: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.Unit", related_name="targets", null=True, on_delete=fields.CASCADE)
    period_start = fields.DatetimeField()
    period_end = fields.DatetimeField()
    value = fields.FloatField()
    updated_at = fields.DatetimeField(auto_now=True)

    organization_id: int
    metric_id: int
    user_id: int | None
    unit_id: int | None

    class Meta:
        table = "target"
        unique_together = (("metric", "user", "unit", "period_start"),)


class IntegrationToken(Model):
    """A revocable bearer token a CRM uses to push results into one unit's subtree."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Organization", related_name="integration_tokens", on_delete=fields.CASCADE)
    scope_unit: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Unit", related_name="integration_tokens", on_delete=fields.CASCADE)
    name = fields.CharField(max_length=80)
    token_hash = fields.CharField(max_length=64, unique=True)
    created_by: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.User", related_name="integration_tokens", null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    organization_id: int
    scope_unit_id: int

    class Meta:
        table = "integration_token"


class Result(Model):
    """One recorded result, never edited: a correction is another signed result with a reason."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Organization", related_name="results", on_delete=fields.CASCADE)
    metric: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Metric", related_name="results", on_delete=fields.CASCADE)
    user: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.User", related_name="results", null=True, on_delete=fields.CASCADE)
    unit: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.Unit", related_name="results", null=True, on_delete=fields.CASCADE)
    value = fields.FloatField()
    occurred_at = fields.DatetimeField()
    idempotency_key = fields.CharField(max_length=64)
    reason = fields.CharField(max_length=300, null=True)
    recorded_by: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.User", related_name="results_recorded", null=True, on_delete=fields.SET_NULL)
    token: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.IntegrationToken", related_name="results", null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    metric_id: int
    user_id: int | None
    unit_id: int | None

    class Meta:
        table = "result"
        # an idempotency key is its recorder's: a person's, or an integration token's
        unique_together = (("recorded_by", "idempotency_key"), ("token", "idempotency_key"))
        indexes = (("metric_id", "user_id", "occurred_at"), ("metric_id", "unit_id", "occurred_at"))


class Challenge(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Organization", related_name="challenges", on_delete=fields.CASCADE)
    scope_unit: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Unit", related_name="challenges", on_delete=fields.CASCADE)
    created_by: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.User", related_name="challenges_created", null=True, on_delete=fields.SET_NULL)
    name = fields.CharField(max_length=120)
    description = fields.TextField(default="")
    status = fields.CharEnumField(ChallengeStatus, max_length=10, default=ChallengeStatus.DRAFT)
    format = fields.CharEnumField(ChallengeFormat, max_length=10, default=ChallengeFormat.RANKING)
    participant_kind = fields.CharEnumField(ParticipantKind, max_length=10, default=ParticipantKind.USER)
    scoring_mode = fields.CharEnumField(ScoringMode, max_length=20, default=ScoringMode.PERCENT_OF_TARGET)
    league_rule = fields.CharEnumField(LeagueRule, max_length=20, default=LeagueRule.NONE)
    # {"metrics": [{"metric_id", "weight"}], "criteria": [{"kind", "weight", "options"}],
    #  "thresholds": [{"score", "label", "badge_id"}], "race_target": float | None}
    rules: Any = fields.JSONField(default=dict)
    prizes = fields.CharField(max_length=300, default="")
    visibility = fields.CharEnumField(Visibility, max_length=20, default=Visibility.EVERYONE)
    top_n = fields.IntField(default=10)
    recurrence = fields.CharEnumField(Recurrence, max_length=10, default=Recurrence.NONE)
    series_id = fields.IntField(null=True)
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    closed_at = fields.DatetimeField(null=True)
    duel_state = fields.CharEnumField(DuelState, max_length=10, null=True)
    # grows by one per leaderboard change, in the same transaction: the subscription's version
    version = fields.BigIntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    scope_unit_id: int
    created_by_id: int | None

    class Meta:
        table = "challenge"
        indexes = (("organization_id", "status"),)


class Participant(Model):
    """A person or unit in a challenge, with its running score.

    Rows order by (score, tie, id) descending; `tie` is minus the microsecond the score was
    reached, so at equal score whoever got there first ranks first.
    """

    id = fields.IntField(primary_key=True)
    challenge: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Challenge", related_name="participants", on_delete=fields.CASCADE)
    user: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.User", related_name="participations", null=True, on_delete=fields.CASCADE)
    unit: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.Unit", related_name="participations", null=True, on_delete=fields.CASCADE)
    display_name = fields.CharField(max_length=120)
    unit_name = fields.CharField(max_length=120, default="")
    league = fields.CharField(max_length=40, default="")
    score = fields.FloatField(default=0)
    tie = fields.BigIntField(default=0)
    # {"metrics": {"<metric id>": {"total", "target", "baseline"}}, "criteria": {"<index>": value}}
    parts: Any = fields.JSONField(default=dict)
    thresholds_reached = fields.IntField(default=0)
    final_rank = fields.IntField(null=True)
    hidden = fields.BooleanField(default=False)
    joined_at = fields.DatetimeField(auto_now_add=True)

    challenge_id: int
    user_id: int | None
    unit_id: int | None

    class Meta:
        table = "challenge_participant"
        unique_together = (("challenge", "user", "unit"),)
        indexes = (("challenge_id", "league", "score", "tie", "id"), ("user_id",), ("unit_id",))


class KioskLink(Model):
    """A revocable, read-only link to one challenge's TV board, for a showroom screen."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Organization", related_name="kiosk_links", on_delete=fields.CASCADE)
    challenge: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField("elan.Challenge", related_name="kiosk_links", on_delete=fields.CASCADE)
    label = fields.CharField(max_length=80)
    token_hash = fields.CharField(max_length=64, unique=True)
    created_by: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField("elan.User", related_name="kiosk_links", null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    organization_id: int
    challenge_id: int
    created_by_id: int | None

    class Meta:
        table = "kiosk_link"


class LeaderboardPrivacy(Model):
    """A person who asked to be hidden from the public screens (leaderboards, TV mode)."""

    id = fields.IntField(primary_key=True)
    user: fields.OneToOneRelation[Any] = fields.OneToOneField("elan.User", related_name="leaderboard_privacy", on_delete=fields.CASCADE)
    hidden = fields.BooleanField(default=True)

    class Meta:
        table = "leaderboard_privacy"
