"""Reading the result audit: every result recorded by a person or an integration token.

Results are never edited: a correction is another result, signed, with its reason. So the
result rows themselves are the audit of result changes, whoever made them (a manager, a CSV
import, a CRM through its token). A manager reads those about the people and units it
manages (its Scope's subtree), an admin those of the organisation, a member none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.expressions import Q
from tortoise.functions import Count, Max

from server.challenges.models import IntegrationToken, ParticipantKind, Result
from server.cursors import decode_cursor, encode_cursor
from server.errors import NotAllowed, ValidationFailed
from server.network.scope import Scope

PAGE_MAX = 100
CURSOR_KIND = "audit"
COLUMNS = (
    "id", "value", "reason", "occurred_at", "created_at", "metric_id",
    "user_id", "user__display_name", "unit_id", "unit__name", "recorded_by_id", "recorded_by__display_name",
    "token_id", "token__name",
)


@dataclass(frozen=True, slots=True)
class AuditFilter:
    metric_id: int | None = None
    participant_kind: ParticipantKind = ParticipantKind.USER
    participant_id: int | None = None
    period_start: datetime | None = None  # results that occurred from this moment...
    period_end: datetime | None = None  # ...until before this one
    corrections_only: bool = False


@dataclass(frozen=True, slots=True)
class AuditLine:
    id: int
    recorded_at: datetime
    occurred_at: datetime
    metric_id: int
    participant_kind: ParticipantKind
    participant_id: int
    participant_name: str
    value: float
    reason: str | None
    recorded_by_id: int | None  # the person, or None when a token recorded it
    token_id: int | None
    actor_name: str  # the person's name or the token's

    @property
    def is_correction(self) -> bool:
        """A correction is a result that gives its reason (a negative one must)."""
        return self.reason is not None or self.value < 0


@dataclass(frozen=True, slots=True)
class AuditPage:
    lines: list[AuditLine]
    has_next_page: bool
    end_cursor: str | None


@dataclass(frozen=True, slots=True)
class TokenUse:
    id: int
    name: str
    scope_unit_name: str
    last_used_at: datetime | None
    revoked_at: datetime | None
    entries: int  # results it recorded about the reader's scope
    last_entry_at: datetime | None


def cursor_for(line_id: int) -> str:
    return encode_cursor(line_id, CURSOR_KIND)


def _about_managed(scope: Scope) -> Q:
    """Results about people or units the reader manages; members are refused."""
    if not scope.is_manager or scope.user is None:
        raise NotAllowed()
    base = Q(organization_id=scope.organization_id)
    return base & (scope.subtree_filter("user__unit__") | scope.subtree_filter("unit__"))


def _filtered(scope: Q, found: AuditFilter) -> Q:
    query = scope
    if found.metric_id is not None:
        query &= Q(metric_id=found.metric_id)
    if found.participant_id is not None:
        by_person = found.participant_kind == ParticipantKind.USER
        query &= Q(user_id=found.participant_id) if by_person else Q(unit_id=found.participant_id)
    if found.period_start is not None:
        query &= Q(occurred_at__gte=found.period_start)
    if found.period_end is not None:
        query &= Q(occurred_at__lt=found.period_end)
    if found.corrections_only:
        query &= Q(reason__isnull=False) | Q(value__lt=0)
    return query


def _line(row: dict[str, Any]) -> AuditLine:
    by_person = row["user_id"] is not None
    actor = row["recorded_by__display_name"] if row["recorded_by_id"] is not None else row["token__name"]
    return AuditLine(
        id=int(row["id"]), recorded_at=row["created_at"], occurred_at=row["occurred_at"],
        metric_id=int(row["metric_id"]),
        participant_kind=ParticipantKind.USER if by_person else ParticipantKind.UNIT,
        participant_id=int(row["user_id"] if by_person else row["unit_id"]),
        participant_name=str(row["user__display_name"] if by_person else row["unit__name"]),
        value=float(row["value"]), reason=row["reason"], recorded_by_id=row["recorded_by_id"],
        token_id=row["token_id"], actor_name=str(actor or ""),
    )


async def result_audit_page(
    scope: Scope, first: int = 20, after: str | None = None, found: AuditFilter | None = None
) -> AuditPage:
    """The newest results first, a page at a time, in one query per page."""
    if not 1 <= first <= PAGE_MAX:
        raise ValidationFailed("page_size_invalid", "first", max=PAGE_MAX)
    query = _filtered(_about_managed(scope), found or AuditFilter())
    if after is not None:
        query &= Q(id__lt=decode_cursor(after, CURSOR_KIND))
    rows = await Result.filter(query).order_by("-id").limit(first + 1).values(*COLUMNS)
    lines = [_line(row) for row in rows[:first]]
    return AuditPage(lines, len(rows) > first, cursor_for(lines[-1].id) if lines else None)


async def token_use(scope: Scope) -> list[TokenUse]:
    """The integration tokens that recorded results about the reader's scope (admins: every
    token of the organisation), with their last use and how many results they recorded."""
    managed = _about_managed(scope)
    counts = {
        int(row["token_id"]): (int(row["entries"]), row["last_entry_at"])
        for row in await Result.filter(managed, token_id__not_isnull=True)
        .annotate(entries=Count("id"), last_entry_at=Max("created_at"))
        .group_by("token_id").values("token_id", "entries", "last_entry_at")
    }
    tokens = IntegrationToken.filter(organization_id=scope.organization_id)
    if not scope.is_admin:
        tokens = tokens.filter(id__in=list(counts) or [0])
    found = await tokens.values("id", "name", "scope_unit__name", "last_used_at", "revoked_at")
    # latest use first, never used last (NULLs sort differently in SQLite and PostgreSQL)
    found.sort(key=lambda t: (t["last_used_at"].timestamp() if t["last_used_at"] else 0.0, t["id"]), reverse=True)
    return [
        TokenUse(id=int(t["id"]), name=t["name"], scope_unit_name=t["scope_unit__name"], last_used_at=t["last_used_at"],
                 revoked_at=t["revoked_at"], entries=counts.get(int(t["id"]), (0, None))[0],
                 last_entry_at=counts.get(int(t["id"]), (0, None))[1])
        for t in found
    ]
