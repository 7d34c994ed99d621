"""What the accounts domain publishes (after commit).

- `SESSIONS_ENDED`, a bus channel every instance listens to: sessions that logout, « sign out
  everywhere » or a deactivation just ended. Each instance closes the sockets opened with them
  (server.accounts.sockets). Session ids, not person ids, so that a session opened after the
  change (the person signing in again) is left alone. The same ids go to this process as the
  domain event `SESSIONS_ENDED_HERE`, so the instance that made the change closes its own
  sockets before the change's request returns, without waiting for the bus to come back.
- `PERSON_DEACTIVATED`, a domain event (server.hooks) for the domains that keep something per
  person outside sessions, such as push devices.
"""

from __future__ import annotations

from typing import Any

SESSIONS_ENDED = "sessions-ended"
SESSIONS_ENDED_HERE = "accounts.sessions_ended"  # {sessionIds}
PERSON_DEACTIVATED = "accounts.person_deactivated"  # {organization_id, user_id}


def sessions_ended(session_ids: list[int]) -> dict[str, Any]:
    return {"sessionIds": session_ids}


def ended_session_ids(message: dict[str, Any]) -> list[int]:
    ids = message.get("sessionIds")
    return [int(i) for i in ids if isinstance(i, int)] if isinstance(ids, list) else []
