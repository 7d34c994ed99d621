"""Reading challenges: the list, a leaderboard page, my standing, the rows around me.

Ranks are shared by equal scores (standard competition ranking, 1, 2, 2, 4: see
server.challenges.ranking); rows keep the board's total order (score, tie, id) so pages are
stable, and each row says whether it is level with another (« 2e ex aequo »).

Who sees which challenge (server.network.scope): those who belong to its scope unit (it is
their branch's) once it is published, those who manage its scope unit always (drafts
included), the two people of a duel (and head office). Scores are read through
`bounds.finite`, so an old out-of-range row still reads as a number."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q
from tortoise.functions import Count

from server.accounts.models import User
from server.challenges.bounds import finite
from server.challenges.errors import ChallengeNotFound
from server.challenges.models import (
    Challenge,
    ChallengeFormat,
    ChallengeStatus,
    Participant,
    ParticipantKind,
    Visibility,
)
from server.challenges.movement import board_loader, higher_is_better, key_of
from server.challenges.ranking import board_name, get_rank_index, shared_ranks
from server.challenges.scoring import Part, next_threshold, score_parts
from server.errors import ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope
from server.sql import Statement

PAGE_MAX = 100
ROW_COLUMNS = ("id", "display_name", "unit_name", "league", "score", "tie", "user_id", "unit_id",
               "hidden", "thresholds_reached", "final_rank", "user__avatar_url")


@dataclass(slots=True)
class Row:
    participant_id: int
    rank: int
    display_name: str | None  # None when hidden from public screens
    unit_name: str
    league: str
    score: float
    thresholds_reached: int
    is_me: bool
    user_id: int | None
    cursor: str = ""
    tied: bool = False  # shares its rank with another participant
    photo_url: str | None = None  # the person's photo, only when the row is named


@dataclass(slots=True)
class Page:
    rows: list[Row]
    has_next_page: bool
    end_cursor: str | None
    version: int


@dataclass(slots=True)
class Standing:
    participant_id: int
    rank: int
    size: int
    league: str
    score: float
    parts: list[Part]
    gap_to_next_rank: float | None  # points to pass the one just above; None when first
    next_threshold: float | None
    gap_to_next_threshold: float | None
    final_rank: int | None
    tied: int = 0  # others at the same score, sharing the rank


def sees_challenge(scope: Scope, challenge: Challenge, unit: Unit) -> bool:
    """Whether the viewer sees a (non-duel) challenge whose scope unit is `unit`."""
    if scope.manages(unit):
        return True
    return challenge.status != ChallengeStatus.DRAFT and scope.belongs_to(unit)


async def visible_challenges(scope: Scope, duels: list[Challenge] | None = None) -> list[Challenge]:
    """Challenges of the viewer's branch and of what it manages (see the module docstring);
    the duels it is in first (`duels`: as `my_duels` gives them, when the caller read them)."""
    published_above = Q(scope_unit_id__in=scope.ancestor_ids) & ~Q(status=ChallengeStatus.DRAFT)
    query = Challenge.filter(organization_id=scope.organization_id)
    if scope.is_manager:
        query = query.filter(published_above | scope.subtree_filter("scope_unit__"))
    else:
        query = query.filter(published_above)
    found = await query.exclude(format=ChallengeFormat.DUEL).order_by("-starts_at", "-id").limit(200)
    if duels is None:
        duels = await my_duels(scope)
    return list(duels) + list(found)


async def my_duels(scope: Scope) -> list[Challenge]:
    """The duels the viewer takes part in, newest first: the list's and the pending ones."""
    if scope.user_id is None:
        return []
    statement = Statement()  # (by hand: the challenges screen asks on every visit)
    return await statement.objects(Challenge, f"""
SELECT c.* FROM challenge c
 WHERE c.organization_id = {statement.arg(scope.organization_id)} AND c.format = {statement.arg(ChallengeFormat.DUEL.value)}
   AND EXISTS (SELECT 1 FROM challenge_participant p WHERE p.challenge_id = c.id AND p.user_id = {statement.arg(scope.user_id)})
 ORDER BY c.created_at DESC, c.id DESC""")


