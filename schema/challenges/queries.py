"""Reading objectives, challenges and standings."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.challenges.kiosk import KioskBoard, KioskLink, access_or_error, as_kiosk_link, board_of
from schema.challenges.loaders import my_duels, units_by_id
from schema.challenges.types import (
    Challenge,
    ChallengeStatus,
    Metric,
    as_challenge,
    as_metric,
    as_unit,
)
from schema.context import Info
from schema.errors import query_error
from schema.ids import parse_id
from schema.network.types import Unit
from schema.permissions import scope_of
from server.challenges import duels, kiosk, lifecycle, metrics, standings, targets
from server.challenges.errors import ChallengeNotFound, KioskLinkInvalid
from server.challenges.tokens import list_tokens
from server.errors import DomainError


@strawberry.type(description="An objective for one person or unit over one period.")
class Target:
    id: strawberry.ID
    metric_id: strawberry.ID
    user_id: strawberry.ID | None
    unit_id: strawberry.ID | None
    period_start: datetime
    period_end: datetime
    value: float


@strawberry.type(description="A CRM's access to recordResult; the secret is shown only when created.")
class IntegrationToken:
    id: strawberry.ID
    name: str
    scope_unit_id: strawberry.ID
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def as_token(t: object) -> IntegrationToken:
    return IntegrationToken(
        id=strawberry.ID(str(t.id)), name=t.name, scope_unit_id=strawberry.ID(str(t.scope_unit_id)),  # type: ignore[attr-defined]
        created_at=t.created_at, last_used_at=t.last_used_at, revoked_at=t.revoked_at,  # type: ignore[attr-defined]
    )


@strawberry.type(description="A colleague one may challenge to a duel.")
class Colleague:
    id: strawberry.ID
    display_name: str


@strawberry.type
class ChallengesQuery:
    @strawberry.field(description="Colleagues of the viewer's point of sale, to challenge to a duel.")
    async def duel_opponents(self, info: Info) -> list[Colleague]:
        found = await duels.duel_opponents(scope_of(info))
        return [Colleague(id=strawberry.ID(str(p.id)), display_name=p.display_name) for p in found]

    @strawberry.field(description="Challenges the viewer can see (its branch, its subtree, its duels), newest first.")
    async def challenges(self, info: Info, status: ChallengeStatus | None = None) -> list[Challenge]:
        found = await standings.visible_challenges(scope_of(info), await my_duels(info).load(0))
        return [as_challenge(c) for c in found if status is None or c.status == status]

    @strawberry.field(description="One challenge, or null when it doesn't exist or isn't visible "
                      "(a draft is visible only to those who manage its scope unit).")
    async def challenge(self, info: Info, id: strawberry.ID) -> Challenge | None:
        try:
            found = await standings.visible_challenge(scope_of(info), parse_id(id))
            units_by_id(info).prime(found.scope_unit_id, found.scope_unit)  # (it came with the challenge)
            return as_challenge(found)
        except ChallengeNotFound:
            return None

    @strawberry.field(description="Metrics of the viewer's organisation.")
    async def metrics(self, info: Info) -> list[Metric]:
        return [as_metric(m) for m in await metrics.list_metrics(scope_of(info))]

    @strawberry.field(description="Duels the viewer was invited to and has not answered yet.")
    async def pending_duels(self, info: Info) -> list[Challenge]:
        return [as_challenge(c) for c in await duels.pending_duels(scope_of(info), await my_duels(info).load(0))]

    @strawberry.field(description="The viewer's own targets, latest period first.")
    async def my_targets(self, info: Info) -> list[Target]:
        found = await targets.my_targets(scope_of(info))
        return [Target(id=strawberry.ID(str(t.id)), metric_id=strawberry.ID(str(t.metric_id)),
                       user_id=strawberry.ID(str(t.user_id)), unit_id=None, period_start=t.period_start,
                       period_end=t.period_end, value=t.value) for t in found]

    @strawberry.field(description="Units the viewer may run a challenge over: its subtree (admins: the network), "
                      "top first; empty for members.")
    async def challenge_scopes(self, info: Info) -> list[Unit]:
        return [as_unit(u) for u in await lifecycle.challenge_scopes(scope_of(info))]

    @strawberry.field(description="Integration tokens of the organisation (admins only; empty otherwise).")
    async def integration_tokens(self, info: Info) -> list[IntegrationToken]:
        return [as_token(t) for t in await list_tokens(scope_of(info))]

    @strawberry.field(description="Kiosk links of a challenge the viewer manages, newest first.")
    async def kiosk_links(self, info: Info, challenge_id: strawberry.ID) -> list[KioskLink]:
        try:
            found = await kiosk.kiosk_links(scope_of(info), parse_id(challenge_id))
        except DomainError as error:
            raise query_error(error, info.context.language) from None
        return [as_kiosk_link(link) for link in found]

    @strawberry.field(description="A kiosk screen's challenge, read with its token alone (no session needed); "
                      "an unknown or revoked token is a NOT_FOUND error.")
    async def kiosk_board(self, info: Info, token: str) -> KioskBoard:
        try:
            return await board_of(await access_or_error(token))
        except KioskLinkInvalid as error:
            raise query_error(error, info.context.language) from None
