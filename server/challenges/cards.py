"""What a challenge's card in the list shows: my rank (shared when level) and score, and the
leader, for a whole list at once.

Three statements whatever the list's length: my participations, the top score of each board,
the participants at that top score; ranks come from the rank index (O(log N), no SQL once a
board is loaded). The leader is named only when the challenge may name them: a participant
hidden from public screens is never named (TOP_AND_AROUND always names the first)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q

from server.accounts.models import User
from server.challenges.bounds import finite
from server.challenges.models import Challenge, ChallengeStatus, Participant, ParticipantKind
from server.challenges.movement import board_loader, key_of
from server.challenges.ranking import board_name, get_rank_index
from server.network.scope import Scope
from server.privacy.boards import anonymise_outside_team


@dataclass(slots=True)
class Card:
    my_rank: int | None = None
    my_tied: bool = False
    my_score: float | None = None
    leader_name: str | None = None  # None when nobody leads yet, or the leader is hidden
    leader_user_id: int | None = None
    leader_photo_url: str | None = None
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


_LEADERS_SQL = """
SELECT b.challenge_id, b.league, b.top, p.display_name, p.user_id, p.hidden, u.avatar_url
  FROM (SELECT q.challenge_id, q.league, max(q.score) AS top FROM challenge_participant q
         WHERE q.challenge_id IN ({ids}) GROUP BY q.challenge_id, q.league) b
  LEFT JOIN challenge_participant p
         ON p.challenge_id = b.challenge_id AND p.league = b.league AND p.score = b.top AND b.top > 0
  LEFT JOIN "user" u ON u.id = p.user_id
 ORDER BY b.challenge_id, b.league, p.tie DESC, p.id DESC"""


async def _leaders(cards: dict[int, Card], by_id: dict[int, Challenge], mine: dict[int, Participant]) -> None:
    """Every board's top score with the people who hold it, in one statement; the card shows
    the viewer's board, else the first league."""
    from tortoise import connections

    from server.db import dialect

    ids = list(by_id)
    sql = dialect(_LEADERS_SQL.format(ids=", ".join(f"${n + 1}" for n in range(len(ids)))))
    _, records = await connections.get("default").execute_query(sql, ids)
    boards: dict[tuple[int, str], list[Any]] = {}
    for record in records:
        boards.setdefault((int(record["challenge_id"]), str(record["league"])), []).append(record)
    chosen: dict[int, tuple[str, float]] = {}
    for (challenge_id, league), rows in sorted(boards.items()):
        wanted = mine[challenge_id].league if challenge_id in mine else None
        if challenge_id not in chosen or league == wanted:
            chosen[challenge_id] = (league, float(rows[0]["top"] or 0))
    for challenge_id, (league, top) in chosen.items():
        if top <= 0:
            continue
        card = cards[challenge_id]
        for row in boards[(challenge_id, league)]:
            if row["user_id"] is None and row["display_name"] is None:
                continue  # (no participant joined: a board without a leader)
            if card.leader_count == 0 and not row["hidden"]:
                card.leader_name, card.leader_user_id = row["display_name"], row["user_id"]
                card.leader_photo_url = row["avatar_url"]
            card.leader_count += 1


@dataclass(slots=True)
class _LeaderRow:
    display_name: str | None
    user_id: int | None
    is_me: bool = False


async def anonymise_leaders(viewer: User, cards: list[Card]) -> None:
    """The organisation's board default (« anonymous outside one's own team ») on the leaders
    the cards name, as on the board itself: the name and face go, the count stays."""
    named = [card for card in cards if card.leader_name is not None]
    rows = [_LeaderRow(card.leader_name, card.leader_user_id, card.leader_user_id == viewer.id) for card in named]
    await anonymise_outside_team(viewer, rows)
    for card, row in zip(named, rows, strict=True):
        if row.display_name is None:
            card.leader_name = card.leader_user_id = card.leader_photo_url = None