async def visible_challenge(scope: Scope, challenge_id: int) -> Challenge:
    """A challenge the viewer sees, or ChallengeNotFound (a draft above the viewer too); its
    scope unit comes with it (`challenge.scope_unit`)."""
    challenge = await _challenge_with_unit(scope.organization_id, challenge_id)
    if challenge is None:
        raise ChallengeNotFound("id")
    if challenge.format == ChallengeFormat.DUEL:
        if scope.is_admin or await Participant.exists(challenge_id=challenge.id, user_id=scope.user_id):
            return challenge
        raise ChallengeNotFound("id")
    if not sees_challenge(scope, challenge, challenge.scope_unit):
        raise ChallengeNotFound("id")
    return challenge


_WITH_UNIT: dict[bool, str] = {}


async def _challenge_with_unit(organization_id: int, challenge_id: int) -> Challenge | None:
    """The challenge and its scope unit in one statement, by hand (a challenge's page opens
    with it; the ORM's join costs more Python than the read)."""
    statement = Statement()
    challenges, units = Challenge._meta.db_fields, Unit._meta.db_fields
    where = f"c.id = {statement.arg(challenge_id)} AND c.organization_id = {statement.arg(organization_id)}"
    if statement.pg not in _WITH_UNIT:
        _WITH_UNIT[statement.pg] = (
            "SELECT " + ", ".join([f'c."{f}" AS "c__{f}"' for f in challenges] + [f'u."{f}" AS "u__{f}"' for f in units])
            + f" FROM challenge c JOIN unit u ON u.id = c.scope_unit_id WHERE {where}")
    rows = await statement.rows(_WITH_UNIT[statement.pg])
    if not rows:
        return None
    row = rows[0]
    challenge = Challenge._init_from_db(**{f: row[f"c__{f}"] for f in challenges})
    unit = Unit._init_from_db(**{f: row[f"u__{f}"] for f in units})
    object.__setattr__(challenge, "_scope_unit", unit)  # as select_related("scope_unit") does
    return challenge


