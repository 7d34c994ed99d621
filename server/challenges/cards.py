"""What a challenge's card in the list shows: my rank (shared when level) and score, and the
leader, for a whole list at once.

One statement whatever the list's length (`board_facts`: each board's size and top score with
the people at it, and my participations; a challenge's page reads its count and my
participation from it too); ranks come from the rank index (O(log N), no SQL once a board is
loaded). The leader is named only when the challenge may name them: a participant
hidden from public screens is never named (TOP_AND_AROUND always names the first)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from server.accounts.models import User
from server.challenges.bounds import finite
from server.challenges.models import Challenge, ChallengeStatus, Participant, ParticipantKind
from server.challenges.movement import board_loader, key_of
from server.challenges.ranking import board_name, get_rank_index
from server.network.scope import Scope
from server.privacy.boards import anonymise_outside_team
from server.sql import Statement


@dataclass(slots=True)
class Card:
    my_rank: int | None = None
    my_tied: bool = False
    my_score: float | None = None
    leader_name: str | None = None  # None when nobody leads yet, or the leader is hidden
    leader_user_id: int | None = None
    leader_photo_url: str | None = None
    leader_count: int = 0  # how many share first place (0: nobody scored yet)


@dataclass(slots=True)
class BoardFacts:
    """What the list and a challenge's page read of one challenge's boards: how many take part,
    the viewer's participation (its own, or its unit's), and each league's top score with the
    people who hold it (by tie-break, none when nobody scored)."""

    count: int = 0
    mine: Participant | None = None
    tops: dict[str, tuple[float, list[Any]]] = field(default_factory=dict)  # league -> (top, holders)
    above: float | None = None  # the lowest score above mine in my league (the next place's)
    around: list[dict[str, Any]] | None = None  # the rows around mine, when read with them (a page)

    @property
    def leagues(self) -> list[str]:
        return sorted(self.tops)


_FACTS_SQL = """{me}
SELECT b.challenge_id AS challenge_id, b.league AS league, b.top AS top, b.n AS n, p.display_name AS display_name,
       p.user_id AS user_id, p.hidden AS hidden, u.avatar_url AS avatar_url, p.tie AS tie, p.id AS leader_id,
       NULL AS above, 'board' AS part, {no_mine}
  FROM (SELECT q.challenge_id, q.league, max(q.score) AS top, count(*) AS n FROM challenge_participant q
         WHERE q.challenge_id IN {boards} GROUP BY q.challenge_id, q.league) b
  LEFT JOIN challenge_participant p
         ON p.challenge_id = b.challenge_id AND p.league = b.league AND p.score = b.top AND b.top > 0
  LEFT JOIN "user" u ON u.id = p.user_id
UNION ALL
SELECT m.challenge_id, m.league, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       (SELECT min(a.score) FROM challenge_participant a
         WHERE a.challenge_id = m.challenge_id AND a.league = m.league AND a.score > m.score), 'mine', {mine}
  FROM challenge_participant m WHERE m.challenge_id IN {listed} AND ({condition}){around}
 ORDER BY 1, 2, 9 DESC, 10 DESC, "m__id"
