"""A participant's score changes: re-score it, move it on the board, and tell who moved.

Every score change goes through `apply_parts`, under the challenge row lock taken by
`lock_challenges`, so ranks and leaderboard versions follow the commit order. The work is
O(log N + k): one move in the rank index, then the k nearest participants it passed.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from typing import Any

from tortoise.expressions import F

from server.challenges import events as board_events
from server.challenges.announcements import MOVED
from server.challenges.models import Challenge, ChallengeFormat, Participant, Visibility
from server.challenges.ranking import Key, Loader, Movement, board_name, get_rank_index
from server.challenges.scoring import score_parts, thresholds_reached
from server.db import Events
from server.deferred.services import defer

OVERTAKEN_NOTIFIED = 3  # the nearest ones passed are told (no spam on a big jump); the count is exact
Undo = Callable[[], Awaitable[None]]


def tie_for(moment: datetime) -> int:
    return -int(moment.timestamp() * 1_000_000)


def key_of(participant: Participant) -> Key:
    return (participant.score, participant.tie, participant.id)


def board_loader(challenge_id: int, league: str) -> Loader:
    async def load() -> list[Key]:
        rows = await Participant.filter(challenge_id=challenge_id, league=league).values_list(
            "score", "tie", "id"
        )
        return [(float(s), int(t), int(i)) for s, t, i in rows]

    return load


@contextlib.asynccontextmanager
async def rank_moves() -> AsyncIterator[list[Undo]]:
    """Wrap a transaction: if it fails, the index moves made inside it are undone."""
    undo: list[Undo] = []
    try:
        yield undo
    except BaseException:
        for step in reversed(undo):
            with contextlib.suppress(Exception):
                await step()
        raise


async def lock_challenges(challenge_ids: list[int]) -> dict[int, Challenge]:
    """Locks the challenges (in id order, so two writers never deadlock) and bumps versions."""
    if not challenge_ids:
        return {}
    ids = sorted(set(challenge_ids))
    locked = await Challenge.filter(id__in=ids).order_by("id").select_for_update()
    await Challenge.filter(id__in=ids).update(version=F("version") + 1)
    for challenge in locked:
        challenge.version += 1
    return {c.id: c for c in locked}


def higher_is_better(challenge: Challenge) -> dict[int, bool]:
    return {int(m["metric_id"]): bool(m.get("higher_is_better", True)) for m in challenge.rules.get("metrics", [])}


def public_row(
    challenge: Challenge, participant: Participant, rank: int, previous: int | None, previous_score: float | None = None,
) -> dict[str, Any]:
    """A leaderboard row as every subscriber sees it: no per-viewer detail in here. With shared
    ranks a phone places anyone by score: `previousScore` tells it whom the mover passed."""
    masked = participant.hidden or (challenge.visibility == Visibility.TOP_AND_AROUND and rank > challenge.top_n)
    return {
        "participantId": participant.id,
        "userId": participant.user_id,  # for the audiences of the board (server.privacy.boards), not sent
        "displayName": None if masked else participant.display_name,
        "unitName": participant.unit_name,
        "score": participant.score,
        "rank": rank,
        "previousRank": previous,
        "previousScore": previous_score,
        "thresholdsReached": participant.thresholds_reached,
    }


async def apply_parts(
    events: Events, undo: list[Undo], challenge: Challenge, participant: Participant,
    parts: dict[str, Any], now: datetime, unit_path: str | None = None,
) -> Movement:
    """Re-scores `participant` with `parts` and moves it; `unit_path`, when the caller knows
    it, is the participant's unit path (it saves the live dashboards a look-up)."""
    score, _ = score_parts(challenge.scoring_mode, challenge.rules, parts, higher_is_better(challenge))
    old_key = key_of(participant)
    tie = participant.tie if score == participant.score else tie_for(now)
    new_key: Key = (score, tie, participant.id)
    index, board = get_rank_index(), board_name(challenge.id, participant.league)
    load = board_loader(challenge.id, participant.league)
    movement = await index.move(board, old_key, new_key, OVERTAKEN_NOTIFIED, load)

    async def undo_move() -> None:
        await index.move(board, new_key, old_key, 0, load)

    undo.append(undo_move)
    before = participant.thresholds_reached
    old_parts = participant.parts
    participant.score, participant.tie, participant.parts = score, tie, parts
    participant.thresholds_reached = thresholds_reached(challenge.rules, score)
    await participant.save(update_fields=["score", "tie", "parts", "thresholds_reached"])
    events.publish(
        board_events.leaderboard_channel(challenge.id),
        board_events.rows_changed(
            challenge.id, participant.league, challenge.version,
            [public_row(challenge, participant, movement.new_rank, movement.old_rank,
                        old_key[0] if movement.old_rank is not None else None)],
        ),
    )
    await _announce(events, challenge, participant, movement, before, old_parts, unit_path)
    return movement


async def _announce(
    events: Events, challenge: Challenge, participant: Participant, movement: Movement,
    thresholds_before: int, old_parts: dict[str, Any], unit_path: str | None,
) -> None:
    organization_id = challenge.organization_id
    events.emit("challenges.result_recorded", {
        "organization_id": organization_id, "challenge_id": challenge.id,
        "participant_id": participant.id, "user_id": participant.user_id, "unit_id": participant.unit_id,
        "score": participant.score, "rank": movement.new_rank, "unit_path": unit_path,
    })
    if participant.user_id is None:
        return
    _emit_targets_reached(events, challenge, participant, old_parts)
    for level in sorted(challenge.rules.get("thresholds", []), key=lambda t: float(t["score"]))[
        thresholds_before : participant.thresholds_reached
    ]:
        events.emit("challenges.threshold_reached", {
            "organization_id": organization_id, "challenge_id": challenge.id,
            "user_id": participant.user_id, "score": float(level["score"]),
            "label": level.get("label", ""), "badge_id": level.get("badge_id"),
        })
    old_rank, new_rank = movement.old_rank, movement.new_rank
    if old_rank is None or challenge.format == ChallengeFormat.DUEL and new_rank > 1:
        return
    # leaving a tie passes those level with me without changing my own rank: they are told;
    # passing only people still at zero tells nobody, so nothing is deferred
    if new_rank >= old_rank and not any(score > 0 for _, score in movement.overtaken):
        return
    # who is told, and the podium post, are done after commit by the deferred runner: the
    # row below commits with the result, so nothing is lost and the result returns at once
    overtaken = [[pid, movement.rank_of_overtaken(i)] for i, (pid, score) in enumerate(movement.overtaken) if score > 0]
    await defer(events, MOVED, {
        "organization_id": organization_id, "challenge_id": challenge.id, "challenge_name": challenge.name,
        "format": str(challenge.format), "participant_id": participant.id, "user_id": participant.user_id,
        "display_name": participant.display_name, "hidden": participant.hidden,
        "old_rank": old_rank, "new_rank": new_rank, "overtaken": overtaken,
    })


def _emit_targets_reached(events: Events, challenge: Challenge, participant: Participant, old_parts: dict[str, Any]) -> None:
    for metric_id, now_part in participant.parts.get("metrics", {}).items():
        target = now_part.get("target")
        if not target:
            continue
        before = float(old_parts.get("metrics", {}).get(metric_id, {}).get("total", 0.0))
        if before < target <= float(now_part.get("total", 0.0)):
            events.emit("challenges.target_reached", {
                "organization_id": challenge.organization_id, "user_id": participant.user_id,
                "metric_id": int(metric_id), "period": challenge.starts_at.isoformat(),
                "challenge_id": challenge.id,
            })
