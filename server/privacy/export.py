"""« Mes données »: everything held about a person, as a zip of JSON with CSV for the tables.

The rows come from the registry (server.privacy.registry), one query per reference, so the
export covers every model that holds a person's id or address. Secrets (password and token
hashes, device keys) are left out. A small export is built in the request (well under a
second); one past `INLINE_ROWS` rows is built by a deferred job (server.deferred) and the
screen shows it once ready. Either way the file is kept `KEEP` in the row and served at
`/privacy/exports/<key>` to the person who asked, on their own session, until it expires.
"""

from __future__ import annotations

import csv
import io
import json
import secrets
import zipfile
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import Tortoise
from tortoise.models import Model

from server.accounts.models import User
from server.db import atomic
from server.deferred.services import defer, handles
from server.network.scope import Scope
from server.privacy.models import DataExport, ExportStatus
from server.privacy.people import reachable_person
from server.privacy.pseudonym import localized
from server.privacy.registry import PERSON_REFERENCES, SECRET_COLUMNS, PersonReference

INLINE_ROWS = 5000
KEEP = timedelta(hours=24)
REUSE = timedelta(minutes=1)  # asking again within this gets the export just made
JOB = "privacy.export"
FORMAT_VERSION = 1


def model_named(name: str) -> type[Model]:
    return Tortoise.apps["elan"][name]


def _section(ref: PersonReference) -> str:
    table = model_named(ref.model)._meta.db_table
    return table if ref.about else f"{table}__by_{ref.field.removesuffix('_id')}"


def _query(ref: PersonReference, person: User) -> Any:
    model = model_named(ref.model)
    value: Any = person.email if ref.by_email else person.id
    return model.filter(**{ref.field: value, **dict(ref.where)})


async def row_count(person: User) -> int:
    return sum([await _query(ref, person).count() for ref in PERSON_REFERENCES])


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in SECRET_COLUMNS}


async def collect(person: User) -> dict[str, list[dict[str, Any]]]:
    """Every row about (or by) the person, by section (the table's name)."""
    sections: dict[str, list[dict[str, Any]]] = {}
    for ref in PERSON_REFERENCES:
        rows = await _query(ref, person).order_by(model_named(ref.model)._meta.pk_attr).values()
        if rows:
            sections.setdefault(_section(ref), []).extend(_plain(r) for r in rows)
    awards = sections.get(model_named("Award")._meta.db_table, [])
    if awards:
        from server.settings import get_settings

        # each badge as the portable, signed Open Badges credential the person can take elsewhere
        sections["open_badges_credentials"] = [
            {"award_id": a["id"], "credential": get_settings().public_link(f"/credentials/{a['public_id']}")}
            for a in awards
        ]
    return sections


def _json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, bytes):
        return None
    return str(value)


def _csv(rows: list[dict[str, Any]]) -> str:
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=_json)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return str(value)


def build_zip(person: User, sections: dict[str, list[dict[str, Any]]], now: datetime) -> bytes:
    document = {
        "format": "elan-personal-data",
        "version": FORMAT_VERSION,
        "exportedAt": now.isoformat(),
        "person": {"id": person.id, "displayName": person.display_name, "email": person.email},
        "counts": {name: len(rows) for name, rows in sections.items()},
        "data": sections,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # an erased colleague's name is stored without a language: written in the person's
        language = person.language or "fr"
        archive.writestr("donnees.json", localized(json.dumps(document, ensure_ascii=False, indent=1, default=_json), language))
        for name, rows in sections.items():
            archive.writestr(f"csv/{name}.csv", localized(_csv(rows), language))
        archive.writestr("LISEZMOI.txt", README)
    return buffer.getvalue()


README = (
    "Vos données dans Élan / Your data in Élan\n\n"
    "donnees.json : toutes les données, par table / every row, by table.\n"
    "csv/ : les mêmes tables en CSV (UTF-8) / the same tables as CSV (UTF-8).\n"
    "Les secrets (mots de passe, jetons, clés des appareils) ne sont pas exportés.\n"
    "Secrets (passwords, tokens, device keys) are not exported.\n"
)


async def _fill(export: DataExport) -> None:
    person = await User.get(id=export.person_id)
    now = datetime.now(UTC)
    content = build_zip(person, await collect(person), now)
    await DataExport.filter(id=export.id).update(
        content=content, size_bytes=len(content), status=ExportStatus.READY, ready_at=now
    )
    export.content, export.size_bytes, export.status, export.ready_at = content, len(content), ExportStatus.READY, now


async def request_export(scope: Scope, person_id: int | None = None) -> DataExport:
    """Starts an export of a person's data for the viewer: built at once when small, by the
    deferred runner otherwise. Who may: server.privacy.people."""
    person = await reachable_person(scope, person_id)
    now = datetime.now(UTC)
    recent = await DataExport.filter(
        requested_by_id=scope.user_id, person_id=person.id, created_at__gt=now - REUSE
    ).order_by("-id").only(*LISTED).first()
    if recent is not None:  # a second tap (or a loop) gets the same file, not another build
        return recent
    large = await row_count(person) > INLINE_ROWS
    async with atomic() as events:
        export = await DataExport.create(
            organization_id=scope.organization_id,
            person_id=person.id,
            requested_by_id=scope.user_id,
            key=secrets.token_hex(16),
            expires_at=now + KEEP,
        )
        if large:
            await defer(events, JOB, {"export_id": export.id})
        else:
            await _fill(export)
        if scope.user_id != person.id:
            from server.audit.services import record

            await record(scope, "person.data_exported", "person", person.id, None, {"name": person.display_name})
    return export


@handles(JOB)
async def build_deferred_export(payload: dict[str, Any]) -> None:
    export = await DataExport.get_or_none(id=int(payload["export_id"]))
    if export is not None and export.status == ExportStatus.PENDING:
        await _fill(export)


async def exports_requested_by(scope: Scope) -> list[DataExport]:
    """The viewer's exports still downloadable (or being built), newest first."""
    if scope.user_id is None:
        return []
    rows = await (
        DataExport.filter(requested_by_id=scope.user_id, expires_at__gt=datetime.now(UTC))
        .order_by("-id")
        .limit(10)
        .only(*LISTED)
    )
    people = {u.id: u for u in await User.filter(id__in={r.person_id for r in rows})}
    for row in rows:
        row.person = people[row.person_id]
    return rows


# every column but the file itself
LISTED = ("id", "organization_id", "person_id", "requested_by_id", "key", "status", "size_bytes", "created_at", "ready_at", "expires_at")


async def downloadable(user: User, key: str) -> DataExport | None:
    """The export behind a link, for the person who asked for it, while it lasts."""
    if not key or len(key) != 32:
        return None
    return await DataExport.get_or_none(
        key=key, requested_by_id=user.id, status=ExportStatus.READY, expires_at__gt=datetime.now(UTC)
    ).select_related("person")


def download_path(export: DataExport) -> str:
    return f"/privacy/exports/{export.key}"