"""
# a challenge's page: my participation (the first by league and id, as `mine`), and the rows
# around it (server.challenges.standings.rows_around) by primary key, each place found by the
# board's index: the `span` just above, mine and the `span` just below
_ME_SQL = """
WITH me AS (SELECT m.* FROM challenge_participant m WHERE m.challenge_id IN {listed} AND ({condition})
             ORDER BY m.league, m.id LIMIT 1)"""
_AROUND_SQL = """
UNION ALL
SELECT p.challenge_id, p.league, NULL, NULL, NULL, NULL, NULL, u.avatar_url, NULL, NULL, NULL, 'around', {columns}
  FROM challenge_participant p LEFT JOIN "user" u ON u.id = p.user_id
 WHERE p.id IN ({places})"""
# (my score, tie and id as values, not a join: the board's index then finds each place)
_ME = "((SELECT score FROM me), (SELECT tie FROM me), (SELECT id FROM me))"
_BOARD = "a.challenge_id = (SELECT challenge_id FROM me) AND a.league = (SELECT league FROM me)"
_ABOVE = f"""(SELECT a.id FROM challenge_participant a WHERE {_BOARD} AND (a.score, a.tie, a.id) > {_ME}
 ORDER BY a.score, a.tie, a.id LIMIT 1 OFFSET {{k}})"""
_BELOW = f"""(SELECT a.id FROM challenge_participant a WHERE {_BOARD} AND (a.score, a.tie, a.id) <= {_ME}
 ORDER BY a.score DESC, a.tie DESC, a.id DESC LIMIT 1 OFFSET {{k}})"""
AROUND_SPAN = 2  # rows above and below the viewer's on a challenge's page
AROUND_COLUMNS = ("id", "display_name", "unit_name", "league", "score", "tie", "user_id", "unit_id", "hidden",
                  "thresholds_reached", "final_rank")


_WRITTEN: dict[tuple[bool, bool, bool], str] = {}


async def board_facts(scope: Scope, challenges: list[Challenge]) -> dict[int, BoardFacts]:
    """Every board's size and top, and the viewer's participations with the score of the place
    above each, in one statement whatever the list's length; for a challenge's page (a list of
    one), the rows around the viewer's too."""
    facts = {c.id: BoardFacts() for c in challenges}
    if not challenges:
        return facts
    statement = Statement()
    boards, listed = statement.ids(facts), statement.ids(facts)
    condition = f"m.user_id = {statement.arg(scope.user_id if scope.user_id is not None else -1)}"
    units = [c.id for c in challenges if c.participant_kind == ParticipantKind.UNIT]
    if units:  # a unit's challenge: the viewer takes part through its unit or one above it
        condition += f" OR (m.challenge_id IN {statement.ids(units)} AND m.unit_id IN {statement.ids(await _my_units(scope))})"
    # the text is the same for every list of the same shape: written once
    around = len(challenges) == 1 and scope.user_id is not None
    key = (statement.pg, bool(units), around)
    if key not in _WRITTEN:
        columns = Participant._meta.db_fields  # (complete once the models are initialised)
        places = [_ABOVE.format(k=k) for k in range(AROUND_SPAN)] + [_BELOW.format(k=k) for k in range(AROUND_SPAN + 1)]
        _WRITTEN[key] = _FACTS_SQL.format(
            boards=boards, listed=listed, condition=condition, mine=", ".join(f'm."{c}" AS "m__{c}"' for c in columns),
            no_mine=", ".join(f'NULL AS "m__{c}"' for c in columns),
            me=_ME_SQL.format(listed=listed, condition=condition) if around else "",
            around=_AROUND_SQL.format(columns=", ".join(f'p."{c}" AS "m__{c}"' for c in columns),
                                      places=",\n ".join(places)) if around else "")
    rows = await statement.rows(_WRITTEN[key])
    if around:
        for found in facts.values():
            found.around = []
    for row in rows:
        found = facts[int(row["challenge_id"])]
        if row["part"] == "around":
            window = {c: row[f"m__{c}"] for c in AROUND_COLUMNS}
            window["user__avatar_url"] = row["avatar_url"]
            assert found.around is not None
            found.around.append(window)
            continue
        if row["m__id"] is not None:
            if found.mine is None:  # the first by id, as the viewer's own
                found.mine = Participant._init_from_db(**{c: row[f"m__{c}"] for c in Participant._meta.db_fields})
                found.above = float(row["above"]) if row["above"] is not None else None
            continue
        league = str(row["league"])
        if league not in found.tops:
            found.count += int(row["n"])
            found.tops[league] = (float(row["top"] or 0), [])
        if row["user_id"] is not None or row["display_name"] is not None:  # (a board without a leader: none)
            found.tops[league][1].append(row)
    return facts


async def _my_units(scope: Scope) -> list[int]:
    """The viewer's unit and those above it (its own unit was read with the session)."""
    from server.network.models import Unit

    unit = scope.own_unit
    if unit is None and scope.user is not None:
        unit = await Unit.get(id=scope.user.unit_id)
    return unit.ancestor_ids if unit is not None else []


async def cards_for(scope: Scope, challenges: list[Challenge], facts: dict[int, BoardFacts]) -> dict[int, Card]:
    """The cards of a list from its boards' facts (`board_facts`): no statement; ranks from
    the rank index."""
    cards = {c.id: Card() for c in challenges}
    index = get_rank_index()
    for challenge in challenges:
        participant = facts[challenge.id].mine
        if participant is None:
            continue
        card = cards[challenge.id]
        board = board_name(challenge.id, participant.league)
        load = board_loader(challenge.id, participant.league)
        closed = challenge.status == ChallengeStatus.CLOSED and participant.final_rank
        card.my_rank = participant.final_rank if closed else await index.rank(board, key_of(participant), load)
        card.my_tied = await index.tied(board, key_of(participant), load) > 0
        card.my_score = finite(participant.score)
    for challenge in challenges:
        _leader(cards[challenge.id], facts[challenge.id])
    return cards


def _leader(card: Card, facts: BoardFacts) -> None:
    """The card shows the viewer's board, else the first league."""
    if not facts.tops:
        return
    wanted = facts.mine.league if facts.mine is not None else None
    league = wanted if wanted in facts.tops else min(facts.tops)
    top, holders = facts.tops[league]
    if top <= 0:
        return
    for row in holders:
        if card.leader_count == 0 and not row["hidden"]:
            card.leader_name, card.leader_user_id = row["display_name"], row["user_id"]
            card.leader_photo_url = row["avatar_url"]
        card.leader_count += 1


@dataclass(slots=True)
class _LeaderRow:
    display_name: str | None
    user_id: int | None
    is_me: bool = False


async def anonymise_leaders(viewer: User, cards: list[Card], anonymous: bool | None = None) -> None:
    """The organisation's board default (« anonymous outside one's own team ») on the leaders
    the cards name, as on the board itself: the name and face go, the count stays (`anonymous`:
    the default when the caller read it already)."""
    named = [card for card in cards if card.leader_name is not None]
    rows = [_LeaderRow(card.leader_name, card.leader_user_id, card.leader_user_id == viewer.id) for card in named]
    await anonymise_outside_team(viewer, rows, anonymous)
    for card, row in zip(named, rows, strict=True):
        if row.display_name is None:
            card.leader_name = card.leader_user_id = card.leader_photo_url = None
