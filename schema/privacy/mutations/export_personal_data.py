"""exportPersonalData: « Mes données », a zip of everything held about a person."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, NotFoundError
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.privacy.types import DataExport, as_export
from server.privacy import export


@strawberry.type(description="The export was made (READY, with its link) or is being built (PENDING).")
class ExportPersonalDataSuccess:
    export: DataExport


ExportPersonalDataResult = Annotated[
    ExportPersonalDataSuccess | NotAllowedError | NotFoundError,
    strawberry.union("ExportPersonalDataResult"),
]


async def export_personal_data(info: Info, person_id: strawberry.ID | None = None) -> ExportPersonalDataResult:
    scope = scope_of(info)
    row = await export.request_export(scope, parse_id(person_id) if person_id is not None else None)
    await row.fetch_related("person")
    return ExportPersonalDataSuccess(export=as_export(row))
