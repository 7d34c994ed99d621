"""What a challenge's card in the list shows: my rank (shared when level) and score, and the
leader, for a whole list at once.

Three statements whatever the list's length: my participations, the top score of each board,
the participants at that top score; ranks come from the rank index (O(log N), no SQL once a
board is loaded). The leader is named only when the challenge may name them: a participant
hidden from public screens is never named (TOP_AND_AROUND always names the first)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from tortoise.expressions import Q
from tortoise.functions import Max

from server.challenges.bounds import finite
from server.challenges.models import Challenge, ChallengeStatus, Participant, ParticipantKind
from server.challenges.movement import board_loader, key_of
from server.challenges.ranking import board_name, get_rank_index
from server.network.scope import Scope


@dataclass(slots=True)
class Card:
    my_rank: int | None = None
    my_tied: bool = False
    my_score: float | None = None
    leader_name: str | None = None  # None when nobody leads yet, or the leader is hidden
    leader_user_id: int | None = None
    leader_count: int = 0  # how many share first place (0: nobody scored yet)


async def cards_for(scope: Scope, challenges: list[Challenge]) -> dict[int, Card]:
    if not challenges:
        return {}
    cards = {c.id: Card() for c in challenges}
    by_id = {c.id: c for c in challenges}
    mine_filter = Q(user_id=scope.user_id) if scope.user_id is not None else Q(id=-1)
    units = [c.id for c in challenges if c.participant_kind == ParticipantKind.UNIT]
    if units:
        mine_filter |= Q(challenge_id__in=units, unit_id__in=scope.ancestor_ids)
    mine: dict[int, Participant] = {}
    for participant in await Participant.filter(Q(challenge_id__in=list(by_id)) & mine_filter):
        mine.setdefault(participant.challenge_id, participant)
    index = get_rank_index()
    for challenge_id, participant in mine.items():
        card = cards[challenge_id]
        board = board_name(challenge_id, participant.league)
        load = board_loader(challenge_id, participant.league)
        closed = by_id[challenge_id].status == ChallengeStatus.CLOSED and participant.final_rank
        card.my_rank = participant.final_rank if closed else await index.rank(board, key_of(participant), load)
        card.my_tied = await index.tied(board, key_of(participant), load) > 0
        card.my_score = finite(participant.score)
    await _leaders(cards, by_id, mine)
    return cards


async def _leaders(cards: dict[int, Card], by_id: dict[int, Challenge], mine: dict[int, Participant]) -> None:
    tops: list[Any] = await Participant.filter(challenge_id__in=list(by_id)).annotate(top=Max("score")).group_by(
        "challenge_id", "league").values_list("challenge_id", "league", "top")
    # the board shown on the card: mine, else the first league
    chosen: dict[int, tuple[str, float]] = {}
    for challenge_id, league, top in sorted(tops, key=lambda row: (row[0], str(row[1]))):
        wanted = mine[challenge_id].league if challenge_id in mine else None
        if challenge_id not in chosen or league == wanted:
            chosen[int(challenge_id)] = (str(league), float(top or 0))
    leading = [(c, league, top) for c, (league, top) in chosen.items() if top > 0]
    if not leading:
        return
    clauses = [Q(challenge_id=c, league=league, score=top) for c, league, top in leading]
    rows = await Participant.filter(reduce(or_, clauses)).order_by("challenge_id", "-tie", "-id").values(
        "challenge_id", "display_name", "user_id", "hidden")
    for row in rows:
        card = cards[int(row["challenge_id"])]
        if card.leader_count == 0 and not row["hidden"]:
            card.leader_name, card.leader_user_id = row["display_name"], row["user_id"]
        card.leader_count += 1
