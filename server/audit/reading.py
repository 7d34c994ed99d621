"""Reading the audit trail (`auditLog`): who did what, when, before → after.

It reads every row of `audit_entry`: the newer ones (people, invites, units, imports) carry
their subject and a before/after of the fields that matter; the challenges domain's older rows
(rules, publication, closing, targets, tokens) carry a `detail` only, which is shown as what the
change made (after), with the people, units and metrics it names by id given their names. The
recorded results are not here: the result audit (`resultAudit`) reads those.

Admins read their organisation's rows. A manager reads the rows of their subtree: those made by
someone of it, and those about a person, an invite or a unit of it. Members read nothing.

A page is newest first, keyed by id (no offset), and costs a constant number of queries: the
rows with their actor and token, then at most one query each for the people, units and metrics
the older rows name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from tortoise.expressions import Q, Subquery

from server.accounts.models import EmailInvite, User
from server.audit.models import AuditEntry
from server.challenges.models import Metric
from server.cursors import decode_cursor, encode_cursor
from server.errors import ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope

PAGE_MAX = 100
CURSOR = "audit"
# the results have their own audit; everything else is read here
LEFT_OUT = ("result.",)


class AuditKind(StrEnum):
    PEOPLE = "PEOPLE"  # person.*, invite.*
    NETWORK = "NETWORK"  # unit.*, import.*
    CHALLENGES = "CHALLENGES"  # challenge.* (rules, publication, closing, copies)
    TARGETS = "TARGETS"
    TOKENS = "TOKENS"
    OTHER = "OTHER"


PREFIXES: dict[AuditKind, tuple[str, ...]] = {
    AuditKind.PEOPLE: ("person.", "invite."),
    AuditKind.NETWORK: ("unit.", "network."),
    AuditKind.CHALLENGES: ("challenge.",),
    AuditKind.TARGETS: ("target.",),
    AuditKind.TOKENS: ("token.",),
}


def kind_of(action: str) -> AuditKind:
    for kind, prefixes in PREFIXES.items():
        if action.startswith(prefixes):
            return kind
    return AuditKind.OTHER


@dataclass(frozen=True, slots=True)
class AuditFilter:
    kind: AuditKind | None = None
    person_id: int | None = None  # who acted, or whom it was about
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True, slots=True)
class Change:
    field: str
    before: str | None
    after: str | None


@dataclass
class AuditLine:
    id: int
    at: datetime
    action: str
    kind: AuditKind
    actor_id: int | None
    actor_name: str | None
    token_id: int | None
    token_name: str | None
    subject_type: str | None
    subject_id: int | None
    subject_name: str | None
    changes: list[Change] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class AuditPage:
    lines: list[AuditLine]
    has_next_page: bool
    end_cursor: str | None


def _shown(value: Any) -> str | None:
    """A value as a reader sees it: a named thing by its name, a list item by item."""
    if value is None:
        return None
    if isinstance(value, dict):
        return str(value.get("name") or value.get("email") or value.get("id") or "")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(filter(None, (_shown(v) for v in value)))
    return str(value)


def _changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[Change]:
    before, after = before or {}, after or {}
    keys = [k for k in after if k != "name" or before.get(k) != after.get(k)]
    keys += [k for k in before if k not in after]
    found = [Change(k, _shown(before.get(k)), _shown(after.get(k))) for k in keys]
    return [c for c in found if c.before != c.after]


# the ids older rows name in their detail, and where their names are
_NAMED = {"user_id": "person", "unit_id": "unit", "metric_id": "metric"}


def _legacy(entry: AuditEntry, names: dict[str, dict[int, str]]) -> tuple[str | None, int | None, str | None, list[Change]]:
    """Subject and changes of a row that has only `detail`."""
    detail: dict[str, Any] = dict(entry.detail or {})
    subject_type: str | None = None
    subject_id: int | None = None
    subject_name: str | None = None
    if "challenge_id" in detail:
        subject_type, subject_id, subject_name = "challenge", detail.pop("challenge_id"), detail.pop("name", None)
    elif "token_id" in detail:
        subject_type, subject_id, subject_name = "token", detail.pop("token_id"), detail.pop("name", None)
    changes: list[Change] = []
    for key, value in detail.items():
        kind = _NAMED.get(key)
        if kind is not None and isinstance(value, int):
            changes.append(Change(kind, None, names[kind].get(value, f"#{value}")))
        elif value is not None:
            changes.append(Change(key, None, _shown(value)))
    return subject_type, subject_id, subject_name, changes


def _subject_name(entry: AuditEntry) -> str | None:
    for side in (entry.after, entry.before):
        if isinstance(side, dict):
            name = side.get("name") or side.get("email")
            if name:
                return str(name)
    return None


async def _scoped(scope: Scope) -> Q:
    """The rows a viewer may read (see the module docstring)."""
    scope.require_manager()
    if scope.is_admin:
        return Q(organization_id=scope.organization_id)
    if scope.user is None:  # an integration token reads no audit
        scope.require_admin()
    people = Subquery(User.filter(scope.subtree_filter("unit__")).values("id"))
    units = Subquery(Unit.filter(scope.subtree_filter("")).values("id"))
    invites = Subquery(EmailInvite.filter(scope.subtree_filter("unit__")).values("id"))
    return Q(organization_id=scope.organization_id) & (
        Q(actor_id__in=people)
        | Q(subject_type="person", subject_id__in=people)
        | Q(subject_type="unit", subject_id__in=units)
        | Q(subject_type="invite", subject_id__in=invites)
    )


def _filtered(where: AuditFilter) -> Q:
    condition = Q()
    for prefix in LEFT_OUT:
        condition &= ~Q(action__startswith=prefix)
    if where.kind is not None:
        if where.kind == AuditKind.OTHER:
            for prefixes in PREFIXES.values():
                for prefix in prefixes:
                    condition &= ~Q(action__startswith=prefix)
        else:
            any_of = Q()
            for prefix in PREFIXES[where.kind]:
                any_of |= Q(action__startswith=prefix)
            condition &= any_of
    if where.person_id is not None:
        condition &= Q(actor_id=where.person_id) | Q(subject_type="person", subject_id=where.person_id)
    if where.since is not None:
        condition &= Q(created_at__gte=where.since)
    if where.until is not None:
        condition &= Q(created_at__lt=where.until)
    return condition


async def _names(entries: list[AuditEntry]) -> dict[str, dict[int, str]]:
    wanted: dict[str, set[int]] = {"person": set(), "unit": set(), "metric": set()}
    for entry in entries:
        if entry.subject_type is None and isinstance(entry.detail, dict):
            for key, kind in _NAMED.items():
                if isinstance(entry.detail.get(key), int):
                    wanted[kind].add(entry.detail[key])
    names: dict[str, dict[int, str]] = {"person": {}, "unit": {}, "metric": {}}
    if wanted["person"]:
        names["person"] = dict(await User.filter(id__in=wanted["person"]).values_list("id", "display_name"))  # type: ignore[arg-type]
    if wanted["unit"]:
        names["unit"] = dict(await Unit.filter(id__in=wanted["unit"]).values_list("id", "name"))  # type: ignore[arg-type]
    if wanted["metric"]:
        names["metric"] = dict(await Metric.filter(id__in=wanted["metric"]).values_list("id", "name"))  # type: ignore[arg-type]
    return names


async def audit_log(scope: Scope, where: AuditFilter, first: int = 30, after: str | None = None) -> AuditPage:
    if not 1 <= first <= PAGE_MAX:
        raise ValidationFailed("page_size_invalid", "first", max=PAGE_MAX)
    if where.since is not None and where.until is not None and where.since >= where.until:
        raise ValidationFailed("audit_dates_invalid", "until")
    query = AuditEntry.filter(await _scoped(scope), _filtered(where))
    if after:
        query = query.filter(id__lt=decode_cursor(after, CURSOR))
    entries = list(await query.select_related("actor", "token").order_by("-id").limit(first + 1))
    more = len(entries) > first
    entries = entries[:first]
    names = await _names(entries)
    lines: list[AuditLine] = []
    for entry in entries:
        if entry.subject_type is None:
            subject_type, subject_id, subject_name, changes = _legacy(entry, names)
        else:
            subject_type, subject_id = entry.subject_type, entry.subject_id
            subject_name, changes = _subject_name(entry), _changes(entry.before, entry.after)
        lines.append(AuditLine(
            id=entry.id, at=entry.created_at, action=entry.action, kind=kind_of(entry.action),
            actor_id=entry.actor_id, actor_name=entry.actor.display_name if entry.actor else None,
            token_id=entry.token_id, token_name=entry.token.name if entry.token else None,
            subject_type=subject_type, subject_id=subject_id, subject_name=subject_name, changes=changes,
        ))
    return AuditPage(lines, more, encode_cursor(entries[-1].id, CURSOR) if entries and more else None)
