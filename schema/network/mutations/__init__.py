"""The network domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
from schema.network.imports import ImportNetworkResult, import_network
from schema.network.mutations.create_unit import CreateUnitResult, create_unit
from schema.network.mutations.move_unit import (
    CloseUnitResult,
    MoveUnitResult,
    close_unit,
    move_unit,
)
from schema.network.mutations.update_unit import UpdateUnitResult, update_unit
from schema.network.setup import SetupOrganizationResult, setup_organization


@strawberry.type
class NetworkMutation:
    create_unit: CreateUnitResult = mutation(
        resolver=create_unit,
        description="Add a unit under another (admins): below its parent's level, never under a closed unit. Audited.",
    )
    update_unit: UpdateUnitResult = mutation(
        resolver=update_unit, description="Rename a unit, change its city or external code (admins). Audited."
    )
    move_unit: MoveUnitResult = mutation(
        resolver=move_unit,
        description="Put a unit and its subtree under another parent (admins), in one transaction; refuses "
        "cycles and the wrong level order. Audited.",
    )
    import_network: ImportNetworkResult = mutation(
        resolver=import_network,
        description="Check a network CSV (units by external code and parent code, people by e-mail with unit code "
        "and role) as a whole, and apply it when asked: nothing while a line is bad unless applyValidOnly. "
        "Runs in the background: poll networkImport. Idempotent. Admins. Audited.",
    )
    setup_organization: SetupOrganizationResult = mutation(
        resolver=setup_organization,
        description="First run only: with the one-time token printed on the console, create the organisation "
        "and its first admin, signed in. The token then dies; once an organisation exists this is refused.",
    )
    close_unit: CloseUnitResult = mutation(
        resolver=close_unit,
        description="Close a unit and its subtree (admins) once nobody active remains there: it keeps its "
        "history, its pending invites end, and it leaves boards, pickers and new challenges. Audited.",
    )
