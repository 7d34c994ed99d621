"""What each kind of mail says, in the recipient's language (French first, English), as plain
text and as HTML. Parameters are escaped in the HTML; links are built from PUBLIC_URL only.

A mail row keeps its kind and parameters; the secret of its link (an invite or reset token)
sits in `params["token"]` and is turned into a link here, when the mail is rendered."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from server.privacy.pseudonym import localized
from server.settings import get_settings

ROLE_NAMES = {
    "fr": {"ADMIN": "administrateur", "MANAGER": "manager", "MEMBER": "membre de l'équipe"},
    "en": {"ADMIN": "administrator", "MANAGER": "manager", "MEMBER": "team member"},
}

# the page each kind links to, its token after the « # » (never sent to a server in a request)
LINK_PATHS = {"invite": "/invitation", "password_reset": "/password/reset"}

TEXTS: dict[str, dict[str, dict[str, str]]] = {
    "invite": {
        "fr": {
            "subject": "{inviter} vous invite sur Élan ({organization})",
            "greeting": "Bonjour{name},",
            "body": "{inviter} vous invite à rejoindre {organization} sur Élan, à {unit}, en tant que {role}.",
            "action": "Choisir mon mot de passe",
            "after": "Ce lien est valable 7 jours. Si vous ne vous attendiez pas à cette invitation, ignorez ce message.",
        },
        "en": {
            "subject": "{inviter} invites you to Élan ({organization})",
            "greeting": "Hello{name},",
            "body": "{inviter} invites you to join {organization} on Élan, at {unit}, as a {role}.",
            "action": "Choose my password",
            "after": "This link is valid for 7 days. If you were not expecting this invitation, ignore this message.",
        },
    },
    "password_reset": {
        "fr": {
            "subject": "Choisir un nouveau mot de passe Élan",
            "greeting": "Bonjour{name},",
            "body": "Vous avez demandé à choisir un nouveau mot de passe pour {email}.",
            "action": "Choisir un nouveau mot de passe",
            "after": "Ce lien est valable une heure et ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.",
        },
        "en": {
            "subject": "Choose a new Élan password",
            "greeting": "Hello{name},",
            "body": "You asked to choose a new password for {email}.",
            "action": "Choose a new password",
            "after": "This link is valid for one hour and works once. If you did not ask for it, ignore this message: your password does not change.",
        },
    },
}


@dataclass(frozen=True, slots=True)
class RenderedMail:
    subject: str
    text: str
    html: str
    link: str | None


def link_for(kind: str, token: str | None) -> str | None:
    path = LINK_PATHS.get(kind)
    if path is None or not token:
        return None
    return get_settings().public_link(f"{path}#{token}")


def _values(kind: str, params: dict[str, Any], language: str) -> dict[str, str]:
    name = str(params.get("name") or "").strip()
    return {
        "name": f" {name}" if name else "",
        "inviter": str(params.get("inviter") or "Élan"),
        "organization": str(params.get("organization") or ""),
        "unit": str(params.get("unit") or ""),
        "role": ROLE_NAMES[language].get(str(params.get("role") or "MEMBER"), ""),
        "email": str(params.get("email") or ""),
    }


def render(kind: str, params: dict[str, Any], language: str) -> RenderedMail:
    language = language if language in ("fr", "en") else "fr"
    texts = TEXTS[kind][language]
    # an erased person's name is stored without a language (server.privacy.pseudonym)
    values = {k: localized(v, language) for k, v in _values(kind, params, language).items()}
    link = link_for(kind, params.get("token"))
    plain = {key: template.format(**values) for key, template in texts.items()}
    escaped = {key: template.format(**{k: html.escape(v) for k, v in values.items()}) for key, template in texts.items()}
    lines = [plain["greeting"], "", plain["body"], ""]
    if link:
        lines += [f"{plain['action']} : {link}" if language == "fr" else f"{plain['action']}: {link}", ""]
    lines += [plain["after"], "", "— Élan"]
    button = (
        f'<p><a href="{html.escape(link)}" style="display:inline-block;padding:12px 20px;'
        f'background:#1d4ed8;color:#fff;border-radius:8px;text-decoration:none">{escaped["action"]}</a></p>'
        f'<p style="font-size:13px;color:#555">{html.escape(link)}</p>'
        if link
        else ""
    )
    body = (
        f'<!doctype html><html lang="{language}"><body style="font-family:system-ui,sans-serif;'
        f'font-size:16px;line-height:1.5;color:#111;max-width:560px;margin:0 auto;padding:16px">'
        f"<p>{escaped['greeting']}</p><p>{escaped['body']}</p>{button}"
        f'<p style="font-size:14px;color:#555">{escaped["after"]}</p><p>— Élan</p></body></html>'
    )
    return RenderedMail(plain["subject"], "\n".join(lines) + "\n", body, link)
