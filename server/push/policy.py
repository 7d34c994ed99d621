"""What is pushed, how urgently, and the limits that keep pushes from tiring people.

The numbers live in one mutable object so a deployment (or a test) can tune them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from server.notifications.models import NotificationKind as K


@dataclass(frozen=True, slots=True)
class KindRule:
    pushed_by_default: bool
    urgency: str  # very-low | low | normal | high (RFC 8030)
    ttl: int  # seconds the push service keeps it for an offline device


KIND_RULES: dict[K, KindRule] = {
    K.RANK_OVERTAKEN: KindRule(True, "high", 6 * 3600),
    K.RANK_UP: KindRule(True, "normal", 6 * 3600),
    K.TOP_THREE: KindRule(True, "high", 6 * 3600),
    K.BADGE_RECEIVED: KindRule(True, "normal", 2 * 86400),
    K.LABEL_RECEIVED: KindRule(True, "normal", 2 * 86400),
    K.POST_COMMENTED: KindRule(True, "normal", 86400),
    K.MENTIONED: KindRule(True, "normal", 86400),
    K.POST_LIKED: KindRule(True, "low", 86400),  # as a digest, never one per like
    K.POST_RECOMMENDED: KindRule(True, "normal", 86400),
    K.CHALLENGE_STARTED: KindRule(True, "normal", 86400),
    K.CHALLENGE_ENDING: KindRule(True, "normal", 12 * 3600),
    K.DUEL_INVITATION: KindRule(True, "high", 86400),
    K.TRAINING_ASSIGNED: KindRule(True, "low", 2 * 86400),
    # in the centre only unless the person switches them on
    K.LABEL_EXPIRING: KindRule(False, "low", 2 * 86400),
    K.TRAINING_REMINDER: KindRule(False, "low", 86400),
    K.ACTION_PLAN_UPDATED: KindRule(False, "low", 86400),
    K.ASSESSMENT_SHARED: KindRule(False, "normal", 86400),
}

RANK_KINDS = frozenset({K.RANK_OVERTAKEN, K.RANK_UP, K.TOP_THREE})
LIKES_TOPIC = "likes"
_CHALLENGE_LINK = re.compile(r"^/challenges/(\d+)")


def rule(kind: str) -> KindRule:
    return KIND_RULES.get(K(kind), KindRule(False, "normal", 86400))


def rank_topic(params: dict[str, object], link: str) -> str | None:
    """Rank updates of one challenge share a Topic, so a newer one replaces an older one."""
    challenge_id = params.get("challengeId") or params.get("challenge_id")
    if challenge_id is None:
        match = _CHALLENGE_LINK.match(link)
        challenge_id = match.group(1) if match else None
    return f"rank-{challenge_id}" if challenge_id is not None else None


@dataclass(slots=True)
class Limits:
    hourly_cap: int = 8  # pushes per person per hour, digests and coalesced ones counted once
    rank_window_seconds: float = 3600.0  # at most one rank alert per challenge per window
    likes_digest_seconds: float = 900.0  # likes wait this long and go out as one digest
    max_attempts: int = 6
    retry_base_seconds: float = 5.0
    retry_max_seconds: float = 3600.0
    request_timeout_seconds: float = 10.0
    connect_timeout_seconds: float = 5.0
    poll_seconds: float = 2.0
    batch_size: int = 200
    concurrency: int = 64
    lanes: int = 2
    # processes that encrypt large batches beside the event loop (0: encrypt in place)
    encrypt_processes: int = field(default_factory=lambda: os.cpu_count() or 1)
    pool_min_messages: int = 32  # smaller batches are encrypted in place
    payload_max_bytes: int = 3000  # Web Push allows 4 KB of ciphertext; keep a margin

    @classmethod
    def from_env(cls) -> Limits:
        """PUSH_HOURLY_CAP, PUSH_BATCH_SIZE… override the defaults (one per field)."""
        limits = cls()
        for name in cls.__dataclass_fields__:
            raw = os.environ.get(f"PUSH_{name.upper()}")
            if raw:
                kind = type(getattr(limits, name))
                setattr(limits, name, kind(float(raw)) if kind is int else kind(raw))
        return limits


LIMITS = Limits.from_env()
