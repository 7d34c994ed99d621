"""`python -m server create-organization`: the first organisation of a new deployment and its
first head-office account (ADMIN), who then builds the network (`importNetwork`, the
« Réseau » screens) and invites everyone else. The password is made here and shown once."""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass

from server.accounts.models import Role, User
from server.accounts.passwords import hash_password
from server.db import atomic
from server.network.models import Organization
from server.network.services import create_organization


class BootstrapRefused(Exception):
    pass


@dataclass
class FirstAdmin:
    organization: Organization
    admin: User
    password: str


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:50] or "organisation"


async def create_first_admin(name: str, email: str, display_name: str) -> FirstAdmin:
    name, email, display_name = " ".join(name.split()), email.strip().lower(), " ".join(display_name.split())
    if not name or not display_name or "@" not in email:
        raise BootstrapRefused("an organisation name, an e-mail and a name are needed")
    if await User.exists(email=email):
        raise BootstrapRefused(f"{email} already has an account")
    if await Organization.exists(slug=_slug(name)):
        raise BootstrapRefused(f"an organisation named {name!r} exists already")
    password = secrets.token_urlsafe(12)
    hashed = await hash_password(password)
    async with atomic():
        organization, root = await create_organization(name, _slug(name))
        admin = await User.create(
            organization=organization, unit=root, email=email, display_name=display_name,
            role=Role.ADMIN, password_hash=hashed,
        )
    return FirstAdmin(organization, admin, password)
