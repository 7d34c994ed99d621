"""auditLog: who changed what, when, before → after (admins; managers for their subtree)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.permissions import scope_of
from server.audit import reading

strawberry.enum(reading.AuditKind, name="AuditKind", description="What an audit row is about.")
AuditKind = reading.AuditKind


@strawberry.type(description="Who made a change: a person, or an integration token.")
class AuditLogActor:
    id: strawberry.ID | None = strawberry.field(description="The person's or token's id; null once deleted.")
    name: str | None
    is_token: bool = strawberry.field(description="Whether an integration token made it.")


@strawberry.type(description="What a change was about.")
class AuditSubject:
    type: str = strawberry.field(description="person, invite, unit, challenge, token…")
    id: strawberry.ID | None
    name: str | None


@strawberry.type(description="One field of a change: what it was and what it became, as text.")
class AuditChange:
    field: str
    before: str | None
    after: str | None


@strawberry.type(description="One change: who, what, when, before → after.")
class AuditLogEntry:
    id: strawberry.ID
    at: datetime
    action: str = strawberry.field(description="What was done, e.g. person.updated, unit.moved, challenge.published.")
    kind: AuditKind
    actor: AuditLogActor | None
    subject: AuditSubject | None
    changes: list[AuditChange]

    @classmethod
    def of(cls, line: reading.AuditLine) -> AuditLogEntry:
        actor = None
        if line.actor_id is not None or line.token_id is not None:
            by_token = line.actor_id is None
            actor = AuditLogActor(
                id=strawberry.ID(str(line.token_id if by_token else line.actor_id)),
                name=line.token_name if by_token else line.actor_name, is_token=by_token,
            )
        subject = None
        if line.subject_type is not None:
            subject = AuditSubject(
                type=line.subject_type, id=strawberry.ID(str(line.subject_id)) if line.subject_id is not None else None,
                name=line.subject_name,
            )
        return cls(
            id=strawberry.ID(str(line.id)), at=line.at, action=line.action, kind=line.kind, actor=actor,
            subject=subject, changes=[AuditChange(field=c.field, before=c.before, after=c.after) for c in line.changes],
        )


@strawberry.type
class AuditLogEdge:
    cursor: str
    node: AuditLogEntry


@strawberry.type
class AuditLogPageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="A page of the audit log, newest first.")
class AuditLogConnection:
    edges: list[AuditLogEdge]
    page_info: AuditLogPageInfo


@strawberry.input(description="Narrows the audit log; every field is optional.")
class AuditLogFilter:
    kind: AuditKind | None = None
    person_id: strawberry.ID | None = strawberry.field(default=None, description="Changes made by this person or about them.")
    since: datetime | None = strawberry.field(default=None, description="From this moment...")
    until: datetime | None = strawberry.field(default=None, description="...to this one (excluded).")


def _filter(value: AuditLogFilter | None) -> reading.AuditFilter:
    if value is None:
        return reading.AuditFilter()
    return reading.AuditFilter(
        kind=reading.AuditKind(value.kind) if value.kind else None,
        person_id=parse_id(value.person_id) if value.person_id else None,
        since=value.since, until=value.until,
    )


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="Changes to people, invites, units, challenges' rules, publication and closing, targets and "
        "integration tokens, newest first: an admin's organisation, a manager's subtree (made by its people or "
        "about its people, invites and units); members are refused. Recorded results are in resultAudit.",
        extensions=[DomainErrors()],
    )
    async def audit_log(
        self, info: Info, first: int = 30, after: str | None = None, filter: AuditLogFilter | None = None
    ) -> AuditLogConnection:
        page = await reading.audit_log(scope_of(info), _filter(filter), first, after)
        return AuditLogConnection(
            edges=[AuditLogEdge(cursor=reading.encode_cursor(line.id, reading.CURSOR), node=AuditLogEntry.of(line)) for line in page.lines],
            page_info=AuditLogPageInfo(has_next_page=page.has_next_page, end_cursor=page.end_cursor),
        )
