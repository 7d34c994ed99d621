"""Kiosk links over GraphQL: a manager lists, creates and revokes them; a showroom screen
reads one challenge's board with the token alone (no session), and follows it live."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.challenges.types import ChallengeFormat, ChallengeStatus, ScoringMode, Visibility
from server.challenges import standings
from server.challenges.errors import KioskLinkInvalid
from server.challenges.kiosk import KioskAccess, kiosk_access
from server.challenges.models import KioskLink as KioskLinkModel


@strawberry.type(description="A revocable, read-only link opening one challenge's TV board without a session.")
class KioskLink:
    id: strawberry.ID
    challenge_id: strawberry.ID
    label: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def as_kiosk_link(link: KioskLinkModel) -> KioskLink:
    return KioskLink(id=strawberry.ID(str(link.id)), challenge_id=strawberry.ID(str(link.challenge_id)), label=link.label,
                     created_at=link.created_at, last_used_at=link.last_used_at, revoked_at=link.revoked_at)


@strawberry.type(description="What a kiosk screen shows of its challenge (the rows come live, by kioskLeaderboard).")
class KioskBoard:
    challenge_id: strawberry.ID
    name: str
    organization_name: str
    status: ChallengeStatus
    format: ChallengeFormat
    scoring_mode: ScoringMode
    visibility: Visibility
    top_n: int
    race_target: float | None
    prizes: str
    starts_at: datetime
    ends_at: datetime
    leagues: list[str]


async def board_of(access: KioskAccess) -> KioskBoard:
    c = access.challenge
    return KioskBoard(
        challenge_id=strawberry.ID(str(c.id)), name=c.name, organization_name=access.organization_name, status=c.status,
        format=c.format, scoring_mode=c.scoring_mode, visibility=c.visibility, top_n=c.top_n,
        race_target=(c.rules or {}).get("race_target"), prizes=c.prizes, starts_at=c.starts_at, ends_at=c.ends_at,
        leagues=await standings.leagues_of(c),
    )


async def access_or_error(token: str) -> KioskAccess:
    found = await kiosk_access(token)
    if found is None:
        raise KioskLinkInvalid("token")
    return found
