"""The sockets open on this instance, by session, closed when their session ends anywhere.

Logout, « sign out everywhere » and a deactivation may happen on any instance; each publishes
the ids of the sessions it ended on the bus (server.accounts.events). Every instance listens
and tells the sockets it holds for those sessions that their session is over; a socket then
stops running operations at once and closes (schema.ws).

The instance that ended the sessions also hears it as a domain event (server.hooks), after
commit and before its request answers, so its own sockets are ended without a bus round trip.

A socket authenticates before it registers here, so a session could end in between: the ids
ended in the last minute are remembered, and a socket registering with one is ended at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from server.accounts.events import SESSIONS_ENDED, SESSIONS_ENDED_HERE, ended_session_ids
from server.bus import EventBus, get_bus
from server.hooks import on

REMEMBER_ENDED_SECONDS = 60.0


class SessionSocket(Protocol):
    def session_ended(self) -> None:
        """Stop running operations now and close (must not block: called from the bus)."""
        ...


class OpenSockets:
    def __init__(self) -> None:
        self._by_session: dict[int, set[SessionSocket]] = {}
        self._ended: dict[int, float] = {}  # session id -> when it was heard ended
        self._bus: EventBus | None = None
        self._stop: Callable[[], None] | None = None

    def watch(self) -> None:
        """Listens to ended sessions on the current bus (idempotent; a new bus is followed)."""
        bus = get_bus()
        if bus is self._bus:
            return
        if self._stop is not None:
            self._stop()
        self._bus, self._stop = bus, bus.listen(SESSIONS_ENDED, self.heard)

    def add(self, session_id: int, socket: SessionSocket) -> Callable[[], None]:
        """Registers a socket of a session; returns the function that forgets it."""
        self.watch()
        if session_id in self._ended:
            socket.session_ended()
            return lambda: None
        self._by_session.setdefault(session_id, set()).add(socket)

        def remove() -> None:
            sockets = self._by_session.get(session_id)
            if sockets is not None:
                sockets.discard(socket)
                if not sockets:
                    del self._by_session[session_id]

        return remove

    def count(self, session_id: int) -> int:
        return len(self._by_session.get(session_id, ()))

    def heard(self, message: dict[str, Any]) -> None:
        now = time.monotonic()
        for session_id in ended_session_ids(message):
            self._ended.setdefault(session_id, now)
            for socket in list(self._by_session.pop(session_id, ())):
                socket.session_ended()
        self._forget_before(now - REMEMBER_ENDED_SECONDS)

    def _forget_before(self, moment: float) -> None:
        stale = []
        for session_id, at in self._ended.items():  # oldest first (insertion order)
            if at >= moment:
                break
            stale.append(session_id)
        for session_id in stale:
            del self._ended[session_id]


OPEN_SOCKETS = OpenSockets()


@on(SESSIONS_ENDED_HERE)
async def end_sockets_here(payload: dict[str, Any]) -> None:
    OPEN_SOCKETS.heard(payload)
