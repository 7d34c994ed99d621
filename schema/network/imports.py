"""importNetwork, networkImport and exportNetwork: the network as a CSV, in and out."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry

from schema.context import Info
from schema.errors import (
    ConflictError,
    DomainErrors,
    NotAllowedError,
    NotFoundError,
    ValidationError,
)
from schema.ids import parse_id
from schema.permissions import scope_of
from server.i18n import translate
from server.network import imports
from server.network.export import export_network
from server.network.messages import KIND_LABELS
from server.network.models import ImportStatus, NetworkImport

strawberry.enum(ImportStatus, name="NetworkImportStatus", description="Where an import is.")


@strawberry.type(description="One bad cell or line of an import: where, and why.")
class NetworkImportLineError:
    line: int = strawberry.field(description="The line as a spreadsheet numbers it (the header is line 1).")
    column: str | None = strawberry.field(description="The column at fault (type, code, parent_code, kind, name, city, email, unit_code, role).")
    code: str
    message: str


@strawberry.type(description="What an import changes (checked) or changed (applied).")
class NetworkImportCounts:
    units_created: int
    units_updated: int
    units_moved: int
    units_unchanged: int
    people_invited: int
    people_updated: int
    people_unchanged: int
    lines_refused: int


@strawberry.type(description="A network CSV on its way in: its progress, and its report once checked.")
class NetworkImportJob:
    id: strawberry.ID
    status: ImportStatus
    filename: str
    total: int = strawberry.field(description="Lines to check, then lines to apply.")
    done: int
    created_at: datetime
    finished_at: datetime | None
    encoding: str | None = strawberry.field(description="How the file was read: UTF-8, UTF-8 (BOM), Windows-1252…")
    delimiter: str | None
    lines: int | None = strawberry.field(description="Lines of data in the file.")
    applied: bool
    counts: NetworkImportCounts | None
    error_count: int = strawberry.field(description="Bad lines and cells; `errors` lists the first 500.")
    errors: list[NetworkImportLineError]
    refusal: str | None = strawberry.field(description="Why the file as a whole was refused (too large, not a CSV…).")


def _message(code: str, params: dict[str, Any], language: str) -> str:
    shown = {k: (KIND_LABELS[v].get(language, KIND_LABELS[v]["fr"]) if k in ("kind", "parent_kind") and v in KIND_LABELS else v)
             for k, v in params.items()}
    return translate(code, language, **shown)


def as_job(job: NetworkImport, language: str) -> NetworkImportJob:
    report: dict[str, Any] = job.report or {}
    refused = report.get("refused")
    return NetworkImportJob(
        id=strawberry.ID(str(job.id)), status=job.status, filename=job.filename, total=job.total, done=job.done,
        created_at=job.created_at, finished_at=job.finished_at, encoding=report.get("encoding"),
        delimiter=report.get("delimiter"), lines=report.get("lines"), applied=bool(report.get("applied")),
        counts=NetworkImportCounts(**report["counts"]) if "counts" in report else None,
        error_count=int(report.get("error_count", 0)),
        errors=[NetworkImportLineError(line=e["line"], column=e["column"], code=e["code"], message=_message(e["code"], e["params"], language))
                for e in report.get("errors", [])],
        refusal=_message(refused["code"], refused["params"], language) if refused else None,
    )


@strawberry.input
class ImportNetworkInput:
    import_id: strawberry.ID | None = strawberry.field(default=None, description="A file sent to POST /network/import.")
    csv: str | None = strawberry.field(default=None, description="Or the CSV itself, for files under the request limit.")
    filename: str = ""
    apply: bool = strawberry.field(default=False, description="false: check only; true: check, then apply when no line is bad.")
    apply_valid_only: bool = strawberry.field(default=False, description="With apply: apply the valid lines even when some are bad.")


@strawberry.type(description="The import started: poll networkImport(id) for its progress and report.")
class ImportNetworkSuccess:
    job: NetworkImportJob


ImportNetworkResult = Annotated[
    ImportNetworkSuccess | NotAllowedError | NotFoundError | ValidationError | ConflictError,
    strawberry.union("ImportNetworkResult"),
]


async def import_network(info: Info, input: ImportNetworkInput) -> ImportNetworkResult:
    scope = scope_of(info)
    if input.import_id is not None:
        import_id = parse_id(input.import_id)
    else:
        import_id = (await imports.store_upload(scope, (input.csv or "").encode("utf-8"), input.filename)).id
    job = await imports.start_import(scope, import_id, input.apply, input.apply_valid_only)
    return ImportNetworkSuccess(job=as_job(job, info.context.language))


@strawberry.type(description="The network as a CSV, ready to be edited and imported again.")
class NetworkExport:
    filename: str
    csv: str = strawberry.field(description="UTF-8, `;` separated (as French Excel reads it), formula-looking cells escaped with '.")


@strawberry.type
class NetworkImportQuery:
    @strawberry.field(description="An import of the viewer's organisation (admins), with its progress and report.",
                      extensions=[DomainErrors()])
    async def network_import(self, info: Info, id: strawberry.ID) -> NetworkImportJob:
        return as_job(await imports.get_import(scope_of(info), parse_id(id)), info.context.language)

    @strawberry.field(description="The organisation's open units and active people (and pending invites) as the CSV "
                      "importNetwork reads (admins).", extensions=[DomainErrors()])
    async def export_network(self, info: Info) -> NetworkExport:
        content = await export_network(scope_of(info))
        return NetworkExport(filename="reseau.csv", csv=content.decode("utf-8-sig"))
