"""Loading what a viewer needs about itself in one round trip."""

from __future__ import annotations

import strawberry

from schema.accounts.types import Viewer
from schema.network.types import Organization, Unit
from server.accounts.models import User
from server.network.models import Organization as OrganizationModel
from server.network.models import Unit as UnitModel


async def load_viewer(user: User, language: str) -> Viewer:
    unit = await UnitModel.get(id=user.unit_id)
    organization = await OrganizationModel.get(id=user.organization_id)
    return Viewer(
        id=strawberry_id(user.id),
        email=user.email,
        display_name=user.display_name,
        initials=user.initials,
        role=user.role,
        language=user.language or language,
        unit=Unit(id=strawberry_id(unit.id), name=unit.name, kind=unit.kind, city=unit.city),
        hidden_from_feed=user.hidden_from_feed,
        organization=Organization(id=strawberry_id(organization.id), name=organization.name),
        photo_url=user.avatar_url,
    )


def strawberry_id(value: int) -> strawberry.ID:
    return strawberry.ID(str(value))
