"""GraphQL types of recognition. Resolvers hand them the plain rows of server.badges.rows."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from schema.accounts.types import User
from schema.network.types import Unit
from server.badges.credentials import CredentialStatus
from server.badges.models import AwardPolicy, BadgeCategory, BadgeKind, RuleTrigger

strawberry.enum(BadgeKind, name="BadgeKind", description="A badge marks a success; a label is an assessed, expiring status.")
strawberry.enum(BadgeCategory, name="BadgeCategory", description="The family a badge belongs to.")
strawberry.enum(AwardPolicy, name="AwardPolicy", description="Who may award a badge.")
strawberry.enum(RuleTrigger, name="RuleTrigger", description="What a rule listens to.")
strawberry.enum(CredentialStatus, name="CredentialStatus", description="Whether an award is still valid.")


@strawberry.type(description="A badge or label of the organisation's catalogue.")
class Badge:
    id: strawberry.ID
    kind: BadgeKind
    name: str
    description: str
    emoji: str | None = strawberry.field(description="Shown when the badge has no image.")
    image_url: str | None = strawberry.field(description="Same-origin URL of the badge image.")
    category: BadgeCategory
    criteria: str = strawberry.field(description="How the badge is earned, in plain text.")
    repeatable: bool = strawberry.field(description="Whether a person may receive it several times.")
    validity_days: int | None = strawberry.field(description="Days an award stays valid; null = forever.")
    award_policy: AwardPolicy
    levels: list[str] = strawberry.field(description="Levels of a label, lowest first.")
    retired: bool = strawberry.field(description="Retired badges can no longer be awarded.")


@strawberry.type(description="The person who awarded a badge.")
class Awarder:
    id: strawberry.ID
    display_name: str


@strawberry.type(description="A badge or label held by a person.")
class Award:
    id: strawberry.ID
    badge: Badge
    recipient: User
    awarded_by: Awarder | None = strawberry.field(description="Null when a rule or an assessment awarded it.")
    by_rule: bool = strawberry.field(description="Awarded automatically by a rule.")
    reason: str = strawberry.field(description="Why it was awarded; plain text.")
    level: str | None = strawberry.field(description="Level of a label.")
    awarded_at: datetime
    expires_at: datetime | None
    status: CredentialStatus
    evidence_post_id: strawberry.ID | None = strawberry.field(description="The post given as evidence.")
    credential_url: str = strawberry.field(description="Open Badges 3.0 credential (JSON, signed).")
    verify_url: str = strawberry.field(description="Public verification page, shareable.")


@strawberry.type(description="What a person's profile counts.")
class RecognitionCounts:
    wins: int = strawberry.field(description="Wins posted.")
    best_practices: int = strawberry.field(description="Best practices posted.")
    podiums: int = strawberry.field(description="Challenge podiums (top 3).")


@strawberry.type(description="A badge and how many times it was awarded.")
class BadgeCount:
    badge: Badge
    count: int


@strawberry.type(description="A unit's wall of fame.")
class WallOfFame:
    unit: Unit
    parent: Unit | None = strawberry.field(description="The unit above, to widen the wall.")
    subunits: list[Unit] = strawberry.field(description="Units right below, to narrow the wall.")
    latest: list[Award] = strawberry.field(description="Latest awards in the unit's subtree.")
    top_badges: list[BadgeCount] = strawberry.field(description="Most awarded badges there.")
    label_holders: list[Award] = strawberry.field(description="Valid labels held there.")


@strawberry.type(description="A rule that awards a badge automatically.")
class BadgeRule:
    id: strawberry.ID
    badge_id: strawberry.ID
    trigger: RuleTrigger
    threshold: float | None = strawberry.field(description="N likes, N wins, minimum score… (trigger-specific).")
    options: JSON = strawberry.field(description="Trigger-specific filters, e.g. {\"quiz_id\": 7}.")
    active: bool
