"""Demo: head office runs its tree. Every unit has its ERP code (what a CSV export carries),
and Garonne Distribution Agen, opened last year, closed this autumn: it stays in the tree as
« fermé » with its history, and is in no picker, board or new challenge. Isabelle Marchand's
opening and closing are in the audit log."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from server.network.models import Unit, UnitKind
from server.network.scope import scope_of_user
from server.network.tree import close_unit, create_unit

if TYPE_CHECKING:
    from server.demo.seed import DemoNetwork

CLOSED_POINT_OF_SALE = ("Garonne Distribution Agen", "Agen", "PDV-AGEN")
PREFIX = {UnitKind.REGION: "REG", UnitKind.DISTRIBUTOR: "DIST", UnitKind.POINT_OF_SALE: "PDV", UnitKind.TEAM: "EQ"}


def _code(unit: Unit) -> str:
    word = (unit.city or unit.name.split()[0]) if unit.kind == UnitKind.POINT_OF_SALE else unit.name.split()[0]
    flat = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().upper().replace("'", "")
    return f"{PREFIX[unit.kind]}-{flat.replace(' ', '-')}"


async def seed_network(demo: DemoNetwork) -> None:
    admin = await scope_of_user(demo.accounts["admin"])
    for unit in demo.units.values():
        if unit.kind != UnitKind.ORGANIZATION:
            unit.external_code = _code(unit)
            await unit.save(update_fields=["external_code"])
    name, city, code = CLOSED_POINT_OF_SALE
    agen = await create_unit(admin, demo.units["Garonne Distribution"].id, UnitKind.POINT_OF_SALE, name, city, code)
    await close_unit(admin, agen.id)
    demo.counts["closed_units"] = 1
