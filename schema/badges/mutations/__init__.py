"""The badges domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.badges.mutations.award_badge import AwardBadgeResult, award_badge
from schema.badges.mutations.create_badge import CreateBadgeResult, create_badge
from schema.badges.mutations.retire_badge import RetireBadgeResult, retire_badge
from schema.badges.mutations.revoke_award import RevokeAwardResult, revoke_award
from schema.badges.mutations.save_badge_rule import (
    SaveBadgeRuleResult,
    create_badge_rule,
    update_badge_rule,
)
from schema.badges.mutations.set_hidden_from_feed import (
    SetHiddenFromFeedSuccess,
    set_hidden_from_feed,
)
from schema.errors import mutation


@strawberry.type
class BadgesMutation:
    create_badge: CreateBadgeResult = mutation(
        resolver=create_badge, description="Add a badge or a label to the catalogue (head office)."
    )
    award_badge: AwardBadgeResult = mutation(
        resolver=award_badge,
        description="Award a badge to one or several people in scope, with a reason and an optional post as evidence.",
    )
    revoke_award: RevokeAwardResult = mutation(
        resolver=revoke_award, description="Take an award back, with a reason (the awarder or head office)."
    )
    retire_badge: RetireBadgeResult = mutation(
        resolver=retire_badge, description="Stop a badge from being awarded; awards given stay visible."
    )
    create_badge_rule: SaveBadgeRuleResult = mutation(
        resolver=create_badge_rule, description="Add a rule that awards a badge; past earners are backfilled."
    )
    update_badge_rule: SaveBadgeRuleResult = mutation(
        resolver=update_badge_rule, description="Change a rule; new earners are backfilled quietly."
    )
    set_hidden_from_feed: SetHiddenFromFeedSuccess = mutation(
        resolver=set_hidden_from_feed, description="Keep the badges I receive out of the feed (or not)."
    )
