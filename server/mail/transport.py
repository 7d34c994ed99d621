"""How mails leave: over SMTP (aiosmtplib) when SMTP_URL is set, else to the console.

SMTP_URL: `smtp://user:pass@host:587` speaks STARTTLS (required when there are credentials,
used whenever the server offers it otherwise), `smtps://user:pass@host:465` TLS from the first
byte. User and password are URL-encoded (`%40` for an @). One connection carries a batch.

Each mail gets an outcome: sent; retry (the server is down, busy, or answered 4xx: nothing is
lost, the worker tries again later); or failed (the server refused the recipient for good, 5xx)."""

from __future__ import annotations

import logging
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Protocol
from urllib.parse import unquote, urlsplit

import aiosmtplib

from server.settings import get_settings

log = logging.getLogger("elan.mail")

TIMEOUT_SECONDS = 20.0


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: str  # sent | retry | failed
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int
    implicit_tls: bool
    username: str | None
    password: str | None

    @classmethod
    def from_url(cls, url: str) -> SmtpConfig:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465")
        implicit = parts.scheme == "smtps"
        return cls(
            host=parts.hostname,
            port=parts.port or (465 if implicit else 587),
            implicit_tls=implicit,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
        )


class Transport(Protocol):
    async def send_batch(self, messages: list[EmailMessage]) -> list[Outcome]: ...


class SmtpTransport:
    """One SMTP connection per batch. `tls_context` is for servers with a private CA (tests)."""

    def __init__(self, config: SmtpConfig, tls_context: ssl.SSLContext | None = None, local_hostname: str | None = None) -> None:
        self.config = config
        self.tls_context = tls_context
        self.local_hostname = local_hostname or urlsplit(get_settings().public_url).hostname or "localhost"

    def _client(self) -> aiosmtplib.SMTP:
        config = self.config
        return aiosmtplib.SMTP(
            hostname=config.host,
            port=config.port,
            username=config.username,
            password=config.password,
            use_tls=config.implicit_tls,
            # credentials never travel in clear: STARTTLS is then required, else taken when offered
            start_tls=False if config.implicit_tls else (True if config.username else None),
            tls_context=self.tls_context,
            local_hostname=self.local_hostname,
            timeout=TIMEOUT_SECONDS,
        )

    async def send_batch(self, messages: list[EmailMessage]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        client = self._client()
        try:
            await client.connect()
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
            reason = _reason("connect", error)
            return [Outcome("retry", reason) for _ in messages]
        try:
            for index, message in enumerate(messages):
                try:
                    await client.send_message(message)
                    outcomes.append(Outcome("sent"))
                except (aiosmtplib.SMTPRecipientsRefused, aiosmtplib.SMTPRecipientRefused) as error:
                    outcomes.append(_refused(error))
                except aiosmtplib.SMTPResponseException as error:
                    outcomes.append(Outcome("retry", _reason("send", error)))
                except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
                    # the connection is gone: this mail and the rest wait for the next round
                    reason = _reason("send", error)
                    outcomes += [Outcome("retry", reason)] * (len(messages) - index)
                    break
        finally:
            if client.is_connected:
                try:
                    await client.quit()
                except (aiosmtplib.SMTPException, OSError, TimeoutError):
                    client.close()
        return outcomes


def _refused(error: aiosmtplib.SMTPException) -> Outcome:
    refused = error.recipients if isinstance(error, aiosmtplib.SMTPRecipientsRefused) else [error]
    codes = [getattr(r, "code", 0) for r in refused]
    kind = "failed" if codes and all(500 <= code < 600 for code in codes) else "retry"
    return Outcome(kind, _reason("recipient", error))


def _reason(step: str, error: BaseException) -> str:
    return f"{step}: {type(error).__name__} {error}"[:300]


class ConsoleTransport:
    """No SMTP_URL (development): each mail is printed in the server's log, and stays in the
    outbox for /dev/mails."""

    async def send_batch(self, messages: list[EmailMessage]) -> list[Outcome]:
        for message in messages:
            body = message.get_body(("plain",))
            text = body.get_content() if body is not None else ""
            log.info("mail (no SMTP_URL: not sent, see /dev/mails) to %s: %s\n%s", message["To"], message["Subject"], text)
        return [Outcome("logged") for _ in messages]


def transport_from_settings() -> Transport:
    url = get_settings().smtp_url
    return SmtpTransport(SmtpConfig.from_url(url)) if url else ConsoleTransport()


def build_message(to: str, subject: str, text: str, html_body: str, language: str) -> EmailMessage:
    sender = get_settings().mail_from
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    domain = sender.rpartition("@")[2].strip(" >") or "elan.example"
    message["Message-ID"] = make_msgid(domain=domain)
    message["Content-Language"] = language
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text)
    message.add_alternative(html_body, subtype="html")
    return message
