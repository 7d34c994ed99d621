"""Checking a network CSV as a whole before anything is applied: a plan of what would change and
a report of every bad line (line, column, reason).

A unit row is known by its external code; its parent by the parent's code (empty: directly
under head office), found in the file or already in the organisation. A person row is known by
its e-mail; its unit by the unit's code (empty: head office). The check reads the organisation
once (its units, its people, its pending invites: three queries whatever the file's size) and
works in memory:

- each line alone: required cells, formats, formula-looking cells, levels and roles by name;
- across lines: a code or an e-mail twice (the later line is reported), a parent or unit code
  found nowhere, the level order (brand → region → distributor → point of sale → team) on every
  edge of the tree the file would make, cycles (a unit under itself, in the file or through the
  units already there), closed units (nothing added below them, nothing changed in them);
- a line that depends on a bad line is bad too (a point of sale under a refused region), so the
  valid lines alone always make a consistent tree: « apply the valid lines only » is safe.

What a valid line does: a unit is created, updated (name, city, level), moved (another parent),
or left unchanged; a person already in the organisation is moved or given another role, or left
unchanged; an address with a pending invite has that invite updated (no new mail); any other
address is invited (a mail with a link valid 7 days). Importing the same file twice changes
nothing the second time.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from server.accounts.models import ROLE_RANK, EmailInvite, Role, User
from server.accounts.services import DISPLAY_NAME_MAX, normalise_email
from server.network.csv_file import CsvTable, Row
from server.network.models import KIND_RANK, Unit, UnitKind
from server.network.tree import CITY_MAX, CODE_MAX, CODE_PATTERN, NAME_MAX

ROOT = "__head_office__"  # the key of head office among the codes

KIND_NAMES = {
    "region": UnitKind.REGION,
    "distributor": UnitKind.DISTRIBUTOR,
    "distributeur": UnitKind.DISTRIBUTOR,
    "point_of_sale": UnitKind.POINT_OF_SALE,
    "point of sale": UnitKind.POINT_OF_SALE,
    "point de vente": UnitKind.POINT_OF_SALE,
    "pdv": UnitKind.POINT_OF_SALE,
    "team": UnitKind.TEAM,
    "equipe": UnitKind.TEAM,
}
ROLE_NAMES = {
    "admin": Role.ADMIN,
    "administrateur": Role.ADMIN,
    "administratrice": Role.ADMIN,
    "manager": Role.MANAGER,
    "member": Role.MEMBER,
    "membre": Role.MEMBER,
    "vendeur": Role.MEMBER,
    "vendeuse": Role.MEMBER,
}
UNIT_TYPES = {"unit", "unite", "unité"}
PERSON_TYPES = {"person", "personne"}
EMAIL_MAX = 254


def _plain(text: str) -> str:
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(flat.lower().replace("-", " ").split())


def parse_kind(text: str) -> UnitKind | None:
    plain = _plain(text)
    return KIND_NAMES.get(plain) or KIND_NAMES.get(plain.replace(" ", "_"))


def parse_role(text: str) -> Role | None:
    return ROLE_NAMES.get(_plain(text)) if text else Role.MEMBER


@dataclass(frozen=True, slots=True)
class LineError:
    line: int
    column: str | None
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class UnitLine:
    line: int
    code: str
    kind: UnitKind
    name: str
    city: str | None
    parent: str  # a code, or ROOT
    existing: dict[str, Any] | None  # the unit already there with this code
    create: bool = False
    update: bool = False  # name, city or level
    move: bool = False


@dataclass
class PersonLine:
    line: int
    email: str
    name: str
    unit: str  # a code, or ROOT
    role: Role
    user_id: int | None = None
    invite_id: int | None = None
    action: str = "unchanged"  # invite | update_user | update_invite | unchanged
    narrower: bool = False  # an existing person's scope may shrink: their sessions end


@dataclass
class ImportPlan:
    root: dict[str, Any]
    units_by_code: dict[str, dict[str, Any]]  # the organisation's coded units, as read
    units: list[UnitLine]
    people: list[PersonLine]
    errors: list[LineError]
    lines: int

    def counts(self) -> dict[str, int]:
        units, people = self.units, self.people
        return {
            "units_created": sum(u.create for u in units),
            "units_updated": sum(u.update and not u.create for u in units),
            "units_moved": sum(u.move for u in units),
            "units_unchanged": sum(not (u.create or u.update or u.move) for u in units),
            "people_invited": sum(p.action == "invite" for p in people),
            "people_updated": sum(p.action in ("update_user", "update_invite") for p in people),
            "people_unchanged": sum(p.action == "unchanged" for p in people),
            "lines_refused": len({e.line for e in self.errors}),
        }


class _Check:
    def __init__(self, table: CsvTable, actor_id: int | None) -> None:
        self.table = table
        self.actor_id = actor_id
        self.errors: list[LineError] = []
        self.bad_lines: set[int] = set()

    def refuse(self, row_line: int, column: str | None, code: str, **params: Any) -> None:
        self.errors.append(LineError(row_line, column, code, params))
        self.bad_lines.add(row_line)

    def cell(self, row: Row, column: str) -> str | None:
        """The cell's value, or None once refused as a formula."""
        found = row.cells.get(column)
        if found is not None and found.formula:
            self.refuse(row.line, column, "csv_formula_cell")
            return None
        return found.value if found is not None else ""


