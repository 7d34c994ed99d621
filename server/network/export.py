"""`exportNetwork`: the network as the CSV `importNetwork` reads, so the same file goes back in
unchanged (nothing to apply). Open units in tree order, then active people and pending invites
by e-mail; closed units and deactivated people are left out (an import cannot make them).
A unit without a code of its own is written « #<id> ». Three queries whatever the size."""

from __future__ import annotations

from server.accounts.models import EmailInvite, User
from server.network.csv_file import write_table
from server.network.models import Unit
from server.network.scope import Scope


def _code(unit: dict[str, object]) -> str:
    return str(unit["external_code"] or f"#{unit['id']}")


async def export_network(scope: Scope) -> bytes:
    scope.require_admin()
    units = await Unit.filter(organization_id=scope.organization_id, closed_at=None).order_by("path").values(
        "id", "parent_id", "kind", "name", "city", "external_code"
    )
    root = next(u for u in units if u["parent_id"] is None)
    codes = {u["id"]: ("" if u["id"] == root["id"] else _code(u)) for u in units}
    rows: list[list[str]] = [
        ["unit", codes[u["id"]], codes.get(u["parent_id"], ""), str(u["kind"]), u["name"], u["city"] or "", "", "", ""]
        for u in units
        if u["id"] != root["id"]
    ]
    people = await User.filter(organization_id=scope.organization_id, deactivated_at=None, unit__closed_at=None).order_by("email").values(
        "email", "display_name", "unit_id", "role"
    )
    invites = await EmailInvite.filter(
        organization_id=scope.organization_id, accepted_at=None, revoked_at=None, unit__closed_at=None
    ).order_by("email").values("email", "display_name", "unit_id", "role")
    seen: set[str] = set()
    for person in [*people, *invites]:
        if person["email"] in seen:
            continue
        seen.add(person["email"])
        rows.append(["person", "", "", "", person["display_name"], "", person["email"], codes.get(person["unit_id"], ""), str(person["role"])])
    return write_table(rows)
