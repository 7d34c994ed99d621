"""The privacy domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
from schema.privacy.mutations.export_personal_data import (
    ExportPersonalDataResult,
    export_personal_data,
)


@strawberry.type
class PrivacyMutation:
    export_personal_data: ExportPersonalDataResult = mutation(
        resolver=export_personal_data,
        description="« Mes données »: a zip of everything Élan holds about a person (JSON, with CSV "
        "for the tables), built at once when small, in the background when large; its link works "
        "for 24 hours with the requester's session. Oneself by default; head office anyone of the "
        "organisation; managers the people of their subtree not above their role. Audited when it "
        "is someone else's.",
    )
