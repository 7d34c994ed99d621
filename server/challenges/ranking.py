"""The order-statistic index behind ranks: O(log N) rank, O(log N + k) for who was overtaken.

A COUNT of the rows above a score walks the index and grows with N (about 10 ms at 100,000
participants), so ranks come from an order-statistic structure instead:

- with REDIS_URL: one Redis sorted set per (challenge, league), shared by every instance;
  a move is one Lua script (ZREVRANK, ZADD, ZREVRANK, ZREVRANGE of the k passed);
- without Redis the server is a single process (the bus is in memory too), so the same
  structure lives in that process as a sorted list (sortedcontainers, O(log N) positional).

Both are rebuilt from the database (the truth) when missing. The order is (score, tie, id)
descending, exactly the order of the leaderboard query, so ranks and pages always agree.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from sortedcontainers import SortedList

from server.settings import get_settings

Key = tuple[float, int, int]  # (score, tie, participant id); higher ranks first
Loader = Callable[[], Awaitable[list[Key]]]
TIE_OFFSET = 10**17


@dataclass(frozen=True, slots=True)
class Movement:
    old_rank: int | None  # 1-based; None when the participant was not on the board
    new_rank: int
    size: int
    overtaken: list[tuple[int, float]]  # (participant id, score), nearest first, capped

    @property
    def overtaken_count(self) -> int:
        return max(0, (self.old_rank or self.new_rank) - self.new_rank)


class RankIndex(Protocol):
    async def move(self, board: str, old: Key | None, new: Key, cap: int, load: Loader) -> Movement: ...
    async def rank(self, board: str, key: Key, load: Loader) -> int: ...
    async def size(self, board: str, load: Loader) -> int: ...
    async def forget(self, board: str) -> None: ...
    async def close(self) -> None: ...


def board_name(challenge_id: int, league: str) -> str:
    return f"{challenge_id}:{league}"


class MemoryRankIndex:
    def __init__(self) -> None:
        self._boards: dict[str, SortedList] = {}
        self._lock = asyncio.Lock()

    async def _board(self, board: str, load: Loader) -> SortedList:
        found = self._boards.get(board)
        if found is None:
            async with self._lock:
                found = self._boards.get(board)
                if found is None:
                    found = SortedList(await load())
                    self._boards[board] = found
        return found

    async def move(self, board: str, old: Key | None, new: Key, cap: int, load: Loader) -> Movement:
        keys = await self._board(board, load)
        old_rank: int | None = None
        if old is not None and old in keys:
            old_rank = len(keys) - keys.bisect_right(old) + 1
            keys.remove(old)
        if new not in keys:
            keys.add(new)
        new_rank = len(keys) - keys.bisect_right(new) + 1
        overtaken: list[tuple[int, float]] = []
        if old is not None and old_rank is not None and old_rank > new_rank:
            passed = keys.irange(old, new, inclusive=(False, False), reverse=True)
            for key in passed:
                overtaken.append((key[2], key[0]))
                if len(overtaken) >= cap:
                    break
        return Movement(old_rank, new_rank, len(keys), overtaken)

    async def rank(self, board: str, key: Key, load: Loader) -> int:
        keys = await self._board(board, load)
        return len(keys) - keys.bisect_right(key) + 1

    async def size(self, board: str, load: Loader) -> int:
        return len(await self._board(board, load))

    async def forget(self, board: str) -> None:
        self._boards.pop(board, None)

    async def close(self) -> None:
        self._boards.clear()


_MOVE = """
if redis.call('EXISTS', KEYS[2]) == 0 then return false end
local old_rank = -1
if ARGV[1] ~= '' then
  local r = redis.call('ZREVRANK', KEYS[1], ARGV[1])
  if r then old_rank = r; redis.call('ZREM', KEYS[1], ARGV[1]) end
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
local new_rank = redis.call('ZREVRANK', KEYS[1], ARGV[3])
local passed = {}
if old_rank > new_rank then
  passed = redis.call('ZREVRANGE', KEYS[1], new_rank + 1, math.min(old_rank, new_rank + tonumber(ARGV[4])), 'WITHSCORES')
end
return {old_rank, new_rank, redis.call('ZCARD', KEYS[1]), passed}
"""


def member(key: Key) -> str:
    # equal scores sort by member, and ZREVRANK reverses that: (tie, id) descending
    return f"{key[1] + TIE_OFFSET:018d}:{key[2]:010d}"


def _member_id(text: str) -> int:
    return int(text.rsplit(":", 1)[1])


class RedisRankIndex:
    def __init__(self, url: str, prefix: str) -> None:
        from server.bus import redis_client

        self._redis = redis_client(url)
        self._prefix = f"{prefix}:rank:"
        self._move = self._redis.register_script(_MOVE)

    async def _ensure(self, board: str, load: Loader) -> str:
        key = self._prefix + board
        ready = key + ":ready"
        if await self._redis.exists(ready):
            return key
        lock = self._redis.lock(key + ":lock", timeout=60, blocking_timeout=60)
        async with lock:
            if not await self._redis.exists(ready):
                keys = await load()
                pipe = self._redis.pipeline(transaction=True)
                pipe.delete(key)
                for start in range(0, len(keys), 5000):
                    pipe.zadd(key, {member(k): k[0] for k in keys[start : start + 5000]})
                pipe.set(ready, "1")
                await pipe.execute()
        return key

    async def move(self, board: str, old: Key | None, new: Key, cap: int, load: Loader) -> Movement:
        key = self._prefix + board
        old_member = member(old) if old is not None else ""
        args: list[str | int] = [old_member, repr(new[0]), member(new), cap]
        # one round trip: the script says when the board must first be built from the database
        reply: list[Any] | None = await self._move(keys=[key, key + ":ready"], args=args)
        if not reply:
            await self._ensure(board, load)
            reply = await self._move(keys=[key, key + ":ready"], args=args)
        assert reply
        old_rank, new_rank, size = int(reply[0]), int(reply[1]), int(reply[2])
        passed: list[Any] = reply[3]
        overtaken = [(_member_id(passed[i]), float(passed[i + 1])) for i in range(0, len(passed), 2)]
        return Movement(old_rank + 1 if old_rank >= 0 else None, new_rank + 1, size, overtaken)

    async def rank(self, board: str, key: Key, load: Loader) -> int:
        name = await self._ensure(board, load)
        found: Any = await self._redis.zrevrank(name, member(key))
        if found is not None:
            return int(found) + 1
        # not on the board (yet): everyone strictly above it
        above = await self._redis.zcount(name, f"({key[0]!r}", "+inf")
        return int(above) + 1

    async def size(self, board: str, load: Loader) -> int:
        return int(await self._redis.zcard(await self._ensure(board, load)))

    async def forget(self, board: str) -> None:
        key = self._prefix + board
        await self._redis.delete(key, key + ":ready")

    async def close(self) -> None:
        await self._redis.aclose()


_index: RankIndex | None = None


def get_rank_index() -> RankIndex:
    global _index
    if _index is None:
        settings = get_settings()
        _index = (
            RedisRankIndex(settings.redis_url, settings.redis_prefix)
            if settings.redis_url
            else MemoryRankIndex()
        )
    return _index


async def close_rank_index() -> None:
    global _index
    if _index is not None:
        await _index.close()
        _index = None
