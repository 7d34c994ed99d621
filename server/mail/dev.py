"""/dev/mails: the mail outbox as a page, so a newcomer running `make run` without SMTP_URL can
follow an invite or a reset link. Development only: a plain 404 when ELAN_PRODUCTION=1."""

from __future__ import annotations

import base64
import hashlib
import html
import re

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from server.mail.messages import render
from server.mail.models import MailMessage
from server.settings import get_settings

SHOWN = 50
STYLE = (
    "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:720px;padding:12px}"
    ".mail{border:1px solid #ccc;border-radius:8px;padding:8px 12px;margin:12px 0}"
    "pre{white-space:pre-wrap;word-break:break-word;font:inherit}.meta{color:#555;font-size:14px}"
)
# the page runs nothing: its one inline style is allowed by its hash, links go anywhere
PAGE_CSP = (
    "default-src 'none'; style-src 'sha256-"
    + base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
    + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
_URL = re.compile(r"https?://[^\s<>\"]+")

STATUS_NAMES = {"PENDING": "en attente", "SENT": "envoyé", "FAILED": "échec", "LOGGED": "non envoyé (pas de SMTP_URL)"}


def _linked(text: str) -> str:
    """The text escaped, its links made clickable (the only markup on the page)."""
    out, last = [], 0
    for found in _URL.finditer(text):
        out.append(html.escape(text[last : found.start()]))
        url = html.escape(found.group(0))
        out.append(f'<a href="{url}">{url}</a>')
        last = found.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


async def dev_mails(request: Request) -> Response:
    if get_settings().production:
        return Response("Not found", status_code=404, media_type="text/plain")
    rows = await MailMessage.all().order_by("-id").limit(SHOWN)
    items = []
    for row in rows:
        mail = render(row.kind, row.params, row.language)
        items.append(
            f'<article class="mail" data-kind="{html.escape(row.kind)}" data-to="{html.escape(row.to_address)}">'
            f"<h2>{html.escape(mail.subject)}</h2>"
            f"<p class=meta>À <b>{html.escape(row.to_address)}</b> · {row.created_at:%d/%m/%Y %H:%M} UTC · "
            f"{html.escape(STATUS_NAMES.get(str(row.status), str(row.status)))}</p>"
            f"<pre>{_linked(mail.text)}</pre></article>"
        )
    body = "".join(items) or "<p>Aucun e-mail pour l'instant.</p>"
    page = (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>E-mails (développement) · Élan</title><style>{STYLE}</style></head>"
        "<body><h1>E-mails du serveur (développement)</h1>"
        "<p>Sans <code>SMTP_URL</code>, les e-mails restent ici et dans la console. "
        "Cette page n'existe pas en production.</p>"
        f"{body}</body></html>"
    )
    return HTMLResponse(
        page, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "Content-Security-Policy": PAGE_CSP}
    )
