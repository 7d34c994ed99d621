"""The live leaderboard: a snapshot first, then the rows that changed, with a version.

The payload is the same for every subscriber of a (challenge, league) who reads the same
names (server.privacy.boards.BoardAudience): nothing else about the viewer is in it, so the
WebSocket layer executes it once per event and audience and sends that one result to all of
them (schema.fanout). The phone finds its own row by participant id.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Any

import strawberry

from schema.challenges.kiosk import access_or_error
from schema.context import Info
from schema.errors import query_error
from schema.ids import parse_id
from schema.permissions import scope_of
from server.bus import get_bus
from server.challenges import standings
from server.challenges.errors import ChallengeNotFound, KioskLinkInvalid
from server.challenges.events import RESET, ROWS, leaderboard_channel
from server.challenges.kiosk import kiosk_channel
from server.privacy.boards import BoardAudience, apply_audience, audience_of

QUEUE_LIMIT = 512
STOP = "STOP"
SNAPSHOT_ROWS = 50


@strawberry.enum(description="What a leaderboard event carries.")
class LeaderboardEventType(StrEnum):
    SNAPSHOT = "SNAPSHOT"  # the top rows as they are now
    ROWS = "ROWS"  # rows that moved; those between previousRank and rank shift by one
    RESET = "RESET"  # the board changed as a whole: ask for a new snapshot


@strawberry.type(description="A leaderboard row as every subscriber sees it.")
class LiveLeaderboardRow:
    participant_id: strawberry.ID
    rank: int
    previous_rank: int | None = strawberry.field(description="Rank before this change (null in a snapshot).")
    display_name: str | None = strawberry.field(description="Null when hidden from public screens.")
    unit_name: str
    score: float
    thresholds_reached: int
    previous_score: float | None = strawberry.field(
        default=None, description="Score before this change (null in a snapshot or for a newcomer): ranks are "
        "shared by equal scores, so a phone re-ranks those it knows by score.")
    tied: bool = strawberry.field(default=False, description="In a snapshot: whether another has the same score.")
    photo_url: str | None = strawberry.field(
        default=None, description="In a snapshot: the person's profile photo when the row is named (changes carry none: "
        "keep the one known).")


@strawberry.type(description="A snapshot or a change of a leaderboard. A version more than one "
                 "above the last one seen means changes were missed: take a new snapshot.")
class LeaderboardEvent:
    type: LeaderboardEventType
    challenge_id: strawberry.ID
    league: str
    version: int
    rows: list[LiveLeaderboardRow]


@dataclass(slots=True)
class _Named:
    """A live row with the person it names, for the board's audience (server.privacy.boards)."""

    row: LiveLeaderboardRow
    user_id: int | None
    is_me: bool = False

    @property
    def display_name(self) -> str | None:
        return self.row.display_name

    @display_name.setter
    def display_name(self, value: str | None) -> None:
        self.row.display_name = value
        if value is None:
            self.row.photo_url = None


def _live_row(row: dict[str, Any]) -> _Named:
    return _Named(LiveLeaderboardRow(
        participant_id=strawberry.ID(str(row["participantId"])), rank=row["rank"], previous_rank=row.get("previousRank"),
        previous_score=row.get("previousScore"),
        display_name=row.get("displayName"), unit_name=row.get("unitName", ""), score=row["score"],
        thresholds_reached=row.get("thresholdsReached", 0),
    ), row.get("userId"))


async def _snapshot(challenge_id: int, league: str) -> tuple[int, list[_Named]]:
    page = await standings.live_snapshot(challenge_id, league, SNAPSHOT_ROWS)
    return page.version, [
        _Named(LiveLeaderboardRow(participant_id=strawberry.ID(str(r.participant_id)), rank=r.rank, previous_rank=None,
                                  display_name=r.display_name, unit_name=r.unit_name, score=r.score,
                                  thresholds_reached=r.thresholds_reached, tied=r.tied, photo_url=r.photo_url), r.user_id)
        for r in page.rows
    ]


