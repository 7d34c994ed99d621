"""The privacy domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
from schema.privacy.mutations.erase_person import ErasePersonResult, erase_person
from schema.privacy.mutations.export_personal_data import (
    ExportPersonalDataResult,
    export_personal_data,
)
from schema.privacy.mutations.update_privacy_policy import (
    UpdatePrivacyPolicyResult,
    update_privacy_policy,
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
    erase_person: ErasePersonResult = mutation(
        resolver=erase_person,
        description="Head office erases a deactivated person: their name becomes a stable pseudonym "
        "(« Ancien collaborateur » and a suffix) everywhere; their e-mail, photos, devices, sessions, "
        "mentions, own posts and comments are deleted; results, final ranks and counts stay; their "
        "credentials keep verifying or are revoked. One transaction, audited. Admins only.",
    )
    update_privacy_policy: UpdatePrivacyPolicyResult = mutation(
        resolver=update_privacy_policy,
        description="Head office sets the organisation's retention periods (the daily job enforces "
        "them) and board defaults. Audited. Admins only.",
    )
