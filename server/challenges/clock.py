"""Moves challenges along their life while the server runs (scheduled → live → closed)."""

from __future__ import annotations

import asyncio
import logging

from server.challenges.lifecycle import advance_challenges

log = logging.getLogger("elan.challenges")
TICK_SECONDS = 30
DEMO_SALE_EVERY = 3  # ticks: with the demo on, a sale every 90 s keeps the boards moving


async def run_challenge_clock(tick: float = TICK_SECONDS) -> None:
    # several instances may tick at once: closing locks the challenge row and is idempotent
    from server.settings import get_settings

    count = 0
    while True:
        try:
            await advance_challenges()
            count += 1
            if get_settings().demo and count % DEMO_SALE_EVERY == 0:
                from server.demo.challenges import demo_tick

                await demo_tick()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("challenge clock tick failed")
        await asyncio.sleep(tick)
