"""The live leaderboard: a snapshot first, then the rows that changed, with a version.

The payload is the same for every subscriber of a (challenge, league): nothing about the
viewer is in it, so the WebSocket layer executes it once per event and sends that one
result to all of them (schema.ws). The phone finds its own row by participant id.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from enum import StrEnum
from typing import Any

import strawberry

from schema.context import Info
from schema.errors import query_error
from schema.ids import parse_id
from schema.permissions import scope_of
from server.bus import get_bus
from server.challenges import standings
from server.challenges.errors import ChallengeNotFound
from server.challenges.events import ROWS, leaderboard_channel

QUEUE_LIMIT = 512
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


@strawberry.type(description="A snapshot or a change of a leaderboard. A version more than one "
                 "above the last one seen means changes were missed: take a new snapshot.")
class LeaderboardEvent:
    type: LeaderboardEventType
    challenge_id: strawberry.ID
    league: str
    version: int
    rows: list[LiveLeaderboardRow]


def _live_row(row: dict[str, Any]) -> LiveLeaderboardRow:
    return LiveLeaderboardRow(
        participant_id=strawberry.ID(str(row["participantId"])), rank=row["rank"], previous_rank=row.get("previousRank"),
        previous_score=row.get("previousScore"),
        display_name=row.get("displayName"), unit_name=row.get("unitName", ""), score=row["score"],
        thresholds_reached=row.get("thresholdsReached", 0),
    )


async def _snapshot(challenge_id: int, league: str) -> LeaderboardEvent:
    page = await standings.live_snapshot(challenge_id, league, SNAPSHOT_ROWS)
    rows = [
        LiveLeaderboardRow(participant_id=strawberry.ID(str(r.participant_id)), rank=r.rank, previous_rank=None,
                           display_name=r.display_name, unit_name=r.unit_name, score=r.score,
                           thresholds_reached=r.thresholds_reached, tied=r.tied)
        for r in page.rows
    ]
    return LeaderboardEvent(type=LeaderboardEventType.SNAPSHOT, challenge_id=strawberry.ID(str(challenge_id)),
                            league=league, version=page.version, rows=rows)


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
        # the default must not depend on the viewer: the payload is shared
        board = league if league is not None else (await standings.leagues_of(challenge) or [""])[0]
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_LIMIT)

        def receive(message: dict[str, Any]) -> None:
            if not queue.full():  # a slow consumer loses events, and the version gap tells it
                queue.put_nowait(message)

        stop = get_bus().listen(leaderboard_channel(challenge.id), receive)
        try:
            snapshot = await _snapshot(challenge.id, board)
            yield snapshot
            seen = snapshot.version
            while True:
                message = await queue.get()
                version = int(message["leaderboardVersion"])
                if version <= seen:
                    continue
                seen = version
                # versions count changes of every league: another league's change comes as an
                # empty ROWS event, so the sequence stays gap-free for this one
                other = message["type"] == ROWS and message["league"] != board
                yield LeaderboardEvent(
                    type=LeaderboardEventType(message["type"]), challenge_id=strawberry.ID(str(challenge.id)),
                    league=board, version=version, rows=[] if other else [_live_row(r) for r in message["rows"]],
                )
        finally:
            stop()
