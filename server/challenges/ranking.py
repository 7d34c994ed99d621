"""The order-statistic index behind ranks: O(log N) rank, O(log N + k) for who was overtaken.

Ranks are standard competition ranks ("1, 2, 2, 4"): equal scores share a rank, which is one
plus the number of participants with a strictly higher score. The board still keeps a total
order (score, tie, id) so pages are stable, but `tie` only orders rows on screen, never ranks.
Moving from score a up to score b overtakes exactly those whose score is in [a, b): the ones
that were above or level and are now below (those at exactly b become level, not passed).

A COUNT of the rows above a score walks the index and grows with N (about 10 ms at 100,000
participants), so ranks come from an order-statistic structure instead:

- with REDIS_URL: one Redis sorted set per (challenge, league), shared by every instance;
  a move is one Lua script (ZSCORE, ZCOUNT, ZADD, ZCOUNT, ZREVRANGEBYSCORE of the k passed);
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


INF = float("inf")


@dataclass(frozen=True, slots=True)
class Movement:
    old_rank: int | None  # competition rank, 1-based; None when the participant was not on the board
    new_rank: int
    size: int
    overtaken: list[tuple[int, float]]  # (participant id, score), nearest first, capped
    overtaken_count: int = 0  # exact, even past the cap
    tied: int = 0  # others at exactly the new score (they share the rank)

    def rank_of_overtaken(self, position: int) -> int:
        """The new rank of the `position`-th (0-based) participant of `overtaken`."""
        score = self.overtaken[position][1]
        above = sum(1 for _, other in self.overtaken[:position] if other > score)
        return self.new_rank + 1 + self.tied + above


class RankIndex(Protocol):
    async def move(self, board: str, old: Key | None, new: Key, cap: int, load: Loader) -> Movement: ...
    async def rank(self, board: str, key: Key, load: Loader) -> int: ...
    async def tied(self, board: str, key: Key, load: Loader) -> int: ...
    async def size(self, board: str, load: Loader) -> int: ...
    async def forget(self, board: str) -> None: ...
    async def close(self) -> None: ...


def board_name(challenge_id: int, league: str) -> str:
    return f"{challenge_id}:{league}"


def shared_ranks(scores: list[float], previous: tuple[float, int] | None, start: int) -> list[int]:
    """Competition ranks of consecutive rows in board order, the first at position `start` + 1;
    `previous` is (score, rank) of the row just before them, when there is one."""
    ranks: list[int] = []
    last = previous
    for i, score in enumerate(scores):
        rank = last[1] if last is not None and last[0] == score else start + i + 1
        ranks.append(rank)
        last = (score, rank)
    return ranks


def _above(keys: SortedList, score: float) -> int:
    """How many keys have a strictly higher score (O(log N))."""
    return len(keys) - keys.bisect_right((score, INF, INF))


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
        present = old is not None and old in keys
        if old is not None and present:
            old_rank = _above(keys, old[0]) + 1
            keys.remove(old)
        if new not in keys:
            keys.add(new)
        new_rank = _above(keys, new[0]) + 1
        tied = keys.bisect_left((new[0], INF, INF)) - keys.bisect_left((new[0], -INF, -INF)) - 1
        overtaken: list[tuple[int, float]] = []
        count = 0
        if old is not None and present and new[0] > old[0]:
            low, high = (old[0], -INF, -INF), (new[0], -INF, -INF)
            count = keys.bisect_left(high) - keys.bisect_left(low)
            for key in keys.irange(low, high, inclusive=(True, False), reverse=True):
                if len(overtaken) >= cap:
                    break
                overtaken.append((key[2], key[0]))
        return Movement(old_rank, new_rank, len(keys), overtaken, count, tied)

    async def rank(self, board: str, key: Key, load: Loader) -> int:
        return _above(await self._board(board, load), key[0]) + 1

    async def tied(self, board: str, key: Key, load: Loader) -> int:
        keys = await self._board(board, load)
        return keys.bisect_left((key[0], INF, INF)) - keys.bisect_left((key[0], -INF, -INF)) - (1 if key in keys else 0)

    async def size(self, board: str, load: Loader) -> int:
        return len(await self._board(board, load))

    async def forget(self, board: str) -> None:
        self._boards.pop(board, None)

    async def close(self) -> None:
        self._boards.clear()


# ranks are counts of strictly higher scores (ZCOUNT, O(log N)); the passed are the scores in
# [old, new) (ZREVRANGEBYSCORE, O(log N + k)); each number comes back as a string
_MOVE = """
if redis.call('EXISTS', KEYS[2]) == 0 then return false end
local old_rank = -1
local old_score = false
if ARGV[1] ~= '' then
  old_score = redis.call('ZSCORE', KEYS[1], ARGV[1])
  if old_score then
    old_rank = redis.call('ZCOUNT', KEYS[1], '(' .. old_score, '+inf')
    redis.call('ZREM', KEYS[1], ARGV[1])
  end
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
local new_rank = redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[2], '+inf')
local tied = redis.call('ZCOUNT', KEYS[1], ARGV[2], ARGV[2]) - 1
local passed = {}
local count = 0
if old_score and tonumber(ARGV[2]) > tonumber(old_score) then
  count = redis.call('ZCOUNT', KEYS[1], old_score, '(' .. ARGV[2])
  if tonumber(ARGV[4]) > 0 then
    passed = redis.call('ZREVRANGEBYSCORE', KEYS[1], '(' .. ARGV[2], old_score, 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[4]))
  end
end
return {old_rank, new_rank, redis.call('ZCARD', KEYS[1]), passed, count, tied}
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
        return Movement(old_rank + 1 if old_rank >= 0 else None, new_rank + 1, size, overtaken,
                        int(reply[4]), int(reply[5]))

    async def rank(self, board: str, key: Key, load: Loader) -> int:
        name = await self._ensure(board, load)
        return int(await self._redis.zcount(name, f"({key[0]!r}", "+inf")) + 1

    async def tied(self, board: str, key: Key, load: Loader) -> int:
        name = await self._ensure(board, load)
        level = int(await self._redis.zcount(name, repr(key[0]), repr(key[0])))
        return level - (1 if await self._redis.zscore(name, member(key)) is not None else 0)

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