def encode_cursor(score: float, tie: int, pid: int, rank: int, position: int) -> str:
    raw = json.dumps([score, tie, pid, rank, position]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[float, int, int, int, int]:
    """(score, tie, id, shared rank, position) of the last row read."""
    try:
        found = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        score, tie, pid, rank = found[:4]
        position = found[4] if len(found) > 4 else rank
        return float(score), int(tie), int(pid), int(rank), int(position)
    except (ValueError, TypeError, IndexError, KeyError, binascii.Error) as error:
        raise ValidationFailed("cursor_invalid", "after") from error


def _below(score: float, tie: int, pid: int) -> Q:
    return Q(score__lt=score) | Q(score=score, tie__lt=tie) | Q(score=score, tie=tie, id__lt=pid)


def _row(challenge: Challenge, values: dict[str, Any], rank: int, viewer: User | None, around: bool = False) -> Row:
    mine = viewer is not None and values["user_id"] == viewer.id
    # TOP_AND_AROUND names the top N, and the viewer's neighbours in the "around me" view
    masked = values["hidden"] or (
        challenge.visibility == Visibility.TOP_AND_AROUND and rank > challenge.top_n and not around)
    named = mine or not masked
    return Row(
        participant_id=values["id"], rank=values["final_rank"] or rank,
        display_name=values["display_name"] if named else None,
        unit_name=values["unit_name"], league=values["league"], score=finite(values["score"]),
        thresholds_reached=values["thresholds_reached"], is_me=mine, user_id=values["user_id"],
        photo_url=values.get("user__avatar_url") if named else None,
    )


async def leaderboard_page(
    challenge: Challenge, league: str, first: int = 20, after: str | None = None, viewer: User | None = None
) -> Page:
    """A page in rank order. Ranks follow from the cursor, so no page ever counts rows."""
    if not 1 <= first <= PAGE_MAX:
        raise ValidationFailed("page_size_invalid", "first", max=PAGE_MAX)
    query = Participant.filter(challenge_id=challenge.id, league=league)
    start, previous = 0, None
    if after is not None:
        score, tie, pid, rank, start = decode_cursor(after)
        previous = (score, rank)
        query = query.filter(_below(score, tie, pid))
    found = await query.order_by("-score", "-tie", "-id").limit(first + 1).values(*ROW_COLUMNS)
    scores = [finite(v["score"]) for v in found]
    ranks = shared_ranks(scores, previous, start)
    rows = [_row(challenge, v, ranks[i], viewer) for i, v in enumerate(found[:first])]
    for i, (row, values) in enumerate(zip(rows, found, strict=False)):
        row.cursor = encode_cursor(scores[i], int(values["tie"]), int(values["id"]), ranks[i], start + i + 1)
        # level with the row before (on this page or the last one) or the row after (read with first + 1)
        row.tied = (i > 0 and scores[i - 1] == scores[i]) or (i == 0 and previous is not None and previous[0] == scores[0]) \
            or (i + 1 < len(scores) and scores[i + 1] == scores[i])
    return Page(rows, len(found) > first, rows[-1].cursor if rows else None, challenge.version)


async def leagues_of(challenge: Challenge) -> list[str]:
    found: list[Any] = await Participant.filter(challenge_id=challenge.id).distinct().values_list("league", flat=True)
    return sorted(str(league) for league in found)


async def my_participation(challenge: Challenge, viewer: User) -> Participant | None:
    if challenge.participant_kind == ParticipantKind.USER:
        return await Participant.get_or_none(challenge_id=challenge.id, user_id=viewer.id)
    unit = await Unit.get(id=viewer.unit_id)
    return await Participant.filter(challenge_id=challenge.id, unit_id__in=unit.ancestor_ids).first()


_ASK = object()


async def my_standing(challenge: Challenge, viewer: User, me: Participant | None | bool = True,
                      above_score: float | None | object = _ASK) -> Standing | None:
    """Rank, score, the breakdown, the gaps to the next rank and the next threshold (`me`: as
    for rows_around; `above_score`: the lowest score above mine, when the caller read it with
    my participation: server.challenges.cards.board_facts)."""
    if me is True:
        me = await my_participation(challenge, viewer)
    if me is None or me is False:
        return None
    index, board = get_rank_index(), board_name(challenge.id, me.league)
    load = board_loader(challenge.id, me.league)
    rank = me.final_rank or await index.rank(board, key_of(me), load)
    # the next place is won by reaching the lowest score strictly above mine (level shares it)
    above: float | None
    if above_score is _ASK:
        found = await Participant.filter(challenge_id=challenge.id, league=me.league, score__gt=me.score).order_by(
            "score").first().values("score")
        above = float(found["score"]) if found else None
    else:
        above = float(above_score) if isinstance(above_score, int | float) else None
    _, parts = score_parts(challenge.scoring_mode, challenge.rules, me.parts, higher_is_better(challenge))
    upcoming = next_threshold(challenge.rules, me.score)
    score = finite(me.score)
    return Standing(
        participant_id=me.id, rank=rank, size=await index.size(board, load), league=me.league,
        score=score, parts=parts,
        gap_to_next_rank=round(finite(finite(above) - score), 4) if above is not None else None,
        next_threshold=upcoming,
        gap_to_next_threshold=round(finite(upcoming - score), 4) if upcoming is not None else None,
        final_rank=me.final_rank, tied=await index.tied(board, key_of(me), load),
    )


_AROUND_COLUMNS = """p.id, p.display_name, p.unit_name, p.league, p.score, p.tie, p.user_id, p.unit_id, p.hidden,
       p.thresholds_reached, p.final_rank, u.avatar_url AS user__avatar_url"""
# the `span` rows just above the viewer's in the board's order (score, tie, id), then the
# viewer's and the `span` just below, in one statement
_AROUND_SQL = f"""
SELECT * FROM (SELECT {_AROUND_COLUMNS} FROM challenge_participant p LEFT JOIN "user" u ON u.id = p.user_id
                WHERE p.challenge_id = $1 AND p.league = $2
                  AND (p.score > $3 OR (p.score = $3 AND (p.tie > $4 OR (p.tie = $4 AND p.id > $5))))
                ORDER BY p.score, p.tie, p.id LIMIT $6) above
UNION ALL
SELECT * FROM (SELECT {_AROUND_COLUMNS} FROM challenge_participant p LEFT JOIN "user" u ON u.id = p.user_id
                WHERE p.challenge_id = $1 AND p.league = $2
                  AND (p.score < $3 OR (p.score = $3 AND (p.tie < $4 OR (p.tie = $4 AND p.id <= $5))))
                ORDER BY p.score DESC, p.tie DESC, p.id DESC LIMIT $7) below"""
_NUMBERED = re.compile(r"\$(\d+)")


async def rows_around(challenge: Challenge, viewer: User, span: int = 2, me: Participant | None | bool = True,
                      window: list[dict[str, Any]] | None = None) -> list[Row]:
    """The viewer's row with `span` rows above and below: the "around me" view (`me`: the
    viewer's participation when the caller has it already, None when it takes no part;
    `window`: those rows, when the caller read them with it: server.challenges.cards.board_facts)."""
    if me is True:
        me = await my_participation(challenge, viewer)
    if me is None or me is False:
        return []
    if window is not None:
        records = window
    else:
        from tortoise import connections

        from server.settings import get_settings

        sql = _NUMBERED.sub(r"?\1", _AROUND_SQL) if get_settings().is_sqlite else _AROUND_SQL
        _, found = await connections.get("default").execute_query(
            sql, [challenge.id, me.league, me.score, me.tie, me.id, span, span + 1])
        records = [dict(r) for r in found]
    window = sorted(records, key=lambda v: (-finite(v["score"]), -int(v["tie"]), -int(v["id"])))
    # each distinct score's shared rank and level count from the index: O(log N) each, no SQL
    index, board, load = get_rank_index(), board_name(challenge.id, me.league), board_loader(challenge.id, me.league)
    by_score: dict[float, tuple[int, int]] = {}
    for values in window:
        score = finite(values["score"])
        if score not in by_score:
            key = (score, int(values["tie"]), int(values["id"]))
            by_score[score] = (await index.rank(board, key, load), await index.tied(board, key, load))
    rows = []
    for values in window:
        rank, level = by_score[finite(values["score"])]
        row = _row(challenge, values, rank, viewer, around=values["id"] != me.id)
        row.tied = level > 0
        rows.append(row)
    return rows


async def live_snapshot(challenge_id: int, league: str, rows: int) -> Page:
    """The top rows of a board as they are now, read afresh (its version too)."""
    return await leaderboard_page(await Challenge.get(id=challenge_id), league, rows)


async def participant_counts(challenge_ids: list[int]) -> dict[int, int]:
    """How many take part in each challenge, in one query."""
    rows = await Participant.filter(challenge_id__in=challenge_ids).annotate(n=Count("id")).group_by(
        "challenge_id").values_list("challenge_id", "n")
    return {int(c): int(n) for c, n in rows}


async def units_by_ids(unit_ids: list[int]) -> dict[int, Unit]:
    """Challenges' scope units, in one query (the ids come from challenge rows)."""
    return {u.id: u for u in await Unit.filter(id__in=unit_ids)}
