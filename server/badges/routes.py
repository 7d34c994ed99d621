"""Public routes: the credential download, the verification page, the issuer profile and
badge images. No sign-in: a credential's unguessable id is what a person shares.

Every URL these write (issuer, verification method, status, the credential's own id) is on
PUBLIC_URL, never on the Host header of the request: a signed credential must not name
whatever host a client claimed to be calling."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import unicodedata

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from server.badges.credentials import (
    issuer_profile,
    load_award,
    signed_credential,
    status_of,
    verify,
)
from server.badges.images import image_path
from server.badges.keys import organization_public_key
from server.badges.models import BadgeKind, SigningKey
from server.i18n import pick_language
from server.network.models import Organization
from server.privacy.pseudonym import localized
from server.settings import get_settings
from server.texts.catalogue import text
from server.texts.formats import day


def base_url() -> str:
    return get_settings().public_url


def credential_file_name(badge_name: str, award_id: int) -> str:
    """badge-<ascii slug of the name>-<award id>.json, the same name the PWA suggests."""
    flat = unicodedata.normalize("NFKD", badge_name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", flat).strip("-") or "elan"
    return f"badge-{slug}-{award_id}.json"


def _not_found() -> JSONResponse:
    return JSONResponse({"error": "not_found"}, status_code=404)


async def credential_json(request: Request) -> Response:
    award = await load_award(request.path_params["public_id"])
    if award is None:
        return _not_found()
    credential = await signed_credential(award, base_url())
    headers = {"Cache-Control": "no-store"}
    if request.query_params.get("download"):
        name = credential_file_name(award.badge.name, award.id)
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    body = json.dumps(credential, ensure_ascii=False, indent=2)
    return Response(body, media_type="application/vc+ld+json; charset=utf-8", headers=headers)


STYLE = """
body{font-family:system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1d21}
main{max-width:36rem;margin:0 auto;padding:1.5rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px #0002}
.status{display:inline-block;padding:.25rem .75rem;border-radius:999px;font-weight:700}
.VALID{background:#d8f5e1;color:#0b5a2a}.EXPIRED{background:#fff0c7;color:#6b4b00}
.REVOKED{background:#fde0e0;color:#8a1111}.emoji{font-size:3rem}
dt{font-weight:600;margin-top:.75rem}dd{margin:0}
"""
# the page's one style sheet by hash; no script, no other source
PAGE_CSP = (
    "default-src 'none'; style-src 'sha256-"
    + base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
    + "'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)


def _page(title: str, body: str, language: str, status: int = 200) -> HTMLResponse:
    page = f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · Élan</title>
<style>{STYLE}</style></head><body><main>{body}</main></body></html>"""
    return HTMLResponse(
        page,
        status_code=status,
        headers={"Cache-Control": "no-store", "Content-Security-Policy": PAGE_CSP, "Vary": "Accept-Language"},
    )


async def verify_page(request: Request) -> Response:
    """The page a shared badge link opens, in the reader's language (Accept-Language): no
    session here, the reader is whoever checks the badge."""
    language = pick_language(request.headers.get("accept-language"))
    e = html.escape

    def say(key: str, **values: object) -> str:
        return text(f"verify.{key}", language, **values)

    award = await load_award(request.path_params["public_id"])
    if award is None:
        title = say("not_found.title")
        return _page(title, f"<h1>{e(title)}</h1><p>{e(say('not_found.body'))}</p>", language, 404)
    credential = await signed_credential(award, base_url())
    signature_ok = verify(credential, await organization_public_key(award.organization_id))
    status = status_of(award)
    if "application/json" in request.headers.get("accept", ""):
        # machines checking the credentialStatus get the same answer as people, as JSON
        return JSONResponse(
            {
                "credential": credential["id"],
                "status": status.value,
                "signatureValid": signature_ok,
                "validFrom": credential["validFrom"],
                "validUntil": credential.get("validUntil"),
                "revokedAt": award.revoked_at.isoformat() if award.revoked_at else None,
            },
            headers={"Cache-Control": "no-store"},
        )
    badge, user = award.badge, award.user
    label = say(status.value)
    sentence = say(f"{status.value}.{'label' if badge.kind == BadgeKind.LABEL else 'badge'}")
    rows = [
        (say("badge"), f"{badge.name}" + (" – " + say("level", level=award.level) if award.level else "")),
        (say("awarded_to"), localized(user.display_name, language)),
        (say("by"), award.organization.name),
        (say("on"), day(award.awarded_at, language)),
    ]
    if award.expires_at is not None:
        rows.append((say("valid_until"), day(award.expires_at, language)))
    if award.revoked_at is not None:
        rows.append((say("revoked_on"), day(award.revoked_at, language)))
    details = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in rows)
    proof = say("signature_ok") if signature_ok else say("signature_bad")
    body = f"""<div class="card">
<div class="emoji" aria-hidden="true">{e(badge.emoji or '🏅')}</div>
<h1>{e(badge.name)}</h1>
<p><span class="status {status.value}" data-status="{status.value}">{e(label)}</span></p>
<p>{e(sentence)}</p>
<dl>{details}</dl>
<p>{e(proof)}</p>
<p><a href="/credentials/{e(award.public_id)}?download=1">{e(say("download"))}</a></p>
</div>"""
    return _page(f"{badge.name} – {label}", body, language)


async def issuer(request: Request) -> Response:
    raw = request.path_params["organization_id"]
    organization = await Organization.get_or_none(id=int(raw)) if raw.isdigit() and len(raw) < 12 else None
    # only organisations that issued a credential have a public issuer profile
    if organization is None or not await SigningKey.exists(organization_id=organization.id):
        return _not_found()
    return JSONResponse(await issuer_profile(organization, base_url()))


async def badge_image(request: Request) -> Response:
    path = image_path(request.path_params["name"])
    if path is None:
        return _not_found()
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "public, max-age=31536000, immutable"})


ROUTES = [
    Route("/credentials/{public_id}", credential_json, methods=["GET"]),
    Route("/verify/{public_id}", verify_page, methods=["GET"]),
    Route("/issuers/{organization_id}", issuer, methods=["GET"]),
    Route("/badge-images/{name}", badge_image, methods=["GET"]),
]
