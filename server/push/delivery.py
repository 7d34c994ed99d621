"""Sending one outbox row with pywebpush's async API, and what the answer means."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp
from pywebpush import WebPusher, WebPushException
from requests.structures import CaseInsensitiveDict

from server.push.endpoints import EndpointRefused
from server.push.policy import LIMITS
from server.push.vapid import VapidSigner


@dataclass(slots=True)
class Outbound:
    """A claimed outbox row with its device, read in one joined query."""

    id: int
    subscription_id: int
    endpoint: str
    p256dh: str
    auth: str
    payload: dict[str, Any]
    ttl: int
    urgency: str
    topic: str | None
    attempts: int
    vapid_key: str | None = None  # the application server key the browser subscribed with


OUTBOUND_FIELDS = (
    "id",
    "subscription_id",
    "subscription__endpoint",
    "subscription__p256dh",
    "subscription__auth",
    "payload",
    "ttl",
    "urgency",
    "topic",
    "attempts",
    "subscription__vapid_key",
)


def outbound(row: dict[str, Any]) -> Outbound:
    return Outbound(
        row["id"],
        row["subscription_id"],
        row["subscription__endpoint"],
        row["subscription__p256dh"],
        row["subscription__auth"],
        row["payload"],
        row["ttl"],
        row["urgency"],
        row["topic"],
        row["attempts"],
        row["subscription__vapid_key"],
    )


@dataclass(slots=True)
class Outcome:
    kind: str  # sent | gone | retry | failed
    reason: str | None = None
    retry_after: float | None = None


class NoRedirects:
    """The one shared aiohttp session, as pywebpush sees it: every POST refuses redirects
    (a push service never redirects; following one would send to an unchecked URL)."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    def post(self, url: str, **kwargs: Any) -> Any:
        return self.session.post(url, allow_redirects=False, **kwargs)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def retry_delay(attempts: int, retry_after: float | None) -> float:
    """Exponential back-off with jitter; never sooner than the service's Retry-After."""
    ceiling = min(LIMITS.retry_max_seconds, LIMITS.retry_base_seconds * 2 ** max(0, attempts - 1))
    delay = random.uniform(ceiling / 2, ceiling)
    if retry_after is not None:
        delay = max(delay, retry_after + random.uniform(0, min(1.0, ceiling / 2)))
    return delay


def _classify(status: int, retry_after: str | None, body: str) -> Outcome:
    if status in (404, 410):
        return Outcome("gone", f"HTTP {status}")
    reason = f"HTTP {status}" + (f": {body.strip()[:200]}" if body.strip() else "")
    if status == 429 or status >= 500:
        return Outcome("retry", reason, parse_retry_after(retry_after))
    if 300 <= status < 400:
        return Outcome("failed", f"HTTP {status}: redirect refused")
    return Outcome("failed", reason)


class SealedPusher(WebPusher):
    """pywebpush's sender for a body encrypted beforehand (server/push/encryption.py, in the
    worker's pool): its `send_async` adds Content-Encoding and TTL and posts the body over
    the shared session; encryption is the step it leaves out."""

    def encode(self, data: bytes, content_encoding: str = "aes128gcm") -> CaseInsensitiveDict:
        return CaseInsensitiveDict(body=data)


async def send_message(
    message: Outbound, body: bytes, audience: str, session: NoRedirects, signer: VapidSigner
) -> Outcome:
    """Posts `message`, already encrypted as `body`, to its push service (`audience`, the
    origin check_send_address returned) and says what the answer means."""
    headers: dict[str, Any] = {**signer.headers(audience), "Urgency": message.urgency}
    if message.topic:
        headers["Topic"] = message.topic
    timeout = aiohttp.ClientTimeout(
        total=LIMITS.request_timeout_seconds, connect=LIMITS.connect_timeout_seconds
    )
    pusher = SealedPusher({"endpoint": message.endpoint}, aiohttp_session=session)  # type: ignore[arg-type]
    try:
        response = await pusher.send_async(body, headers, ttl=message.ttl, timeout=timeout)
    except WebPushException as error:
        return Outcome("failed", str(error)[:300])
    except EndpointRefused as error:
        return Outcome("failed", f"endpoint refused: {error}")
    except (aiohttp.ClientError, TimeoutError, OSError) as error:
        cause = error.__cause__ or error.__context__
        if isinstance(cause, EndpointRefused):
            return Outcome("failed", f"endpoint refused: {cause}")
        return Outcome("retry", f"network: {type(error).__name__} {error}"[:300])
    assert isinstance(response, aiohttp.ClientResponse)
    if response.status > 202:
        return _classify(response.status, response.headers.get("Retry-After"), await response.text())
    return Outcome("sent")