def _is_unit_row(row: Row) -> bool | None:
    kind = _plain(row.get("type"))
    if kind in UNIT_TYPES:
        return True
    if kind in PERSON_TYPES:
        return False
    if kind:
        return None
    return not row.get("email")


async def check_import(table: CsvTable, organization_id: int, actor_id: int | None) -> ImportPlan:
    units = await Unit.filter(organization_id=organization_id).values(
        "id", "parent_id", "kind", "name", "city", "path", "external_code", "closed_at"
    )
    root = next(u for u in units if u["parent_id"] is None)
    by_id = {u["id"]: u for u in units}
    by_code = {u["external_code"]: u for u in units if u["external_code"]}
    # a unit without a code of its own is written « #<id> » by the export, and read back so
    by_code.update({f"#{u['id']}": u for u in units if not u["external_code"] and u["parent_id"] is not None})
    by_code[ROOT] = root
    people = {
        p["email"]: p
        for p in await User.filter(organization_id=organization_id).values("id", "email", "unit_id", "role", "display_name")
    }
    invites = {
        i["email"]: i
        for i in await EmailInvite.filter(organization_id=organization_id, accepted_at=None, revoked_at=None)
        .order_by("id")
        .values("id", "email", "unit_id", "role", "display_name")
    }
    check = _Check(table, actor_id)
    unit_lines = _unit_lines(check, by_code)
    _tree_rules(check, unit_lines, root, by_id, by_code)
    valid_units = {u.code: u for u in unit_lines if u.line not in check.bad_lines}
    refused_units = {u.code: u.line for u in unit_lines if u.line in check.bad_lines}
    person_lines = _person_lines(check, valid_units, refused_units, by_code, people, invites)
    for unit in valid_units.values():
        _unit_action(unit, root, by_id)
    return ImportPlan(
        root=root, units_by_code=by_code, units=list(valid_units.values()),
        people=[p for p in person_lines if p.line not in check.bad_lines],
        errors=sorted(check.errors, key=lambda e: (e.line, e.column or "")), lines=len(table.rows),
    )


def _unit_lines(check: _Check, by_code: dict[str, dict[str, Any]]) -> list[UnitLine]:
    found: list[UnitLine] = []
    first_line: dict[str, int] = {}
    for row in check.table.rows:
        kind_of_row = _is_unit_row(row)
        if kind_of_row is None:
            check.refuse(row.line, "type", "csv_type_unknown", value=row.get("type")[:20])
            continue
        if not kind_of_row:
            continue
        code, parent, kind_text = check.cell(row, "code"), check.cell(row, "parent_code"), check.cell(row, "kind")
        name, city = check.cell(row, "name"), check.cell(row, "city")
        if code is None or parent is None or kind_text is None or name is None or city is None:
            continue
        if not _code_ok(code, by_code):
            check.refuse(row.line, "code", "csv_code_invalid", max=CODE_MAX)
            continue
        if code in first_line:
            check.refuse(row.line, "code", "csv_code_twice", first=first_line[code])
            continue
        first_line[code] = row.line
        kind = parse_kind(kind_text)
        if kind is None:
            check.refuse(row.line, "kind", "csv_kind_unknown", value=kind_text[:30])
        name = " ".join(name.split())
        if not 1 <= len(name) <= NAME_MAX:
            check.refuse(row.line, "name", "csv_name_invalid", max=NAME_MAX)
        if parent and not _code_ok(parent, by_code):
            check.refuse(row.line, "parent_code", "csv_code_invalid", max=CODE_MAX)
        if parent == code:
            check.refuse(row.line, "parent_code", "csv_unit_cycle")
        if kind is not None:
            found.append(UnitLine(
                row.line, code, kind, name, " ".join(city.split())[:CITY_MAX] or None, parent or ROOT, by_code.get(code),
            ))
    return found


