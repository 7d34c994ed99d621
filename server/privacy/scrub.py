"""Replacing a person's name and address wherever a text holds them, in every table.

Erasure (server.privacy.erasure) changes the rows that point at the person by id; what is left
is text that copied their name or address: someone's post « Bravo à Julie Moreau », a
notification's `actor_names`, an audit entry's before/after, an invitation mail's parameters.
This walks every text and JSON column of every model (found from the models, so a new one is
covered without being listed), selects the rows whose text contains a needle, and replaces it
in Python (JSON walked value by value). JSON is searched both as stored by PostgreSQL (jsonb,
plain UTF-8) and by SQLite (escaped as \\u00e9).

Columns that name *other* people (`SKIP`) are left alone: a colleague with the same name keeps it;
so are the rows of other organisations (a table is tied to one through its organisation column or
its first key to a person).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tortoise import Tortoise, connections, fields
from tortoise.models import Model

from server.db import dialect
from server.privacy.names import NameForms

# a person's own name columns: the erasure sets the person's row, other rows are other people
SKIP = frozenset({
    ("user", "display_name"), ("user", "email"), ("user", "password_hash"),
    ("challenge_participant", "display_name"),
    ("email_invite", "token_hash"), ("session", "token_hash"), ("password_reset", "token_hash"),
})


@dataclass(frozen=True, slots=True)
class TextColumn:
    model: type[Model]
    attr: str
    column: str
    is_json: bool
    max_length: int | None

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    def organization_filter(self) -> str | None:
        """SQL keeping the rows of one organisation ($ORG), through the model's organisation
        column, or its first key to a person; None for a table tied to neither."""
        meta = self.model._meta
        for name, field in meta.fields_map.items():
            if name == "organization_id" and name not in meta.fk_fields:
                return '"organization_id" = $ORG'
            if isinstance(field, fields.relational.ForeignKeyFieldInstance | fields.relational.OneToOneFieldInstance):
                target = field.related_model.__name__
                source = field.source_field or f"{name}_id"
                if target == "Organization":
                    return f'"{source}" = $ORG'
        for name, field in meta.fields_map.items():
            if isinstance(field, fields.relational.ForeignKeyFieldInstance | fields.relational.OneToOneFieldInstance):
                if field.related_model.__name__ == "User":
                    source = field.source_field or f"{name}_id"
                    return f'"{source}" IN (SELECT "id" FROM "user" WHERE "organization_id" = $ORG)'
        if "user_id" in meta.fields_map:
            return '"user_id" IN (SELECT "id" FROM "user" WHERE "organization_id" = $ORG)'
        return None


def text_columns(skip: frozenset[tuple[str, str]] = SKIP) -> list[TextColumn]:
    """Every text (char, text, JSON) column of every model; enums are codes, not text."""
    found: list[TextColumn] = []
    for model in Tortoise.apps["elan"].values():
        for name, field in model._meta.fields_map.items():
            if isinstance(field, fields.data.CharEnumFieldInstance):
                continue
            if isinstance(field, fields.CharField | fields.TextField | fields.JSONField):
                column = field.source_field or name
                if (model._meta.db_table, column) in skip:
                    continue
                found.append(TextColumn(model, name, column, isinstance(field, fields.JSONField), getattr(field, "max_length", None)))
    return found


def _patterns(needles: list[str]) -> list[str]:
    forms: set[str] = set()
    for needle in needles:
        forms.add(needle)
        forms.add(json.dumps(needle)[1:-1])  # as SQLite keeps JSON (ASCII, escaped)
    return sorted(f"%{form}%" for form in forms)


@dataclass(frozen=True, slots=True)
class PersonNamed:
    """The other ways texts name the person (server.privacy.names), and what they become."""

    forms: NameForms
    by: str


def _replaced(value: Any, replacements: dict[str, str], named: PersonNamed | None = None) -> Any:
    if isinstance(value, str):
        if named is not None:  # first: « @Julie Moreau » goes whole, its @ too
            value = named.forms.replace(value, named.by)
        for needle, by in replacements.items():
            value = value.replace(needle, by)
        return value
    if isinstance(value, list):
        return [_replaced(v, replacements, named) for v in value]
    if isinstance(value, dict):
        return {k: _replaced(v, replacements, named) for k, v in value.items()}
    return value


async def rows_holding(
    column: TextColumn, needles: list[str], organization_id: int | None = None, folded: tuple[str, ...] = ()
) -> list[tuple[Any, Any]]:
    """(primary key, value) of the rows whose `column` contains one of the needles, or in lower
    case one of the `folded` pieces (only the organisation's rows when it is given and the
    table is tied to one)."""
    patterns: list[Any] = _patterns(needles)
    pk = column.model._meta.db_pk_column
    cast = f'CAST("{column.column}" AS TEXT)'
    tests = [f"{cast} LIKE ${i + 1}" for i in range(len(patterns))]
    for piece in folded:
        patterns.append(f"%{piece}%")
        tests.append(f"LOWER({cast}) LIKE ${len(patterns)}")
    where = "(" + " OR ".join(tests) + ")"
    scoped = column.organization_filter() if organization_id is not None else None
    if scoped is not None:
        where += " AND " + scoped.replace("$ORG", f"${len(patterns) + 1}")
        patterns.append(organization_id)
    sql = dialect(f'SELECT "{pk}" AS pk, "{column.column}" AS value FROM "{column.table}" WHERE {where}')
    _, rows = await connections.get("default").execute_query(sql, patterns)
    return [(row["pk"], row["value"]) for row in rows]


async def replace_everywhere(
    replacements: dict[str, str], organization_id: int, named: PersonNamed | None = None
) -> dict[str, int]:
    """Replaces each needle by its replacement, and the other forms of the person's name
    (`named`: any case, accents, @mentions, last name first, initial), in every text column of
    the organisation's rows (and of tables tied to no organisation); returns rows changed by
    table. Run inside the erasure's transaction."""
    needles = [n for n in replacements if n]
    changed: dict[str, int] = {}
    if not needles:
        return changed
    folded = named.forms.needles if named is not None else ()
    for column in text_columns():
        for pk, raw in await rows_holding(column, needles, organization_id, folded):
            value = json.loads(raw) if column.is_json and isinstance(raw, str) else raw
            new = _replaced(value, replacements, named)
            if new == value:
                continue
            if isinstance(new, str) and column.max_length:
                new = new[: column.max_length]
            await column.model.filter(pk=pk).update(**{column.attr: new})
            changed[column.table] = changed.get(column.table, 0) + 1
    return changed


async def tables_holding(needles: list[str], organization_id: int | None = None) -> dict[str, list[str]]:
    """Which table.column still holds a needle, every column included (the erasure test's
    scan); with `organization_id`, in that organisation's rows and the untied tables."""
    found: dict[str, list[str]] = {}
    for column in text_columns(frozenset()):
        if await rows_holding(column, needles, organization_id):
            found.setdefault(column.table, []).append(column.column)
    return found
