"""A local Web Push service for tests and the benchmark.

An HTTP server on loopback that behaves like FCM or autopush from Élan's side: it checks
the VAPID JWT (ES256 signature, audience, expiry, subject), decrypts the aes128gcm body
with the device's private key, and records what arrived. Each device can be scripted to
answer 429, 500, 410… before answering 201.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import time
from dataclasses import dataclass, field
from typing import Any

import http_ece
from aiohttp import web
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Device:
    """A browser's push subscription, with the private half the browser keeps."""

    token: str
    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes
    # the server key PushManager.subscribe was given: pushes signed with another are refused
    application_server_key: str | None = None

    @property
    def p256dh(self) -> str:
        raw = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return b64url(raw)

    @property
    def auth(self) -> str:
        return b64url(self.auth_secret)

    def as_variables(self, user_agent: str = "Chrome on Android") -> dict[str, str]:
        return {"endpoint": self.endpoint, "p256dh": self.p256dh, "auth": self.auth, "userAgent": user_agent}


@dataclass
class Arrival:
    token: str
    payload: dict[str, Any]
    ttl: int
    urgency: str | None
    topic: str | None
    at: float
    answered: int


@dataclass
class Rejection:
    token: str
    reason: str
    at: float


@dataclass
class Scripted:
    status: int
    headers: dict[str, str] = field(default_factory=dict)


class VapidRejected(Exception):
    pass


def verify_vapid(authorization: str, audience: str, now: float | None = None) -> dict[str, Any]:
    """Checks an RFC 8292 `vapid t=…, k=…` header; returns the JWT claims."""
    now = now or time.time()
    scheme, _, rest = authorization.partition(" ")
    if scheme.lower() != "vapid":
        raise VapidRejected(f"scheme {scheme!r}")
    parts = dict(p.strip().split("=", 1) for p in rest.split(","))
    token, key = parts["t"], parts["k"]
    header_b64, claims_b64, signature_b64 = token.split(".")
    header = json.loads(unb64url(header_b64))
    if header.get("alg") != "ES256":
        raise VapidRejected(f"alg {header.get('alg')}")
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
    signature = unb64url(signature_b64)
    if len(signature) != 64:
        raise VapidRejected("signature length")
    der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
    try:
        public.verify(der, f"{header_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as error:
        raise VapidRejected("bad signature") from error
    claims = json.loads(unb64url(claims_b64))
    if claims.get("aud") != audience:
        raise VapidRejected(f"audience {claims.get('aud')!r} != {audience!r}")
    exp = int(claims.get("exp", 0))
    if exp <= now or exp > now + 24 * 3600:
        raise VapidRejected(f"expiry {exp}")
    sub = str(claims.get("sub", ""))
    if not (sub.startswith("mailto:") or sub.startswith("https:")):
        raise VapidRejected(f"subject {sub!r}")
    claims["k"] = key
    return claims


def _vapid_key(authorization: str) -> str:
    parts = dict(p.strip().split("=", 1) for p in authorization.partition(" ")[2].split(","))
    return parts["k"]


class LocalPushService:
    def __init__(self, decrypt: bool = True, delay: float = 0.0, accept_any: bool = False) -> None:
        self.decrypt = decrypt
        self.delay = delay
        self.accept_any = accept_any  # the benchmark: any token is a device, bodies are not opened
        self.received = 0
        self._verified: dict[str, int] = {}  # Authorization header -> exp, checked once
        self.devices: dict[str, Device] = {}
        self.scripts: dict[str, list[Scripted]] = {}
        self.arrivals: list[Arrival] = []
        self.rejections: list[Rejection] = []
        self.hits: dict[str, int] = {}
        self.origin = ""
        self._runner: web.AppRunner | None = None
        self._changed = asyncio.Event()

    async def start(self, port: int = 0) -> str:
        app = web.Application()
        app.router.add_post("/push/{token}", self._receive)
        app.router.add_post("/elsewhere", self._elsewhere)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        bound = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.origin = f"http://127.0.0.1:{bound}"
        return self.origin

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def new_device(self, application_server_key: str | None = None) -> Device:
        """A browser's subscription; with `application_server_key`, bound to that VAPID key as
        real push services bind it (FCM and autopush refuse a push signed with another)."""
        token = b64url(os.urandom(12))
        private = ec.generate_private_key(ec.SECP256R1())
        device = Device(token, f"{self.origin}/push/{token}", private, os.urandom(16), application_server_key)
        self.devices[token] = device
        return device

    def script(self, device: Device, *answers: Scripted) -> None:
        """The next answers for this device, in order; 201 once they run out."""
        self.scripts[device.token] = list(answers)

    def arrived(self, device: Device) -> list[Arrival]:
        return [a for a in self.arrivals if a.token == device.token and a.answered == 201]

    async def wait_until(self, predicate: Any, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("the local push service did not see what was expected")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), min(left, 0.2))
            except TimeoutError:
                pass

    async def _elsewhere(self, request: web.Request) -> web.Response:
        self.hits["elsewhere"] = self.hits.get("elsewhere", 0) + 1
        self._changed.set()
        return web.Response(status=201)

    async def _receive(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        body = await request.read()
        self.hits[token] = self.hits.get(token, 0) + 1
        try:
            return await self._answer(token, request, body)
        finally:
            self._changed.set()

    async def _answer(self, token: str, request: web.Request, body: bytes) -> web.Response:
        now = time.time()
        device = self.devices.get(token)
        if device is None and not self.accept_any:
            return web.Response(status=404)
        authorization = request.headers.get("Authorization", "")
        try:
            if self._verified.get(authorization, 0) <= now:  # a reused token is checked once
                self._verified[authorization] = int(verify_vapid(authorization, self.origin, now)["exp"])
        except (VapidRejected, KeyError, ValueError) as error:
            self.rejections.append(Rejection(token, f"vapid: {error}", now))
            return web.Response(status=401, text=str(error))
        bound = device.application_server_key if device is not None else None
        if bound is not None and _vapid_key(authorization) != bound:
            self.rejections.append(Rejection(token, "vapid: not the key the browser subscribed with", now))
            return web.Response(status=403, text="the VAPID key does not match the subscription")
        if request.headers.get("Content-Encoding") != "aes128gcm" or "TTL" not in request.headers:
            self.rejections.append(Rejection(token, "headers", now))
            return web.Response(status=400)
        if len(body) > 4096:
            self.rejections.append(Rejection(token, "too large", now))
            return web.Response(status=413)
        payload: dict[str, Any] = {}
        if device is None:  # accept_any: counted, not opened
            self.received += 1
            return web.Response(status=201)
        if self.decrypt:
            try:
                clear = http_ece.decrypt(
                    body, private_key=device.private_key, auth_secret=device.auth_secret, version="aes128gcm"
                )
            except Exception as error:
                self.rejections.append(Rejection(token, f"decrypt: {error}", now))
                return web.Response(status=400)
            payload = json.loads(clear)
        if self.delay:
            await asyncio.sleep(self.delay)
        script = self.scripts.get(token) or []
        answer = script.pop(0) if script else Scripted(201)
        self.arrivals.append(
            Arrival(
                token,
                payload,
                int(request.headers["TTL"]),
                request.headers.get("Urgency"),
                request.headers.get("Topic"),
                now,
                answer.status,
            )
        )
        return web.Response(status=answer.status, headers=answer.headers, text="scripted" if answer.status >= 400 else "")
