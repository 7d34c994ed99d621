"""Sessions: one signed-in device each, sliding, with an absolute end, and revocable.

- A session lives `SESSION_DAYS` after it was last used (refreshed at most once an hour) and
  never more than `SESSION_MAX_DAYS` (setting, 90 by default) after it was opened. `expires_at`
  is always the earlier of the two, so every reader of the table (here, the fast feed, photos)
  honours both by checking `expires_at`; `current_session` also checks the opening date, so
  lowering the setting takes effect at once.
- The first use of a session in a new ISO week records that week of activity for its person
  (server.accounts.activity): the plan's weekly active people, kept after sessions end.
- Only the SHA-256 of a token is stored. Logout deletes the row; « sign out everywhere » and a
  deactivation set `revoked_at`. Either way the ids of the ended sessions go out on the bus after
  commit (server.accounts.events), and every instance closes the sockets opened with them.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.queryset import QuerySet

from server.accounts.activity import record_active_week, week_of
from server.accounts.events import SESSIONS_ENDED, SESSIONS_ENDED_HERE, sessions_ended
from server.accounts.models import Session, User
from server.db import Events, atomic
from server.settings import get_settings

SESSION_DAYS = 30
REFRESH_AFTER = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class LiveSession:
    id: int
    user: User  # with its unit loaded (`user.unit`)
    # where a member of a team acts: the point of sale above it (server.network.scope)
    point_of_sale_path: str | None = None
    # the organisation's board default, read with the session for the request that asks for it
    # (server.privacy.boards); a socket lives longer than a request and reads it when needed
    boards_anonymous: bool = False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _expiry(opened_at: datetime, now: datetime) -> datetime:
    absolute_end = opened_at + timedelta(days=get_settings().session_max_days)
    return min(now + timedelta(days=SESSION_DAYS), absolute_end)


async def open_session(user: User, user_agent: str = "") -> str:
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    await Session.create(
        user=user,
        token_hash=token_hash(token),
        user_agent=user_agent[:300],
        created_at=now,
        last_seen_at=now,
        expires_at=_expiry(now, now),
    )
    await record_active_week(user.id, now)
    return token


def _session_statement(tokens: int = 1) -> str:
    """The session, its person and unit, and a team's point of sale, in one statement: every
    request and socket begins with it, so it is written by hand (built once, from the models'
    columns so the objects are complete)."""
    from server.network.models import Unit

    people = ", ".join(f'u."{c}" AS "u__{c}"' for c in User._meta.db_fields)
    units = ", ".join(f'n."{c}" AS "n__{c}"' for c in Unit._meta.db_fields)
    return f"""
