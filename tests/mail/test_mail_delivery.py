"""Mails leave through a durable outbox, over real SMTP: in the recipient's language, as text
and HTML, with PUBLIC_URL links; a dead SMTP server loses nothing; a refused recipient is given
up; STARTTLS with credentials and implicit TLS work; workers never claim the same mail twice."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime, timedelta

from prometheus_client import REGISTRY

from server.accounts.models import User
from server.db import atomic
from server.mail.claims import claim_due
from server.mail.models import MailMessage, MailStatus
from server.mail.outbox import enqueue_mail
from server.mail.transport import ConsoleTransport, SmtpConfig, SmtpTransport, build_message
from server.settings import get_settings
from tests.accounts.documents import REQUEST_PASSWORD_RESET
from tests.factories import an_address, make_network, make_user
from tests.graphql_client import GraphQLClient
from tests.mailbox import Mailbox, html_of, link_in, text_of, tls_certificate


async def _until(check, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(timeout):
        while not await check():
            await asyncio.sleep(0.05)


async def test_a_mail_arrives_over_smtp_in_the_recipients_language_as_text_and_html(live_server, mailbox):
    # given an English-speaking seller
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Emma <Stone>")
    await User.filter(id=seller.id).update(language="en")

    # when she asks for a new password
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        asked = (await phone.execute(REQUEST_PASSWORD_RESET, {"email": seller.email}))["requestPasswordReset"]
    assert asked["__typename"] == "RequestPasswordResetSuccess"

    # then a mail reaches the SMTP server, in English, from MAIL_FROM, in text and HTML
    mail = await mailbox.next_to(seller.email)
    assert mail["Subject"] == "Choose a new Élan password"
    assert mail["From"] == get_settings().mail_from
    assert "Hello Emma <Stone>," in text_of(mail)
    # the HTML escapes what people typed, and links to PUBLIC_URL only
    assert "Emma &lt;Stone&gt;" in html_of(mail) and "<Stone>" not in html_of(mail)
    link = link_in(mail)
    assert link.startswith(f"{live_server.url}/password/reset#")
    assert f'href="{link}"' in html_of(mail)

    async def recorded_sent() -> bool:
        return await MailMessage.filter(to_address=seller.email, status=MailStatus.SENT).exists()

    await _until(recorded_sent)
    row = await MailMessage.filter(to_address=seller.email).get()
    assert (row.language, row.attempts) == ("en", 1)


async def test_a_dead_smtp_server_loses_nothing(live_server, mailbox):
    # given the SMTP server is down
    network = await make_network()
    seller = await make_user(network.points_of_sale["Arras"], name="Hugo Lefèvre")
    await mailbox.stop()
    try:
        # when a mail is due
        async with GraphQLClient(live_server.url, **an_address()) as phone:
            await phone.execute(REQUEST_PASSWORD_RESET, {"email": seller.email})

        # then it stays in the outbox, tried and waiting for another attempt
        async def tried_twice() -> bool:
            row = await MailMessage.filter(to_address=seller.email).first()
            return row is not None and row.attempts >= 2

        await _until(tried_twice)
        row = await MailMessage.filter(to_address=seller.email).get()
        assert row.status == MailStatus.PENDING
        assert row.last_error and row.last_error.startswith("connect:")
    finally:
        # when the server comes back
        await mailbox.start()
    # then the mail arrives, once
    mail = await mailbox.next_to(seller.email, timeout=15)
    assert mail["Subject"] == "Choisir un nouveau mot de passe Élan"
    assert "Bonjour Hugo Lefèvre," in text_of(mail)

    async def sent() -> bool:
        return await MailMessage.filter(to_address=seller.email, status=MailStatus.SENT).exists()

    await _until(sent)
    assert mailbox.count_to(seller.email) == 1


async def test_a_recipient_refused_for_good_is_given_up_and_the_others_go(live_server, mailbox):
    # given an SMTP server that has no mailbox for one address
    gone = f"parti-{uuid.uuid4().hex[:6]}@test.example"
    here = f"present-{uuid.uuid4().hex[:6]}@test.example"
    mailbox.refused.add(gone)
    refused_before = REGISTRY.get_sample_value("elan_mail_failures_total", {"status": "550"}) or 0.0
    sent_before = REGISTRY.get_sample_value("elan_mail_sent_total") or 0.0
    # when two mails are due
    async with atomic() as events:
        for to in (gone, here):
            await enqueue_mail(events, to=to, kind="password_reset", params={"name": "X", "email": to, "token": "t"}, language="fr")
    # then one arrives and the other is failed at once, with the server's answer
    await mailbox.next_to(here)

    async def given_up() -> bool:
        return await MailMessage.filter(to_address=gone, status=MailStatus.FAILED).exists()

    await _until(given_up)
    row = await MailMessage.filter(to_address=gone).get()
    assert row.attempts == 1 and "550" in (row.last_error or "")
    # and the operator's metrics counted one mail sent and one refused with its SMTP status
    # (the SMTP server has the mail a moment before the worker counts it)
    async def counted() -> bool:
        return (REGISTRY.get_sample_value("elan_mail_sent_total") or 0.0) >= sent_before + 1

    await _until(counted)
    assert REGISTRY.get_sample_value("elan_mail_failures_total", {"status": "550"}) == refused_before + 1


async def test_starttls_with_credentials_and_implicit_tls():
    server_tls, client_tls = tls_certificate()
    message = build_message("julie@test.example", "Bonjour", "Un mot", "<p>Un mot</p>", "fr")
    for implicit in (False, True):
        # given a provider asking for credentials over TLS (STARTTLS on 587, or TLS from the start on 465)
        provider = Mailbox(tls=server_tls, implicit_tls=implicit, credentials=("elan", "s3cret@pass"))
        port = await provider.start()
        scheme = "smtps" if implicit else "smtp"
        try:
            config = SmtpConfig.from_url(f"{scheme}://elan:s3cret%40pass@127.0.0.1:{port}")
            # when a batch is sent
            outcomes = await SmtpTransport(config, tls_context=client_tls).send_batch([message])
            # then it went through, authenticated
            assert [o.kind for o in outcomes] == ["sent"], outcomes
            assert provider.logins == ["elan"]
            assert (await provider.next_to("julie@test.example"))["Subject"] == "Bonjour"
            # and wrong credentials are retried later, never lost
            wrong = SmtpConfig.from_url(f"{scheme}://elan:wrong@127.0.0.1:{port}")
            again = await SmtpTransport(wrong, tls_context=client_tls).send_batch([message])
            assert [o.kind for o in again] == ["retry"]
        finally:
            await provider.stop()


async def test_workers_never_claim_the_same_mail_twice(live_server):
    # given 40 mails due in an hour (the server's own worker leaves them until then)
    later = datetime.now(UTC) + timedelta(hours=1)
    async with atomic() as events:
        for number in range(40):
            row = await enqueue_mail(events, to=f"claim{number}@test.example", kind="password_reset", params={"email": "x"}, language="fr")
            await MailMessage.filter(id=row.id).update(not_before=later)
    try:
        # when, an hour later, four workers claim at once
        batches = await asyncio.gather(*(claim_due(f"worker-{n}", 60, 15, now=later + timedelta(minutes=1)) for n in range(4)))
        # then each mail went to one of them
        ids = [m.id for batch in batches for m in batch]
        assert len(ids) == len(set(ids)) == 40
    finally:
        await MailMessage.filter(not_before=later).delete()


async def test_without_smtp_url_a_mail_is_printed_and_kept(live_server, caplog):
    # given the console transport (no SMTP_URL)
    message = build_message("nadia@test.example", "Choisir un nouveau mot de passe Élan", "Lien : http://x/password/reset#abc", "<p>x</p>", "fr")
    # when it sends
    with caplog.at_level(logging.INFO, logger="elan.mail"):
        outcomes = await ConsoleTransport().send_batch([message])
    # then the mail is in the console, and the outbox keeps it (LOGGED, for /dev/mails)
    assert [o.kind for o in outcomes] == ["logged"]
    assert "nadia@test.example" in caplog.text and "http://x/password/reset#abc" in caplog.text
