"""Which push endpoints Élan will ever send to.

At registration: only https endpoints on the known push services, plus the origins in
PUSH_ALLOWED_ORIGINS. At send time: the address the host resolves to must be public
(no loopback, private, link-local…) unless its origin is explicitly allowed, checked on
the very addresses the connection uses (see EndpointResolver), so DNS rebinding cannot
turn a subscription into a request to the internal network.
"""

from __future__ import annotations

import ipaddress
import socket
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from server.errors import ValidationFailed
from server.settings import get_settings

PUSH_SERVICE_HOSTS = (
    "fcm.googleapis.com",  # Firebase Cloud Messaging (Chrome, Edge on Android…)
    "android.googleapis.com",
    "updates.push.services.mozilla.com",  # Mozilla autopush (Firefox)
    "push.services.mozilla.com",
)
PUSH_SERVICE_SUFFIXES = (
    ".notify.windows.com",  # Windows Push Notification Services (Edge)
    ".push.apple.com",  # Safari and iOS home-screen apps
)
MAX_ENDPOINT_LENGTH = 1000


class EndpointRefused(Exception):
    """The push service's address is not one Élan sends to."""


def _origin(parts: SplitResult) -> str:
    host = parts.hostname or ""
    default = 443 if parts.scheme == "https" else 80
    port = parts.port or default
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}" + ("" if port == default else f":{port}")


def origin_of(url: str) -> str:
    return _origin(urlsplit(url))


@lru_cache(maxsize=8)
def _origins(configured: tuple[str, ...]) -> frozenset[str]:
    return frozenset(origin_of(o) for o in configured)


def _allowed_origins() -> frozenset[str]:
    return _origins(get_settings().push_allowed_origins)


def is_known_push_service(host: str) -> bool:
    host = host.lower().rstrip(".")
    return host in PUSH_SERVICE_HOSTS or any(host.endswith(s) for s in PUSH_SERVICE_SUFFIXES)


def _accepted(endpoint: str, allowed: frozenset[str]) -> tuple[str, str]:
    """The endpoint's host and origin if Élan accepts it, else a ValidationFailed."""
    try:
        parts = urlsplit(endpoint)
        host = parts.hostname
        origin = _origin(parts)  # raises on a malformed port
    except ValueError as error:
        raise ValidationFailed("push_endpoint_invalid", "endpoint") from error
    if len(endpoint) > MAX_ENDPOINT_LENGTH or not host or parts.username or parts.password:
        raise ValidationFailed("push_endpoint_invalid", "endpoint")
    if origin not in allowed and (parts.scheme != "https" or not is_known_push_service(host)):
        raise ValidationFailed("push_endpoint_not_allowed", "endpoint", host=host)
    return host, origin


def check_endpoint(endpoint: str) -> str:
    """The endpoint if Élan accepts it at registration, else a ValidationFailed."""
    endpoint = endpoint.strip()
    _accepted(endpoint, frozenset(_allowed_origins()))
    return endpoint


def address_is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_send_address(endpoint: str) -> str:
    """Refuses, before connecting, an endpoint whose host is a literal non-public address
    (aiohttp connects to IP literals without asking the resolver), and one no longer on
    the allow-list (it may have changed since the device registered). Returns the
    endpoint's origin: the audience of its VAPID token."""
    origin, refusal = _send_verdict(endpoint, frozenset(_allowed_origins()))
    if refusal is not None:
        raise EndpointRefused(refusal)
    return origin


@lru_cache(maxsize=4096)
def _send_verdict(endpoint: str, allowed: frozenset[str]) -> tuple[str, str | None]:
    """(origin, why it is refused or None): the same for as long as the allow-list is,
    and asked for every message, so kept for the devices pushed to most recently."""
    try:
        host, origin = _accepted(endpoint, allowed)
    except ValidationFailed:
        return "", f"{urlsplit(endpoint).hostname} is not an allowed push service"
    if origin in allowed:
        return origin, None
    try:
        public = address_is_public(host)
    except ValueError:
        return origin, None  # a name: the resolver checks what it resolves to
    return origin, None if public else f"address {host} is not public"


class EndpointResolver(AbstractResolver):
    """aiohttp resolver that drops non-public addresses of hosts not allow-listed."""

    def __init__(self) -> None:
        self._inner = DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        allowed = _allowed_origins()
        if any(origin_of(f"{scheme}://{host}:{port}") in allowed for scheme in ("http", "https")):
            return found
        public = [r for r in found if address_is_public(r["host"])]
        if not public:
            raise EndpointRefused(f"{host} resolves to no public address")
        return public

    async def close(self) -> None:
        await self._inner.close()
