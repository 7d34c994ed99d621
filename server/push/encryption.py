"""Encrypting payloads for the push service (RFC 8291 aes128gcm, by pywebpush), in a few
processes beside the event loop when a batch is large.

The EC work of each message (a fresh ECDH key pair, the key agreement, HKDF, AES-GCM)
holds the GIL: done in the worker's process it stops HTTP and database work for as long
as the whole batch takes. A small pool of processes, sized by the CPU count, does it in
parallel while the event loop sends what is already encrypted. The pool starts with the
first large batch (that one is encrypted in place while the processes boot, so an idle
server never starts them) and is shut down with the worker. A batch of a few messages,
the usual case of one notification to one person's devices, is encrypted in place: that
is quicker than a round trip to another process.

This module is what the pool's processes import: keep it free of the server's imports.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pywebpush import WebPusher

log = logging.getLogger("elan.push")

# (endpoint, p256dh, auth, plaintext) in; the encrypted body, or why it failed, out
Plain = tuple[str, str, str, bytes]
Sealed = bytes | str
CHUNK_MIN = 8  # messages per hand-over to a process: fewer and the pickling dominates
PR_SET_PDEATHSIG = 1


def seal(endpoint: str, p256dh: str, auth: str, data: bytes) -> Sealed:
    """The aes128gcm body pywebpush sends for `data` to this subscription."""
    try:
        pusher = WebPusher({"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}})
        return bytes(pusher.encode(data, "aes128gcm")["body"])
    except Exception as error:  # a bad key is this message's trouble (retried), never the batch's
        return f"error: {type(error).__name__}"


def seal_all(items: Sequence[Plain]) -> list[Sealed]:
    return [seal(*item) for item in items]


def _prepare_process(worker_pid: int) -> None:
    """In each pool process: die with the worker (a killed worker must not leave its
    processes behind), and leave Ctrl-C to the worker, which shuts the pool down."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != worker_pid:  # the worker died before the line above
        os._exit(0)


def _ready() -> int:
    return os.getpid()


class EncryptionPool:
    """Encrypts batches: in `processes` other processes when asked to and the pool is up,
    else in place."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self.sealed_in_pool = 0  # messages the pool's processes encrypted
        self._pool: ProcessPoolExecutor | None = None
        self._booting: list[Future[int]] = []

    @property
    def running(self) -> bool:
        """The pool's processes are up."""
        return self._pool is not None and all(f.done() for f in self._booting)

    @property
    def pids(self) -> list[int]:
        """The pool's processes (the benchmark reads their CPU time)."""
        processes = self._pool._processes if self._pool is not None else None  # type: ignore[attr-defined]
        return [p.pid for p in (processes or {}).values() if p.pid is not None]

    def start(self) -> None:
        """Starts the processes, unless started or none are wanted; returns at once (they
        are up when `running`)."""
        if self.processes <= 0 or self._pool is not None:
            return
        # spawn, not fork: the worker's process has threads (resolver, database driver)
        self._pool = ProcessPoolExecutor(
            self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_prepare_process,
            initargs=(os.getpid(),),
        )
        self._booting = [self._pool.submit(_ready) for _ in range(self.processes)]

    def _ready_pool(self) -> ProcessPoolExecutor | None:
        """The pool when its processes are up; starts it the first time it is wanted."""
        if self.processes <= 0:
            return None
        if self._pool is None:
            self.start()
            return None
        if not self.running:
            return None
        if any(f.exception() is not None for f in self._booting):
            # the processes could not start (e.g. a main module that cannot be imported
            # again): encrypt in place from now on rather than retry on every batch
            log.warning("push: encryption processes did not start; encrypting in place")
            self._discard()
            self.processes = 0
            return None
        return self._pool

    async def seal(self, items: Sequence[Plain], pooled: bool) -> list[Sealed]:
        """The encrypted bodies of `items`, in order; `pooled` asks for the pool (a large
        batch), which is used once its processes are up."""
        pool = self._ready_pool() if pooled else None
        if pool is None:
            return seal_all(items)
        size = max(CHUNK_MIN, -(-len(items) // (2 * self.processes)))
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        loop = asyncio.get_running_loop()
        try:
            done = await asyncio.gather(*(loop.run_in_executor(pool, seal_all, c) for c in chunks))
        except BrokenProcessPool:
            # a process died (killed, out of memory): this batch is encrypted here, and the
            # next large one starts a new pool
            log.warning("push: an encryption process died; starting the pool again")
            self._discard()
            return seal_all(items)
        self.sealed_in_pool += len(items)
        return [sealed for chunk in done for sealed in chunk]

    def _discard(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self._booting = []

    async def close(self) -> None:
        """Stops the processes (each finishes the chunk it is on)."""
        pool, self._pool, self._booting = self._pool, None, []
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, True, cancel_futures=True)
