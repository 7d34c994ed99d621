"""The challenges domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.challenges.mutations.admin import (
    CreateIntegrationTokenResult,
    CreateMetricResult,
    RevokeIntegrationTokenResult,
    create_integration_token,
    create_metric,
    revoke_integration_token,
    set_leaderboard_hidden,
)
from schema.challenges.mutations.copies import (
    DeleteChallengeResult,
    delete_challenge,
    duplicate_challenge,
)
from schema.challenges.mutations.create_challenge import (
    ChallengeResult,
    close_challenge,
    create_challenge,
    publish_challenge,
    update_challenge_description,
    update_challenge_rules,
)
from schema.challenges.mutations.duels import answer_duel, create_duel
from schema.challenges.mutations.kiosk import (
    CreateKioskLinkResult,
    RevokeKioskLinkResult,
    create_kiosk_link,
    revoke_kiosk_link,
)
from schema.challenges.mutations.record_result import (
    ImportResult,
    RecordResultResult,
    import_results,
    record_result,
)
from schema.challenges.mutations.set_target import (
    SetTargetResult,
    import_targets,
    set_target,
    spread_target,
)
from schema.errors import mutation
from server.challenges.bounds import VALUE_MAX


@strawberry.type
class ChallengesMutation:
    create_challenge: ChallengeResult = mutation(
        resolver=create_challenge, description="Create a challenge over a unit of the viewer's scope (managers, admins)."
    )
    update_challenge_description: ChallengeResult = mutation(
        resolver=update_challenge_description, description="Change a challenge's description (allowed while live)."
    )
    update_challenge_rules: ChallengeResult = mutation(
        resolver=update_challenge_rules, description="Change a challenge's rules; refused once it is live."
    )
    publish_challenge: ChallengeResult = mutation(
        resolver=publish_challenge, description="Publish a draft: scheduled, or live when its start has come."
    )
    delete_challenge: DeleteChallengeResult = mutation(
        resolver=delete_challenge,
        description="Delete a draft the viewer manages (a published challenge is history: close it instead).",
    )
    duplicate_challenge: ChallengeResult = mutation(
        resolver=duplicate_challenge,
        description="Copy a challenge the viewer manages into a new draft over the same unit, its dates moved "
        "to a new period (last month's into this month's, in the viewer's time zone). Duels are not copied.",
    )
    close_challenge: ChallengeResult = mutation(
        resolver=close_challenge, description="Close a challenge now: the final ranking is frozen and announced."
    )
    record_result: RecordResultResult = mutation(
        resolver=record_result,
        description="Record a result for a person or unit (managers in scope, or an integration token); it moves "
        "the live challenges the recorder manages. The value is finite and within "
        f"±{VALUE_MAX:,}. The same idempotencyKey twice from the same recorder counts once; a negative "
        "value is a correction and needs a reason.",
    )
    import_results: ImportResult = mutation(
        resolver=import_results,
        description="Import results from CSV (metric,participant,value,occurred_at[,key][,reason]); "
        "nothing is applied while a line is bad unless validRowsOnly.",
    )
    set_target: SetTargetResult = mutation(
        resolver=set_target,
        description=f"Set a person's or unit's target on a metric for a period (above 0, at most {VALUE_MAX:,}).",
    )
    spread_target: SetTargetResult = mutation(
        resolver=spread_target, description="Set a unit's target and split it evenly among its people."
    )
    import_targets: ImportResult = mutation(
        resolver=import_targets,
        description="Import targets from CSV (metric,participant,period_start,period_end,value).",
    )
    create_duel: ChallengeResult = mutation(
        resolver=create_duel,
        description="Challenge a colleague of one's point of sale to a duel on one metric; they accept or decline "
        "(rate-limited).",
    )
    answer_duel: ChallengeResult = mutation(
        resolver=answer_duel, description="Accept (the duel starts now) or decline a duel invitation."
    )
    create_metric: CreateMetricResult = mutation(
        resolver=create_metric, description="Add a metric to the organisation (admins)."
    )
    create_integration_token: CreateIntegrationTokenResult = mutation(
        resolver=create_integration_token,
        description="Create a token a CRM uses to call recordResult within a unit's subtree (admins).",
    )
    revoke_integration_token: RevokeIntegrationTokenResult = mutation(
        resolver=revoke_integration_token, description="Revoke an integration token at once (admins)."
    )
    create_kiosk_link: CreateKioskLinkResult = mutation(
        resolver=create_kiosk_link,
        description="Create a revocable, read-only kiosk link to a challenge's TV board for a showroom screen "
        "(managers of its scope unit, admins; not for duels). The link is shown only now.",
    )
    revoke_kiosk_link: RevokeKioskLinkResult = mutation(
        resolver=revoke_kiosk_link, description="Revoke a kiosk link at once: its screen stops showing the board."
    )
    set_leaderboard_hidden: bool = mutation(
        resolver=set_leaderboard_hidden, description="Hide the viewer from (or show it again on) public leaderboards."
    )
