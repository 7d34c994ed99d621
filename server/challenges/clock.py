"""Moves challenges along their life while the server runs (scheduled → live → closed)."""

from __future__ import annotations

import asyncio
import logging

from server.challenges.lifecycle import advance_challenges

log = logging.getLogger("elan.challenges")
TICK_SECONDS = 30


async def run_challenge_clock(tick: float = TICK_SECONDS) -> None:
    # several instances may tick at once: closing locks the challenge row and is idempotent
    while True:
        try:
            await advance_challenges()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("challenge clock tick failed")
        await asyncio.sleep(tick)
