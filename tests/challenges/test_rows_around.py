"""A challenge's page reads the rows around the viewer with its boards' facts (one statement):
the same rows as reading them on their own, at the top, in the middle, at the bottom, level or not."""

from __future__ import annotations

from server.challenges.cards import board_facts
from server.challenges.standings import rows_around
from server.network.scope import scope_of_user
from tests.challenges.given import arena, live_challenge, sell


async def test_the_rows_around_read_with_the_facts_are_those_read_alone(live_server):
    # given twelve sellers, some level with others, two who sold nothing
    found = await arena(sellers=12)
    challenge = await live_challenge(found)
    for seller, sold in zip(found.sellers[:10], (9, 7, 7, 7, 5, 4, 4, 3, 2, 1), strict=True):
        await sell(found, seller, sold)
    for seller in found.sellers:
        # when each opens the challenge's page
        facts = (await board_facts(await scope_of_user(seller), [challenge]))[challenge.id]
        # then the rows around it, read with the facts, are those read on their own
        folded = await rows_around(challenge, seller, me=facts.mine, window=facts.around)
        alone = await rows_around(challenge, seller, me=facts.mine)
        assert folded == alone
        assert len(alone) in (3, 4, 5) and sum(r.is_me for r in alone) == 1