async def follow_board(
    challenge_id: int, board: str, audience: Callable[[], Awaitable[BoardAudience]],
    stop_channel: str | None = None, unnamed_units: bool = True,
) -> AsyncGenerator[LeaderboardEvent, None]:
    """A board's snapshot, then its changes, as `audience` reads them (the same payload for
    everyone it stands for). A message on `stop_channel` ends it (a revoked kiosk link); so
    does a RESET telling that audiences changed (the organisation's board default: the phones,
    told by the RESET, subscribe again, each under its new audience, schema.fanout). Without
    `unnamed_units`, a row whose name is hidden shows no unit either (a showroom wall)."""
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_LIMIT)
    units: dict[int, int | None] = {}  # the people's units, read once per stream

    def receive(message: dict[str, Any]) -> None:
        if not queue.full():  # a slow consumer loses events, and the version gap tells it
            queue.put_nowait(message)

    async def public(named: list[_Named]) -> list[LiveLeaderboardRow]:
        await apply_audience(reading, named, units)
        rows = [n.row for n in named]
        for row in rows:
            if not unnamed_units and row.display_name is None:
                row.unit_name = ""
        return rows

    def event(type_: LeaderboardEventType, version: int, rows: list[LiveLeaderboardRow]) -> LeaderboardEvent:
        return LeaderboardEvent(type=type_, challenge_id=strawberry.ID(str(challenge_id)), league=board,
                                version=version, rows=rows)

    bus = get_bus()
    stops = [bus.listen(leaderboard_channel(challenge_id), receive)]
    if stop_channel is not None:
        stops.append(bus.listen(stop_channel, lambda _: receive({"type": STOP})))
    try:
        reading = await audience()
        seen, named = await _snapshot(challenge_id, board)
        yield event(LeaderboardEventType.SNAPSHOT, seen, await public(named))
        while True:
            message = await queue.get()
            if message["type"] == STOP:
                return
            version = int(message["leaderboardVersion"])
            if version <= seen:
                continue
            seen = version
            if message["type"] == RESET:
                yield event(LeaderboardEventType.RESET, version, [])
                if message.get("audiences"):
                    return
                continue
            # versions count changes of every league: another league's change comes as an
            # empty ROWS event, so the sequence stays gap-free for this one
            other = message["type"] == ROWS and message["league"] != board
            rows = [] if other else await public([_live_row(r) for r in message["rows"]])
            yield event(LeaderboardEventType(message["type"]), version, rows)
    finally:
        for stop in stops:
            stop()


@strawberry.type
class ChallengesSubscription:
    @strawberry.subscription(description="A challenge's leaderboard live: a snapshot, then changed rows.")
    async def leaderboard(
        self, info: Info, challenge_id: strawberry.ID, league: str | None = None
    ) -> AsyncGenerator[LeaderboardEvent, None]:
        try:
            challenge = await standings.visible_challenge(scope_of(info), parse_id(challenge_id))
        except ChallengeNotFound as error:
            raise query_error(error, info.context.language) from None
        # the default must not depend on the viewer: the payload is shared (by audience, schema.fanout)
        board = league if league is not None else (await standings.leagues_of(challenge) or [""])[0]
        audience = partial(audience_of, challenge.organization_id, info.context.user)
        async for event in follow_board(challenge.id, board, audience):
            yield event

    @strawberry.subscription(description="A kiosk screen's board live, with the kiosk token alone (no session): "
                             "what the challenge lets public screens show. It ends when the link is revoked.")
    async def kiosk_leaderboard(
        self, info: Info, token: str, league: str | None = None
    ) -> AsyncGenerator[LeaderboardEvent, None]:
        try:
            access = await access_or_error(token)
        except KioskLinkInvalid as error:
            raise query_error(error, info.context.language) from None
        challenge = access.challenge
        leagues = await standings.leagues_of(challenge) or [""]
        board = league if league in leagues else leagues[0]
        # a showroom wall is nobody's team: under « anonymous outside one's own team » it names nobody
        kiosk = partial(audience_of, challenge.organization_id, None)
        async for event in follow_board(challenge.id, board, kiosk, kiosk_channel(access.link_id), unnamed_units=False):
            yield event
