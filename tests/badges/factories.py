"""Badges for tests, made straight through the catalogue service."""

from __future__ import annotations

from server.accounts.models import Role, User
from server.badges.catalogue import NewBadge, create_badge
from server.badges.models import AwardPolicy, Badge, BadgeKind
from tests.factories import Network, make_user


async def head_office(network: Network) -> User:
    return await make_user(network.root, Role.ADMIN, "Isabelle Siège")


async def make_badge(network: Network, name: str = "Esprit d'équipe", **options: object) -> Badge:
    admin = await head_office(network)
    new = NewBadge(name=name, emoji=str(options.pop("emoji", "🤝")), **options)  # type: ignore[arg-type]
    return await create_badge(admin, new)


async def make_label(network: Network, name: str = "Chef des Ventes confirmé", validity_days: int = 365) -> Badge:
    return await make_badge(
        network, name, emoji="🎖️", kind=BadgeKind.LABEL, levels=["Bronze", "Argent", "Or"],
        validity_days=validity_days, award_policy=AwardPolicy.ADMINS,
    )
