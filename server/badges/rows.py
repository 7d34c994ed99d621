"""Read models of recognition: plain rows built from joined queries, never one query per award."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from server.badges.credentials import CredentialStatus, status_of
from server.badges.models import Award, Badge
from server.feed.rows import AuthorRow, UnitRow


@dataclass(slots=True)
class BadgeRow:
    id: int
    kind: str
    name: str
    description: str
    emoji: str | None
    image_name: str | None
    category: str
    criteria: str
    repeatable: bool
    validity_days: int | None
    award_policy: str
    levels: list[str]
    retired_at: datetime | None

    @property
    def image_url(self) -> str | None:
        return f"/badge-images/{self.image_name}" if self.image_name else None

    @property
    def retired(self) -> bool:
        return self.retired_at is not None

    @classmethod
    def of(cls, badge: Badge) -> BadgeRow:
        return cls(
            id=badge.id, kind=str(badge.kind), name=badge.name, description=badge.description,
            emoji=badge.emoji, image_name=badge.image_name, category=str(badge.category),
            criteria=badge.criteria, repeatable=badge.repeatable, validity_days=badge.validity_days,
            award_policy=str(badge.award_policy), levels=list(badge.levels or []),
            retired_at=badge.retired_at,
        )


@dataclass(slots=True)
class GiverRow:
    id: int
    display_name: str


@dataclass(slots=True)
class AwardRow:
    id: int
    public_id: str
    badge: BadgeRow
    recipient: AuthorRow
    awarded_by: GiverRow | None
    by_rule: bool
    reason: str
    level: str | None
    awarded_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    evidence_post_id: int | None
    status: CredentialStatus

    @property
    def credential_url(self) -> str:
        return f"/credentials/{self.public_id}"

    @property
    def verify_url(self) -> str:
        return f"/verify/{self.public_id}"


BADGE_COLUMNS = (
    "badge_id", "badge__kind", "badge__name", "badge__description", "badge__emoji",
    "badge__image_name", "badge__category", "badge__criteria", "badge__repeatable",
    "badge__validity_days", "badge__award_policy", "badge__levels", "badge__retired_at",
)
AWARD_COLUMNS = (
    "id", "public_id", "reason", "level", "awarded_at", "expires_at", "revoked_at",
    "evidence_post_id", "rule_id", "awarded_by_id", "awarded_by__display_name",
    "user_id", "user__display_name", "user__role", "user__avatar_url", "user__unit_id",
    "user__unit__name", "user__unit__kind", "user__unit__city", *BADGE_COLUMNS,
)


def _levels(raw: Any) -> list[str]:
    if isinstance(raw, str):
        import json

        raw = json.loads(raw)
    return [str(level) for level in raw or []]


def award_row(v: dict[str, Any]) -> AwardRow:
    badge = BadgeRow(
        id=v["badge_id"], kind=str(v["badge__kind"]), name=v["badge__name"],
        description=v["badge__description"], emoji=v["badge__emoji"],
        image_name=v["badge__image_name"], category=str(v["badge__category"]),
        criteria=v["badge__criteria"], repeatable=bool(v["badge__repeatable"]),
        validity_days=v["badge__validity_days"], award_policy=str(v["badge__award_policy"]),
        levels=_levels(v["badge__levels"]), retired_at=v["badge__retired_at"],
    )
    unit_id = v["user__unit_id"]
    recipient = AuthorRow(
        id=v["user_id"], display_name=v["user__display_name"], role=str(v["user__role"]),
        avatar_url=v["user__avatar_url"],
        unit=None if unit_id is None else UnitRow(
            id=unit_id, name=v["user__unit__name"], kind=str(v["user__unit__kind"]),
            city=v["user__unit__city"],
        ),
    )
    giver = None
    if v["awarded_by_id"] is not None:
        giver = GiverRow(id=v["awarded_by_id"], display_name=v["awarded_by__display_name"] or "")
    shell = Award(revoked_at=v["revoked_at"], expires_at=v["expires_at"])
    return AwardRow(
        id=v["id"], public_id=v["public_id"], badge=badge, recipient=recipient, awarded_by=giver,
        by_rule=v["rule_id"] is not None, reason=v["reason"], level=v["level"],
        awarded_at=v["awarded_at"], expires_at=v["expires_at"], revoked_at=v["revoked_at"],
        evidence_post_id=v["evidence_post_id"], status=status_of(shell),
    )
