"""The push worker: claims due outbox rows, encrypts and sends them, records what happened.

Rows are claimed (claimed_by, claimed_until = a lease), never removed before the push
service has answered, so a worker killed mid-batch loses nothing: when its lease runs
out, another worker sends those rows. On PostgreSQL several workers claim with
`SELECT … FOR UPDATE SKIP LOCKED`, so each row is claimed by one worker at a time
(server/push/claims.py). Large batches are encrypted in the worker's own processes
(server/push/encryption.py) while the event loop sends and records.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import aiohttp
from tortoise.expressions import Q

from server.bus import get_bus
from server.metrics import PUSH_FAILURES, PUSH_SENT, failure_status
from server.push.claims import claim_due
from server.push.delivery import NoRedirects, Outbound, Outcome, retry_delay, send_message
from server.push.encryption import EncryptionPool, Plain
from server.push.endpoints import EndpointRefused, EndpointResolver, check_send_address
from server.push.models import PushMessage, PushStatus, PushSubscription
from server.push.outbox import OUTBOX_CHANNEL
from server.push.payload import encoded, write_batch
from server.push.policy import LIMITS
from server.push.vapid import signers as make_signers
from server.settings import get_settings

log = logging.getLogger("elan.push")


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class PushWorker:
    def __init__(self, name: str | None = None, lease_seconds: float | None = None) -> None:
        self.name = name or worker_name()
        self.lease = lease_seconds or get_settings().push_lease_seconds
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._session: aiohttp.ClientSession | None = None
        self._stop_listening: Callable[[], None] | None = None
        self._signers = make_signers()
        self.encryption = EncryptionPool(LIMITS.encrypt_processes)
        self.sent = 0
        # seconds spent in each step of a batch, summed over the lanes (the benchmark shows them)
        self.phase_seconds: defaultdict[str, float] = defaultdict(float)

    # lifecycle -------------------------------------------------------------------------
    async def start(self) -> None:
        connector = aiohttp.TCPConnector(
            resolver=EndpointResolver(), limit=LIMITS.concurrency, ttl_dns_cache=60
        )
        self._session = aiohttp.ClientSession(connector=connector)
        self._stop_listening = get_bus().listen(OUTBOX_CHANNEL, lambda _m: self._wake.set())
        # two lanes: one encrypts and sends while the other waits for answers or the database
        self._tasks = [
            asyncio.create_task(self._run(), name=f"push-worker {self.name} lane {lane}")
            for lane in range(LIMITS.lanes)
        ]

    async def stop(self) -> None:
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._tasks:
            # hand what this worker had claimed back at once instead of at the lease's end
            with contextlib.suppress(Exception):
                await PushMessage.filter(claimed_by=self.name, status=PushStatus.PENDING).update(
                    claimed_until=None
                )
        self._tasks = []
        await self.encryption.close()
        if self._session is not None:
            await self._session.close()
            self._session = None

    def wake(self) -> None:
        self._wake.set()

    # the loop --------------------------------------------------------------------------
    async def _run(self) -> None:
        while True:
            try:
                if await self.deliver_due():
                    continue
                pause = await self._seconds_until_next_due()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("push worker %s: delivery round failed", self.name)
                pause = LIMITS.poll_seconds
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), pause)

    async def _seconds_until_next_due(self) -> float:
        nearest = await (
            PushMessage.filter(status=PushStatus.PENDING)
            .order_by("not_before")
            .first()
            .values_list("not_before", flat=True)
        )
        if nearest is None:
            return LIMITS.poll_seconds
        ahead = (nearest - datetime.now(UTC)).total_seconds()  # type: ignore[operator]
        return min(LIMITS.poll_seconds, max(0.01, ahead))

    async def deliver_due(self) -> int:
        """Sends one batch of due rows; returns how many were claimed."""
        assert self._session is not None, "start() the worker first"
        clock = time.perf_counter()
        messages = await claim_due(self.name, self.lease, LIMITS.batch_size)
        if not messages:
            return 0
        await write_batch(messages)  # in each recipient's language, names as they are now
        clock = self._lap("claim", clock)

        outcomes: list[Outcome | None] = [None] * len(messages)
        audiences: dict[int, str] = {}
        plain: list[Plain] = []
        for index, message in enumerate(messages):
            try:
                audiences[index] = check_send_address(message.endpoint)
            except EndpointRefused as error:
                outcomes[index] = Outcome("failed", f"endpoint refused: {error}")
                continue
            plain.append((message.endpoint, message.p256dh, message.auth, encoded(message.payload)))
        pooled = len(plain) >= LIMITS.pool_min_messages
        bodies = dict(zip(audiences, await self.encryption.seal(plain, pooled), strict=True))
        clock = self._lap("encrypt", clock)

        gate = asyncio.Semaphore(LIMITS.concurrency)
        session = NoRedirects(self._session)

        async def one(index: int, body: bytes) -> None:
            message = messages[index]
            async with gate:
                try:
                    signer = self._signers.for_device(message.vapid_key)
                    outcomes[index] = await send_message(message, body, audiences[index], session, signer)
                except Exception as error:  # a bug must not stall the batch
                    log.exception("push %s: unexpected failure", message.id)
                    outcomes[index] = Outcome("retry", f"error: {type(error).__name__}")

        sends = []
        for index, body in bodies.items():
            if isinstance(body, str):  # encryption failed: counted as an attempt, retried
                outcomes[index] = Outcome("retry", body)
            else:
                sends.append(one(index, body))
        await asyncio.gather(*sends)
        clock = self._lap("send", clock)
        await self._record([(m, o) for m, o in zip(messages, outcomes, strict=True) if o is not None])
        self._lap("record", clock)
        return len(messages)

    def _lap(self, phase: str, since: float) -> float:
        now = time.perf_counter()
        self.phase_seconds[phase] += now - since
        return now

    async def _record(self, results: list[tuple[Outbound, Outcome]]) -> None:
        now = datetime.now(UTC)
        sent = [m for m, o in results if o.kind == "sent"]
        if sent:
            await PushMessage.filter(id__in=[m.id for m in sent], claimed_by=self.name).update(
                status=PushStatus.SENT, sent_at=now, claimed_until=None, last_error=None
            )
            # a device's "last reached" needs minute precision, not one write per message
            await PushSubscription.filter(id__in={m.subscription_id for m in sent}).filter(
                Q(last_success_at=None) | Q(last_success_at__lt=now - timedelta(minutes=1))
            ).update(last_success_at=now)
            self.sent += len(sent)
            PUSH_SENT.inc(len(sent))
        gone = {m.subscription_id for m, o in results if o.kind == "gone"}
        if gone:  # the browser unsubscribed or the push service forgot it
            log.info("push: deleting %d expired subscription(s)", len(gone))
            await PushSubscription.filter(id__in=gone).delete()
        for message, outcome in results:
            if outcome.kind != "sent":
                PUSH_FAILURES.labels(failure_status(outcome.reason)).inc()
            if outcome.kind in ("retry", "failed"):
                await self._record_failure(message, outcome, now)

    async def _record_failure(self, message: Outbound, outcome: Outcome, now: datetime) -> None:
        # attempts were counted at claim time; `message` was read right after the claim
        attempts = message.attempts
        give_up = outcome.kind == "failed" or attempts >= LIMITS.max_attempts
        if give_up:
            log.warning("push %s failed after %d attempt(s): %s", message.id, attempts, outcome.reason)
            await PushMessage.filter(id=message.id, claimed_by=self.name).update(
                status=PushStatus.FAILED, claimed_until=None, last_error=outcome.reason
            )
            return
        delay = retry_delay(attempts, outcome.retry_after)
        await PushMessage.filter(id=message.id, claimed_by=self.name).update(
            not_before=now + timedelta(seconds=delay), claimed_until=None, last_error=outcome.reason
        )


_in_server: PushWorker | None = None


def in_server_worker() -> PushWorker | None:
    """The worker running inside this server process, if any (tests pause it)."""
    return _in_server


async def start_in_server() -> PushWorker:
    global _in_server
    _in_server = PushWorker()
    await _in_server.start()
    return _in_server


async def stop_in_server() -> None:
    global _in_server
    if _in_server is not None:
        await _in_server.stop()
        _in_server = None
