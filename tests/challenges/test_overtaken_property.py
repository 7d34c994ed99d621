"""The shared ranks and the overtaken set from the rank index equal a brute-force re-rank, on
random boards full of equal scores (hypothesis): a rank is one plus how many score strictly
higher (1, 2, 2, 4), and a move from a up to b passes exactly those at a score in [a, b)."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.challenges.ranking import Key, MemoryRankIndex, RedisRankIndex, get_rank_index

scores = st.integers(min_value=0, max_value=30).map(float)
boards = st.lists(st.tuples(scores, st.integers(min_value=-50, max_value=0)), min_size=1, max_size=40)
moves = st.lists(st.tuples(st.integers(min_value=0, max_value=39), st.integers(min_value=-5, max_value=15)), min_size=1, max_size=8)


def brute_rank(keys: set[Key], key: Key) -> int:
    return 1 + sum(1 for other in keys if other[0] > key[0])


async def check(index, board: list[tuple[float, int]], steps: list[tuple[int, int]]) -> None:
    name = f"prop-{uuid.uuid4().hex}"
    keys: dict[int, Key] = {pid: (score, tie, pid) for pid, (score, tie) in enumerate(board, 1)}

    async def load() -> list[Key]:
        return list(keys.values())

    await index.size(name, load)
    try:
        for clock, (which, delta) in enumerate(steps, 1):
            pid = which % len(keys) + 1
            old = keys[pid]
            new: Key = (max(0.0, old[0] + delta), -clock if delta else old[1], pid)
            before = set(keys.values())
            movement = await index.move(name, old, new, 1000, load)
            keys[pid] = new
            after = set(keys.values())
            # brute force: ranks before and after, and everyone now between the two positions
            assert movement.old_rank == brute_rank(before, old)
            assert movement.new_rank == brute_rank(after, new)
            passed = sorted((k for k in after if old[0] <= k[0] < new[0] and k[2] != pid), reverse=True)
            assert [pid for pid, _ in movement.overtaken] == [k[2] for k in passed]
            assert movement.overtaken_count == len(passed)
            assert movement.tied == sum(1 for k in after if k[0] == new[0] and k[2] != pid)
            for position, (passed_id, _) in enumerate(movement.overtaken):
                assert movement.rank_of_overtaken(position) == brute_rank(after, keys[passed_id])
            assert movement.size == len(keys)
            assert await index.rank(name, new, load) == movement.new_rank
            assert await index.tied(name, new, load) == movement.tied
    finally:
        await index.forget(name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(board=boards, steps=moves)
async def test_memory_index_matches_a_brute_force_rerank(board, steps):
    await check(MemoryRankIndex(), board, steps)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(board=boards, steps=moves)
async def test_the_configured_index_matches_a_brute_force_rerank(live_server, board, steps):
    # Redis sorted sets in the PostgreSQL + Redis lane, the in-process index otherwise
    index = get_rank_index()
    assert isinstance(index, RedisRankIndex if live_server.redis_url else MemoryRankIndex)
    await check(index, board, steps)
