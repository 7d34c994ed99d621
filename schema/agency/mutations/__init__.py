"""Partner agencies' mutations: a brand grants or revokes, an agency's person switches brand."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.agency.queries import AgencyBrand
from schema.context import Info
from schema.errors import NotAllowedError, ValidationError, mutation
from schema.ids import parse_id
from schema.permissions import scope_of, signed_in
from server.agency import services


@strawberry.type
class SwitchBrandSuccess:
    brand_organization_id: strawberry.ID


SwitchBrandResult = Annotated[SwitchBrandSuccess | NotAllowedError, strawberry.union("SwitchBrandResult")]


async def switch_brand(info: Info, organization_id: strawberry.ID) -> SwitchBrandResult:
    grant = await services.switch_brand(signed_in(info), parse_id(organization_id))
    return SwitchBrandSuccess(brand_organization_id=strawberry.ID(str(grant.brand_organization_id)))


@strawberry.input
class GrantAgencyInput:
    agency_slug: str = strawberry.field(description="The agency organisation's slug.")
    unit_id: strawberry.ID | None = strawberry.field(default=None, description="Its subtree only (default: the whole network).")
    content: list[str] = strawberry.field(description="What it may manage: challenges, modules, satisfaction, dashboards.")


@strawberry.type
class GrantAgencySuccess:
    grant_id: strawberry.ID


GrantAgencyResult = Annotated[GrantAgencySuccess | ValidationError | NotAllowedError, strawberry.union("GrantAgencyResult")]


async def grant_agency(info: Info, input: GrantAgencyInput) -> GrantAgencyResult:
    grant = await services.grant_agency(
        scope_of(info), input.agency_slug, parse_id(input.unit_id) if input.unit_id is not None else None, input.content
    )
    return GrantAgencySuccess(grant_id=strawberry.ID(str(grant.id)))


@strawberry.type
class RevokeAgencySuccess:
    revoked: int


RevokeAgencyResult = Annotated[RevokeAgencySuccess | NotAllowedError, strawberry.union("RevokeAgencyResult")]


async def revoke_agency(info: Info, agency_organization_id: strawberry.ID) -> RevokeAgencyResult:
    return RevokeAgencySuccess(revoked=await services.revoke_agency(scope_of(info), parse_id(agency_organization_id)))


@strawberry.type
class AgencyMutation:
    switch_brand: SwitchBrandResult = mutation(
        resolver=switch_brand,
        description="A partner agency's person works on another brand it was granted (from its next request; reconnect sockets).",
    )
    grant_agency: GrantAgencyResult = mutation(
        resolver=grant_agency,
        description="A brand's head office lets a partner agency build content and read dashboards on its network; audited.",
    )
    revoke_agency: RevokeAgencyResult = mutation(
        resolver=revoke_agency, description="A brand's head office ends a partner agency's access; audited."
    )


__all__ = ["AgencyBrand", "AgencyMutation"]
