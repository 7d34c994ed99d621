"""A real SMTP server (aiosmtpd) run in the tests' own event loop: what the server under test
sends by mail arrives here, over SMTP, as it would at any mail provider. It can be stopped and
started again on the same port (a provider that is down, then back), and speak STARTTLS with
AUTH, or TLS from the first byte, with a certificate made for the test."""

from __future__ import annotations

import asyncio
import datetime
import email
import email.policy
import re
import ssl
import tempfile
import warnings
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

_LINK = re.compile(r"https?://\S+")


class Mailbox:
    def __init__(
        self,
        tls: ssl.SSLContext | None = None,
        implicit_tls: bool = False,
        credentials: tuple[str, str] | None = None,
    ) -> None:
        self.tls, self.implicit_tls, self.credentials = tls, implicit_tls, credentials
        self.received: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.logins: list[str] = []
        self.refused: set[str] = set()  # addresses answered « 550 » (no such mailbox)
        self.port = 0
        self._taken: set[int] = set()
        self._arrived = asyncio.Condition()
        self._server: asyncio.Server | None = None

    # --- the server
    async def start(self, port: int = 0) -> int:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            self._protocol, "127.0.0.1", port or self.port, ssl=self.tls if self.implicit_tls else None
        )
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self.port

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    def _protocol(self) -> SMTP:
        starttls = self.tls if (self.tls and not self.implicit_tls) else None
        with warnings.catch_warnings():
            # aiosmtpd can't tell that a connection is TLS from its first byte, and warns that
            # AUTH is allowed without STARTTLS: here it is inside TLS
            warnings.simplefilter("ignore", UserWarning)
            return self._smtp(starttls)

    def _smtp(self, starttls: ssl.SSLContext | None) -> SMTP:
        return SMTP(
            self,
            hostname="mailbox.test",
            tls_context=starttls,
            require_starttls=starttls is not None,
            auth_required=self.credentials is not None,
            # a connection that is TLS from the first byte is already encrypted
            auth_require_tls=not self.implicit_tls,
            authenticator=self._authenticate if self.credentials else None,
            loop=asyncio.get_running_loop(),
        )

    def _authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and self.credentials == (data.login.decode(), data.password.decode())
        if ok:
            self.logins.append(data.login.decode())
        return AuthResult(success=ok, handled=False)  # aiosmtpd answers 235 or 535 itself

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        if address.lower() in self.refused:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        async with self._arrived:
            self.received.append(message)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    # --- what arrived
    async def next_to(self, address: str, timeout: float = 10.0) -> EmailMessage:
        """The next mail to `address` not taken yet, waiting for it to arrive."""
        async with asyncio.timeout(timeout), self._arrived:
            while True:
                for index, message in enumerate(self.received):
                    if index not in self._taken and address.lower() in str(message["To"]).lower():
                        self._taken.add(index)
                        return message
                await self._arrived.wait()

    def count_to(self, address: str) -> int:
        return sum(1 for m in self.received if address.lower() in str(m["To"]).lower())


def text_of(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None, "the mail has no text part"
    return str(part.get_content())


def html_of(message: EmailMessage) -> str:
    part = message.get_body(("html",))
    assert part is not None, "the mail has no HTML part"
    return str(part.get_content())


def link_in(message: EmailMessage) -> str:
    found = _LINK.search(text_of(message))
    assert found, "the mail has no link"
    return found.group(0)


def token_in(message: EmailMessage) -> str:
    """The secret of the mail's link (after the « # »)."""
    return link_in(message).partition("#")[2]


def tls_certificate() -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A self-signed certificate for 127.0.0.1: (the server's context, a client's that trusts it)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = Path(tempfile.mkdtemp(prefix="elan-smtp-tls-"))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert_path, key_path)
    client = ssl.create_default_context(cafile=str(cert_path))
    return server, client
