"""Reading one's data exports, the retention settings and the works-council register."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.permissions import scope_of
from schema.privacy.types import DataExport, as_export
from server.privacy import export


@strawberry.type
class PrivacyQuery:
    @strawberry.field(
        description="The data exports the viewer asked for that can still be downloaded (or are "
        "being built), newest first.",
        extensions=[DomainErrors()],
    )
    async def my_data_exports(self, info: Info) -> list[DataExport]:
        return [as_export(row) for row in await export.exports_requested_by(scope_of(info))]
