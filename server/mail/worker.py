"""The mail worker: claims due outbox rows, renders and sends them, records what happened.

Like the push worker (server/push/worker.py): a row leaves PENDING only once the SMTP server
answered, so a dead SMTP server or a worker killed mid-batch loses nothing. A mail the server
could not take is tried again with exponential back-off (MAIL_RETRY_BASE_SECONDS doubling up to
MAIL_RETRY_MAX_SECONDS, with jitter), and given up after MAIL_MAX_ATTEMPTS; a recipient refused
for good (5xx) is given up at once. In production the token of a sent mail's link is wiped from
the outbox: the row keeps what was sent, not a usable link."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from server.bus import get_bus
from server.mail.claims import claim_due
from server.mail.messages import render
from server.mail.models import MailMessage, MailStatus
from server.mail.outbox import OUTBOX_CHANNEL
from server.mail.transport import Outcome, Transport, build_message, transport_from_settings
from server.metrics import MAIL_FAILURES, MAIL_SENT, mail_failure_status
from server.settings import get_settings

log = logging.getLogger("elan.mail")

BATCH_SIZE = 50
POLL_SECONDS = 5.0
LEASE_SECONDS = 120.0


def retry_delay(attempts: int) -> float:
    settings = get_settings()
    ceiling = min(settings.mail_retry_max_seconds, settings.mail_retry_base_seconds * 2 ** max(0, attempts - 1))
    return random.uniform(ceiling / 2, ceiling)


class MailWorker:
    def __init__(self, transport: Transport | None = None, name: str | None = None) -> None:
        self.transport = transport or transport_from_settings()
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:mail:{uuid.uuid4().hex[:6]}"
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stop_listening: Callable[[], None] | None = None
        self.sent = 0

    async def start(self) -> None:
        self._stop_listening = get_bus().listen(OUTBOX_CHANNEL, lambda _m: self._wake.set())
        self._task = asyncio.create_task(self._run(), name=f"mail-worker {self.name}")

    async def stop(self) -> None:
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
            # hand back what this worker had claimed at once instead of at the lease's end
            with contextlib.suppress(Exception):
                await MailMessage.filter(claimed_by=self.name, status=MailStatus.PENDING).update(claimed_until=None)

    def wake(self) -> None:
        self._wake.set()

    async def _run(self) -> None:
        while True:
            try:
                if await self.deliver_due():
                    continue
                pause = await self._seconds_until_next_due()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("mail worker %s: delivery round failed", self.name)
                pause = POLL_SECONDS
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), pause)

    async def _seconds_until_next_due(self) -> float:
        nearest = await (
            MailMessage.filter(status=MailStatus.PENDING)
            .order_by("not_before")
            .first()
            .values_list("not_before", flat=True)
        )
        if nearest is None:
            return POLL_SECONDS
        ahead = (nearest - datetime.now(UTC)).total_seconds()  # type: ignore[operator]
        return min(POLL_SECONDS, max(0.01, ahead))

    async def deliver_due(self) -> int:
        """Sends one batch of due mails; returns how many were claimed."""
        messages = await claim_due(self.name, LEASE_SECONDS, BATCH_SIZE)
        if not messages:
            return 0
        outgoing = []
        for message in messages:
            rendered = render(message.kind, message.params, message.language)
            outgoing.append(build_message(message.to_address, rendered.subject, rendered.text, rendered.html, message.language))
        try:
            outcomes = await self.transport.send_batch(outgoing)
        except Exception as error:  # a bug must not lose the batch: it is tried again
            log.exception("mail worker %s: sending failed", self.name)
            outcomes = [Outcome("retry", f"error: {type(error).__name__}")] * len(messages)
        await self._record(list(zip(messages, outcomes, strict=True)))
        return len(messages)

    async def _record(self, results: list[tuple[MailMessage, Outcome]]) -> None:
        now = datetime.now(UTC)
        production = get_settings().production
        for message, outcome in results:
            mine = MailMessage.filter(id=message.id, claimed_by=self.name)
            if outcome.kind in ("sent", "logged"):
                status = MailStatus.SENT if outcome.kind == "sent" else MailStatus.LOGGED
                params = message.params
                if production and outcome.kind == "sent":
                    params = {k: v for k, v in params.items() if k != "token"}
                await mine.update(status=status, sent_at=now, claimed_until=None, last_error=None, params=params)
                self.sent += 1
                if outcome.kind == "sent":
                    MAIL_SENT.inc()
            elif outcome.kind == "failed" or message.attempts >= get_settings().mail_max_attempts:
                MAIL_FAILURES.labels(mail_failure_status(outcome.reason)).inc()
                log.warning("mail %s to %s failed after %d attempt(s): %s", message.id, message.to_address, message.attempts, outcome.reason)
                await mine.update(status=MailStatus.FAILED, claimed_until=None, last_error=outcome.reason)
            else:
                MAIL_FAILURES.labels(mail_failure_status(outcome.reason)).inc()
                delay = retry_delay(message.attempts)
                await mine.update(not_before=now + timedelta(seconds=delay), claimed_until=None, last_error=outcome.reason)


_in_server: MailWorker | None = None


def in_server_worker() -> MailWorker | None:
    return _in_server


async def start_in_server() -> MailWorker:
    global _in_server
    _in_server = MailWorker()
    await _in_server.start()
    return _in_server


async def stop_in_server() -> None:
    global _in_server
    if _in_server is not None:
        await _in_server.stop()
        _in_server = None


async def outbox_state() -> tuple[int, datetime | None]:
    """Mails waiting and when the oldest due one became due (metrics)."""
    pending = MailMessage.filter(status=MailStatus.PENDING)
    oldest = await pending.filter(not_before__lte=datetime.now(UTC)).order_by("not_before").first()
    return await pending.count(), oldest.not_before if oldest else None
