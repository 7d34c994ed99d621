"""The brands a partner agency's person may switch between."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.permissions import scope_of, signed_in
from server.agency import services


@strawberry.type(description="A brand a partner agency was granted, and what it may do there.")
class AgencyBrand:
    organization_id: strawberry.ID
    name: str
    content: list[str] = strawberry.field(description="challenges, modules, satisfaction, dashboards.")
    current: bool = strawberry.field(description="The brand the viewer works on now.")


@strawberry.type
class AgencyQuery:
    @strawberry.field(
        description="The brands the viewer's partner agency was granted (empty for anyone else): the brand switcher.",
        extensions=[DomainErrors()],
    )
    async def my_brands(self, info: Info) -> list[AgencyBrand]:
        rows = await services.my_brands(signed_in(info), scope_of(info))
        return [
            AgencyBrand(organization_id=strawberry.ID(str(b.organization_id)), name=b.name, content=b.content, current=b.current)
            for b in rows
        ]
