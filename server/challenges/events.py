"""Channels and payloads the challenges domain publishes (after commit)."""

from __future__ import annotations

from typing import Any

ROWS = "ROWS"  # rows whose score or rank changed; rows between old and new rank shift by one
RESET = "RESET"  # the board changed as a whole (close, rules); take a new snapshot


def leaderboard_channel(challenge_id: int) -> str:
    return f"leaderboard:{challenge_id}"


def rows_changed(challenge_id: int, league: str, version: int, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": ROWS,
        "challengeId": challenge_id,
        "league": league,
        "leaderboardVersion": version,
        "rows": rows,
    }


def board_reset(challenge_id: int, version: int, audiences: bool = False) -> dict[str, Any]:
    """`audiences`: who may read which names changed (server.privacy.boards): live streams,
    each built for one audience, end after telling their subscribers."""
    reset = {"type": RESET, "challengeId": challenge_id, "league": "", "leaderboardVersion": version, "rows": []}
    return {**reset, "audiences": True} if audiences else reset
