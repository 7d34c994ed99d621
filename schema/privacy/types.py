"""Types of the privacy domain."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from server.privacy.export import download_path
from server.privacy.models import DataExport as DataExportRow


@strawberry.enum(description="Whether a data export can be downloaded yet.")
class DataExportStatus(Enum):
    PENDING = "PENDING"
    READY = "READY"


@strawberry.type(description="A zip of everything Élan holds about a person (JSON, and CSV for the tables).")
class DataExport:
    id: strawberry.ID
    person_id: strawberry.ID = strawberry.field(description="The person the data is about.")
    person_name: str = strawberry.field(description="Their name as shown today.")
    status: DataExportStatus
    size_bytes: int = strawberry.field(description="The zip's size once ready (0 before).")
    created_at: datetime
    expires_at: datetime = strawberry.field(description="The link stops working then.")
    download_url: str | None = strawberry.field(
        description="Where to download it, with the requester's own session, once ready."
    )


def as_export(row: DataExportRow) -> DataExport:
    ready = row.status == "READY"
    return DataExport(
        id=strawberry.ID(str(row.id)),
        person_id=strawberry.ID(str(row.person_id)),
        person_name=row.person.display_name,
        status=DataExportStatus(str(row.status)),
        size_bytes=row.size_bytes,
        created_at=row.created_at,
        expires_at=row.expires_at,
        download_url=download_path(row) if ready else None,
    )
