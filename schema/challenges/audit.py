"""The result audit and the integration tokens' use, for managers (their subtree) and admins."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from schema.challenges.loaders import metrics_by_id
from schema.challenges.types import Metric, ParticipantKind, as_metric
from schema.context import Info
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.permissions import scope_of
from server.challenges import audit
from server.challenges.models import ParticipantKind as ParticipantKindEnum


@strawberry.enum(description="Who recorded a result: a person or an integration token.")
class AuditActorKind(StrEnum):
    PERSON = "PERSON"
    INTEGRATION_TOKEN = "INTEGRATION_TOKEN"


@strawberry.type(description="The person or integration token that recorded a result.")
class AuditActor:
    kind: AuditActorKind
    id: strawberry.ID | None = strawberry.field(description="The person's or token's id; null once deleted.")
    name: str


@strawberry.type(description="The person or unit a result is about.")
class AuditParticipant:
    kind: ParticipantKind
    id: strawberry.ID
    name: str


@strawberry.type(description="One recorded result: who, what, when; a correction carries its reason.")
class ResultAuditEntry:
    line: strawberry.Private[audit.AuditLine]
    id: strawberry.ID
    recorded_at: datetime = strawberry.field(description="When it was recorded.")
    occurred_at: datetime = strawberry.field(description="When the sale or event happened (the period it counts for).")
    value: float = strawberry.field(description="Signed: a negative value takes something back.")
    reason: str | None = strawberry.field(description="Why, for a correction.")
    is_correction: bool = strawberry.field(description="Whether this result corrects earlier ones (it has a reason).")
    participant: AuditParticipant
    recorded_by: AuditActor

    @strawberry.field(description="The metric the result counts for.")
    async def metric(self, info: Info) -> Metric | None:
        found = await metrics_by_id(info).load(self.line.metric_id)
        return as_metric(found) if found is not None else None


def as_entry(line: audit.AuditLine) -> ResultAuditEntry:
    by_token = line.recorded_by_id is None and line.token_id is not None
    actor_id = line.token_id if by_token else line.recorded_by_id
    return ResultAuditEntry(
        line=line, id=strawberry.ID(str(line.id)), recorded_at=line.recorded_at, occurred_at=line.occurred_at,
        value=line.value, reason=line.reason, is_correction=line.is_correction,
        participant=AuditParticipant(kind=line.participant_kind, id=strawberry.ID(str(line.participant_id)),
                                     name=line.participant_name),
        recorded_by=AuditActor(kind=AuditActorKind.INTEGRATION_TOKEN if by_token else AuditActorKind.PERSON,
                               id=strawberry.ID(str(actor_id)) if actor_id is not None else None, name=line.actor_name),
    )


@strawberry.type
class ResultAuditEdge:
    cursor: str
    node: ResultAuditEntry


@strawberry.type
class ResultAuditPageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="A page of the result audit, newest first.")
class ResultAuditConnection:
    edges: list[ResultAuditEdge]
    page_info: ResultAuditPageInfo


@strawberry.input(description="Narrows the result audit; every field is optional.")
class ResultAuditFilter:
    metric_id: strawberry.ID | None = None
    participant_id: strawberry.ID | None = strawberry.field(default=None, description="A person, or a unit with participantKind UNIT.")
    participant_kind: ParticipantKind = ParticipantKindEnum.USER
    period_start: datetime | None = strawberry.field(default=None, description="Results that occurred from this moment...")
    period_end: datetime | None = strawberry.field(default=None, description="...and before this one.")
    corrections_only: bool = False


def _filter(value: ResultAuditFilter | None) -> audit.AuditFilter:
    if value is None:
        return audit.AuditFilter()
    return audit.AuditFilter(
        metric_id=parse_id(value.metric_id) if value.metric_id else None,
        participant_kind=ParticipantKindEnum(value.participant_kind),
        participant_id=parse_id(value.participant_id) if value.participant_id else None,
        period_start=value.period_start, period_end=value.period_end, corrections_only=value.corrections_only,
    )


@strawberry.type(description="How an integration token has been used on the viewer's scope.")
class IntegrationTokenUse:
    id: strawberry.ID
    name: str
    scope_unit_name: str
    last_used_at: datetime | None
    revoked_at: datetime | None
    entry_count: int = strawberry.field(description="Results it recorded about the viewer's scope.")
    last_entry_at: datetime | None


@strawberry.type
class ChallengesAuditQuery:
    @strawberry.field(description="Results recorded by hand, by import or by integration tokens, newest first: "
                      "a manager's subtree, an admin's organisation; members are refused.",
                      extensions=[DomainErrors()])
    async def result_audit(self, info: Info, first: int = 20, after: str | None = None,
                           filter: ResultAuditFilter | None = None) -> ResultAuditConnection:
        page = await audit.result_audit_page(scope_of(info), first, after, _filter(filter))
        return ResultAuditConnection(
            edges=[ResultAuditEdge(cursor=audit.cursor_for(line.id), node=as_entry(line)) for line in page.lines],
            page_info=ResultAuditPageInfo(has_next_page=page.has_next_page, end_cursor=page.end_cursor),
        )

    @strawberry.field(description="Integration tokens that recorded results on the viewer's scope (admins: all), "
                      "with their last use and entry count; members are refused.",
                      extensions=[DomainErrors()])
    async def integration_token_use(self, info: Info) -> list[IntegrationTokenUse]:
        found = await audit.token_use(scope_of(info))
        return [IntegrationTokenUse(id=strawberry.ID(str(t.id)), name=t.name, scope_unit_name=t.scope_unit_name,
                                    last_used_at=t.last_used_at, revoked_at=t.revoked_at, entry_count=t.entries,
                                    last_entry_at=t.last_entry_at) for t in found]