def _code_ok(code: str, by_code: dict[str, dict[str, Any]]) -> bool:
    """A code of the organisation's own, or the « #<id> » of an existing unit without one."""
    if code.startswith("#"):
        return code in by_code
    return 0 < len(code) <= CODE_MAX and bool(CODE_PATTERN.match(code))


def _tree_rules(
    check: _Check, lines: list[UnitLine], root: dict[str, Any], by_id: dict[int, dict[str, Any]],
    by_code: dict[str, dict[str, Any]],
) -> None:
    """Parents found, level order, cycles, closed units, and bad lines' dependants."""
    in_file = {u.code: u for u in lines}
    # every unit of the tree the file would make, by key: a code, or "#<id>" for a unit without one
    def key_of(unit: dict[str, Any]) -> str:
        if unit["parent_id"] is None:
            return ROOT
        return unit["external_code"] or f"#{unit['id']}"

    parent_of: dict[str, str | None] = {key_of(u): (key_of(by_id[u["parent_id"]]) if u["parent_id"] else None) for u in by_id.values()}
    kind_of: dict[str, UnitKind] = {key_of(u): UnitKind(u["kind"]) for u in by_id.values()}
    closed: set[str] = {key_of(u) for u in by_id.values() if u["closed_at"] is not None}
    for unit in lines:
        if unit.line in check.bad_lines:
            continue
        if unit.parent not in in_file and unit.parent not in by_code:
            check.refuse(unit.line, "parent_code", "csv_parent_unknown", value=unit.parent)
            continue
        parent_of[unit.code] = unit.parent
        kind_of[unit.code] = unit.kind
    # cycles, through the file and the units already there
    for unit in lines:
        if unit.line in check.bad_lines:
            continue
        seen = {unit.code}
        key = parent_of.get(unit.code)
        while key is not None and key != ROOT:
            if key in seen:
                check.refuse(unit.line, "parent_code", "csv_unit_cycle")
                break
            seen.add(key)
            key = parent_of.get(key)
    # level order on every edge that touches the file (a unit's new level checked against its children too)
    changed = {u.code for u in lines if u.line not in check.bad_lines}
    for child, parent in parent_of.items():
        if parent is None or (child not in changed and parent not in changed) or parent not in kind_of:
            continue  # a parent refused already: its children are refused below
        if KIND_RANK[kind_of[child]] <= KIND_RANK[kind_of[parent]]:
            line = in_file[child].line if child in changed else in_file[parent].line
            if line not in check.bad_lines:
                check.refuse(line, "kind", "csv_kind_order", kind=str(kind_of[child]), parent_kind=str(kind_of[parent]))
    # closed units: nothing new below them, nothing changed in them
    for unit in lines:
        if unit.line in check.bad_lines:
            continue
        if unit.parent in closed and not (unit.existing and unit.existing["closed_at"] is not None):
            check.refuse(unit.line, "parent_code", "csv_unit_closed", value=unit.parent)
        elif unit.existing and unit.existing["closed_at"] is not None and _differs(unit, root, by_id):
            check.refuse(unit.line, "code", "csv_unit_closed", value=unit.code)
    # a line under a refused line is refused too, until nothing changes
    refused = {u.code: u.line for u in lines if u.line in check.bad_lines}
    grew = True
    while grew:
        grew = False
        for unit in lines:
            if unit.line not in check.bad_lines and unit.parent in refused:
                check.refuse(unit.line, "parent_code", "csv_parent_refused", line=refused[unit.parent])
                refused[unit.code] = unit.line
                grew = True


def _parent_code(unit: dict[str, Any], root: dict[str, Any], by_id: dict[int, dict[str, Any]]) -> str:
    parent = by_id.get(unit["parent_id"]) if unit["parent_id"] else None
    if parent is None or parent["id"] == root["id"]:
        return ROOT
    return str(parent["external_code"] or f"#{parent['id']}")


