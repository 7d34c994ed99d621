"""/dev/mails shows the outbox in development, links clickable, so a newcomer can follow an
invite or a reset link; in production it does not exist."""

from __future__ import annotations

import os
import secrets

import httpx

from server.push.vapid import new_private_key
from server.settings import reset_settings
from tests.accounts.documents import REQUEST_PASSWORD_RESET
from tests.factories import an_address, make_network, make_user
from tests.graphql_client import GraphQLClient
from tests.mailbox import link_in


async def test_the_outbox_page_lists_the_mails_with_their_links(live_server, mailbox):
    # given a reset link mailed to a seller
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Julie <b>Moreau</b>")
    async with GraphQLClient(live_server.url, **an_address()) as phone:
        await phone.execute(REQUEST_PASSWORD_RESET, {"email": seller.email})
    link = link_in(await mailbox.next_to(seller.email))
    # when the newcomer opens /dev/mails
    async with httpx.AsyncClient(base_url=live_server.url) as browser:
        page = await browser.get("/dev/mails")
    # then the mail is there, its link clickable, the name escaped
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert f'<a href="{link}">{link}</a>' in page.text
    assert "Choisir un nouveau mot de passe Élan" in page.text
    assert "Julie &lt;b&gt;Moreau&lt;/b&gt;" in page.text and "<b>Moreau</b>" not in page.text


async def test_in_production_the_page_does_not_exist(live_server):
    # given the app as production builds it
    from server.app import create_app

    production = {
        "ELAN_PRODUCTION": "1",
        "PUBLIC_URL": "https://elan.example",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "VAPID_PRIVATE_KEY": new_private_key(),
    }
    saved = {k: os.environ.get(k) for k in production}
    os.environ.update(production)
    reset_settings()
    try:
        app = create_app()
        # when /dev/mails is asked for
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://elan.example") as browser:
            page = await browser.get("/dev/mails")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        reset_settings()
    # then it is not found, and shows no mail
    assert page.status_code == 404 and "mot de passe" not in page.text