SELECT s.id AS session_id, s.token_hash AS session_token_hash, s.created_at AS session_created_at, s.last_seen_at AS session_last_seen_at,
       {people}, {units},
       CASE WHEN n.kind = 'TEAM' THEN (
         SELECT ps.path FROM unit ps
          WHERE ps.organization_id = n.organization_id AND ps.kind = 'POINT_OF_SALE'
            AND n.path LIKE ps.path || '%'
          ORDER BY ps.path DESC LIMIT 1) END AS point_of_sale_path,
       EXISTS (SELECT 1 FROM privacy_policy pp WHERE pp.organization_id = u.organization_id
                  AND pp.boards_anonymous_outside_team) AS boards_anonymous
  FROM session s
  JOIN "user" u ON u.id = s.user_id
  JOIN unit n ON n.id = u.unit_id
 WHERE s.token_hash IN ({", ".join(f"${n}" for n in range(1, tokens + 1))})
   AND s.revoked_at IS NULL AND s.expires_at > ${tokens + 1} AND s.created_at > ${tokens + 2}
   AND u.deactivated_at IS NULL"""


_STATEMENT: dict[tuple[bool, int], str] = {}
BATCH_LIMIT = 256  # tokens in one statement


async def _session_rows(hashes: list[str], now: datetime) -> dict[str, dict[str, Any]]:
    from tortoise import connections

    from server.db import dialect

    key = (get_settings().is_sqlite, len(hashes))
    if key not in _STATEMENT:
        _STATEMENT[key] = dialect(_session_statement(len(hashes)))
    _, rows = await connections.get("default").execute_query(
        _STATEMENT[key], [*hashes, now, now - timedelta(days=get_settings().session_max_days)]
    )
    return {str(row["session_token_hash"]): dict(row) for row in rows}


class _Batch:
    """Session lookups read together, one statement per BATCH_LIMIT tokens instead of one each:
    sockets opening at once (a reconnect storm after a restart) and HTTP requests arriving
    together.

    As a group commit: while a statement of lookups is in flight, the lookups asked meanwhile
    wait and go together in the next one, sent as soon as it returns. Requests rarely arrive in
    the same turn of the event loop, but many arrive during one statement (on SQLite, whose one
    connection reads one statement at a time behind Tortoise's lock, and on a busy pool), so
    the batch forms where the turn alone would leave one statement per request.

    Nothing is cached: a lookup joins only a statement not yet sent, so every lookup reads the
    table after it was asked, and a session ended before is never found."""

    def __init__(self) -> None:
        self.waiting: dict[str, list[asyncio.Future[dict[str, Any] | None]]] = {}
        self.in_flight = 0  # statements sent and not yet returned
        self.scheduled = False  # a flush is due in the next turn of the loop
        self.loop: asyncio.AbstractEventLoop | None = None

    async def find(self, hashed: str) -> dict[str, Any] | None:
        loop = asyncio.get_running_loop()
        if loop is not self.loop:  # a new loop (tests): nothing of the last one can be awaited
            self.loop, self.waiting, self.in_flight, self.scheduled = loop, {}, 0, False
        future: asyncio.Future[dict[str, Any] | None] = loop.create_future()
        self.waiting.setdefault(hashed, []).append(future)
        self._schedule()
        return await future

    def _schedule(self) -> None:
        # the next statement leaves when none is in flight, one turn of the loop after the
        # first lookup it carries (those asked in the same turn go with it)
        if self.waiting and not self.scheduled and not self.in_flight and self.loop is not None:
            self.scheduled = True
            self.loop.call_soon(self._flush)

    def _flush(self) -> None:
        self.scheduled = False
        waiting, self.waiting = self.waiting, {}
        hashes = list(waiting)
        for start in range(0, len(hashes), BATCH_LIMIT):
            chunk = {h: waiting[h] for h in hashes[start:start + BATCH_LIMIT]}
            self.in_flight += 1
            asyncio.ensure_future(self._read(chunk, self.loop))

    async def _read(self, chunk: dict[str, list[asyncio.Future[dict[str, Any] | None]]],
                    loop: asyncio.AbstractEventLoop | None) -> None:
        try:
            rows = await _session_rows(list(chunk), datetime.now(UTC))
        except BaseException as error:
            for futures in chunk.values():
                for future in futures:
                    if not future.done():
                        future.set_exception(error)
            if not isinstance(error, Exception):
                raise
            return
        finally:
            if loop is self.loop:
                self.in_flight -= 1
                self._schedule()
        for hashed, futures in chunk.items():
            for future in futures:
                if not future.done():
                    future.set_result(rows.get(hashed))


_BATCH = _Batch()


_COLUMNS: list[tuple[tuple[str, str], ...]] = []


def _columns() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(column, its name in the session's statement) of the person and of the unit, named once."""
    if not _COLUMNS:
        from server.network.models import Unit

        _COLUMNS.append(tuple((c, f"u__{c}") for c in User._meta.db_fields))
        _COLUMNS.append(tuple((c, f"n__{c}") for c in Unit._meta.db_fields))
    return _COLUMNS[0], _COLUMNS[1]


def _when(value: object) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[return-value]


async def current_session(token: str | None, *, batched: bool = False) -> LiveSession | None:
    """The live session behind a token, with its person (and unit), or None when the token is
    absent, unknown, expired, past its absolute lifetime, revoked, or its person deactivated.

    `batched` (sockets and HTTP requests, outside any transaction): the lookup goes with the
    others asked before the next statement of lookups leaves (`_Batch`), one statement for them
    all."""
    if not token or len(token) > 200:
        return None
    from server.network.models import Unit

    hashed = token_hash(token)
    found = await _BATCH.find(hashed) if batched else (await _session_rows([hashed], datetime.now(UTC))).get(hashed)
    if found is None:
        return None
    now = datetime.now(UTC)
    row = found
    people, units = _columns()
    user = User._init_from_db(**{c: row[k] for c, k in people})
    unit = Unit._init_from_db(**{c: row[k] for c, k in units})
    object.__setattr__(user, "_unit", unit)  # as select_related("user__unit") does
    session_id = int(row["session_id"])
    last_seen = _when(row["session_last_seen_at"])
    # a session first used in a new week records that week of activity (once per week)
    new_week = week_of(last_seen) != week_of(now)
    if new_week or now - last_seen > REFRESH_AFTER:
        await Session.filter(id=session_id).update(
            last_seen_at=now, expires_at=_expiry(_when(row["session_created_at"]), now)
        )
        if new_week:
            await record_active_week(user.id, now)
    return LiveSession(session_id, user, row["point_of_sale_path"], bool(row["boards_anonymous"]))


async def session_id_of(token: str | None) -> int | None:
    """The id of the session behind a token (whatever its state), or None."""
    if not token or len(token) > 200:
        return None
    found = await Session.filter(token_hash=token_hash(token)).first().values_list("id", flat=True)
    return int(str(found)) if found is not None else None


async def authenticate(token: str | None) -> User | None:
    """The person behind a session token, or None (see `current_session`)."""
    session = await current_session(token)
    return session.user if session is not None else None


async def logout(token: str) -> None:
    """Ends this session; its sockets close on every instance."""
    async with atomic() as events:
        ids = await _ids(Session.filter(token_hash=token_hash(token)))
        if ids:
            await Session.filter(id__in=ids).delete()
            _tell_sockets(events, ids)


async def end_sessions_of(user_id: int, events: Events, keep: int | None = None) -> int:
    """Revokes every live session of a person (but `keep`, the one asking, when given), inside
    the caller's transaction; their sockets close on every instance once it commits. Returns how
    many ended."""
    now = datetime.now(UTC)
    live = Session.filter(user_id=user_id, revoked_at=None, expires_at__gt=now)
    ids = await _ids(live.exclude(id=keep) if keep is not None else live)
    if ids:
        await Session.filter(id__in=ids).update(revoked_at=now)
        _tell_sockets(events, ids)
    return len(ids)


async def end_sessions_of_people(user_ids: list[int], events: Events) -> int:
    """`end_sessions_of` for many people at once (a network import), in two statements."""
    if not user_ids:
        return 0
    now = datetime.now(UTC)
    ids = await _ids(Session.filter(user_id__in=user_ids, revoked_at=None, expires_at__gt=now))
    if ids:
        await Session.filter(id__in=ids).update(revoked_at=now)
        _tell_sockets(events, ids)
    return len(ids)


async def _ids(sessions: QuerySet[Session]) -> list[int]:
    return [int(row["id"]) for row in await sessions.values("id")]


def _tell_sockets(events: Events, session_ids: list[int]) -> None:
    """After commit: every instance through the bus, and this one at once (server.hooks)."""
    events.publish(SESSIONS_ENDED, sessions_ended(session_ids))
    events.emit(SESSIONS_ENDED_HERE, sessions_ended(session_ids))