def _differs(line: UnitLine, root: dict[str, Any], by_id: dict[int, dict[str, Any]]) -> bool:
    old = line.existing or {}
    return (old.get("name"), old.get("city"), old.get("kind"), _parent_code(old, root, by_id)) != (
        line.name, line.city, str(line.kind), line.parent,
    )


def _unit_action(line: UnitLine, root: dict[str, Any], by_id: dict[int, dict[str, Any]]) -> None:
    old = line.existing
    if old is None:
        line.create = True
        return
    line.update = (old["name"], old["city"], old["kind"]) != (line.name, line.city, str(line.kind))
    line.move = _parent_code(old, root, by_id) != line.parent


def _person_lines(
    check: _Check, valid_units: dict[str, UnitLine], refused_units: dict[str, int],
    by_code: dict[str, dict[str, Any]], people: dict[str, dict[str, Any]], invites: dict[str, dict[str, Any]],
) -> list[PersonLine]:
    found: list[PersonLine] = []
    first_line: dict[str, int] = {}
    for row in check.table.rows:
        if _is_unit_row(row) is not False:
            continue
        email, name, unit, role_text = (check.cell(row, c) for c in ("email", "name", "unit_code", "role"))
        if email is None or name is None or unit is None or role_text is None:
            continue
        email = normalise_email(email)
        if not email:
            check.refuse(row.line, "email", "csv_email_missing")
            continue
        if len(email) > EMAIL_MAX or not _looks_like_email(email):
            check.refuse(row.line, "email", "csv_email_invalid", value=email[:60])
            continue
        if email in first_line:
            check.refuse(row.line, "email", "csv_email_twice", first=first_line[email])
            continue
        first_line[email] = row.line
        name = " ".join(name.split())
        if name and not 2 <= len(name) <= DISPLAY_NAME_MAX:
            check.refuse(row.line, "name", "csv_person_name_invalid", max=DISPLAY_NAME_MAX)
        role = parse_role(role_text)
        if role is None:
            check.refuse(row.line, "role", "csv_role_unknown", value=role_text[:30])
            continue
        unit = unit or ROOT
        if unit in refused_units:
            check.refuse(row.line, "unit_code", "csv_unit_refused", line=refused_units[unit])
            continue
        if unit not in valid_units and unit not in by_code:
            check.refuse(row.line, "unit_code", "csv_unit_unknown", value=unit)
            continue
        target = by_code.get(unit) if unit not in valid_units else (valid_units[unit].existing or {})
        if target and target.get("closed_at") is not None:
            check.refuse(row.line, "unit_code", "csv_unit_closed", value=unit)
            continue
        found.append(PersonLine(row.line, email, name, unit, role))
    for person in found:
        if person.line not in check.bad_lines:
            _person_action(check, person, valid_units, by_code, people, invites)
    return found


def _looks_like_email(email: str) -> bool:
    local, _, domain = email.partition("@")
    return bool(local) and "." in domain and " " not in email and len(local) <= 64 and not domain.startswith(".")


def _unit_id(code: str, valid_units: dict[str, UnitLine], by_code: dict[str, dict[str, Any]]) -> int | None:
    """The id of an existing unit (None for one the import creates)."""
    if code in valid_units:
        existing = valid_units[code].existing
        return int(existing["id"]) if existing else None
    return int(by_code[code]["id"])


def _person_action(
    check: _Check, person: PersonLine, valid_units: dict[str, UnitLine], by_code: dict[str, dict[str, Any]],
    people: dict[str, dict[str, Any]], invites: dict[str, dict[str, Any]],
) -> None:
    unit_id = _unit_id(person.unit, valid_units, by_code)
    user = people.get(person.email)
    if user is not None:
        person.user_id = user["id"]
        same_unit = unit_id == user["unit_id"]
        if same_unit and str(user["role"]) == str(person.role):
            return
        if user["id"] == check.actor_id:
            check.refuse(person.line, "email", "csv_cannot_change_self")
            return
        person.action = "update_user"
        person.narrower = not same_unit or ROLE_RANK[person.role] < ROLE_RANK[Role(user["role"])]
        return
    invite = invites.get(person.email)
    if invite is not None:
        person.invite_id = invite["id"]
        same = unit_id == invite["unit_id"] and str(invite["role"]) == str(person.role)
        if same and (not person.name or person.name == invite["display_name"]):
            return
        person.name = person.name or invite["display_name"]
        person.action = "update_invite"
        return
    person.action = "invite"
