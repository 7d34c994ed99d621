"""Élan's GraphQL schema, assembled from the domains."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)

from schema.accounts.mutations.create_invite import CreateInviteResult, create_invite
from schema.accounts.mutations.login import LoginResult, login
from schema.accounts.mutations.logout import LogoutSuccess, logout
from schema.accounts.mutations.sign_up import SignUpResult, sign_up
from schema.accounts.queries import AccountsQuery
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
from schema.badges.queries import BadgesQuery
from schema.challenges.audit import ChallengesAuditQuery
from schema.challenges.mutations.admin import (
    CreateIntegrationTokenResult,
    CreateMetricResult,
    RevokeIntegrationTokenResult,
    create_integration_token,
    create_metric,
    revoke_integration_token,
    set_leaderboard_hidden,
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
from schema.challenges.queries import ChallengesQuery
from schema.challenges.subscriptions import ChallengesSubscription
from schema.dashboards.queries import DashboardsQuery
from schema.dashboards.subscriptions import DashboardsSubscription
from schema.errors import (
    ConflictError,
    InvalidCredentialsError,
    InvalidInviteError,
    NotAllowedError,
    NotFoundError,
    RateLimitedError,
    ValidationError,
)
from schema.evaluation.mutations import action_plans as action_plan_mutations
from schema.evaluation.mutations import assessments as assessment_mutations
from schema.evaluation.mutations import satisfaction as satisfaction_mutations
from schema.evaluation.queries import EvaluationQuery
from schema.evaluation.subscriptions import EvaluationSubscription
from schema.feed.mutations.comment_post import (
    AddCommentResult,
    DeleteCommentResult,
    EditCommentResult,
    add_comment,
    delete_comment,
    edit_comment,
)
from schema.feed.mutations.create_post import CreatePostResult, create_post
from schema.feed.mutations.edit_post import DeletePostResult, EditPostResult, delete_post, edit_post
from schema.feed.mutations.like_post import LikePostResult, like_post, unlike_post
from schema.feed.mutations.moderate_post import (
    HidePostResult,
    ReportPostResult,
    hide_post,
    report_post,
)
from schema.feed.mutations.recommend_post import RecommendPostResult, recommend_post
from schema.feed.queries import FeedQuery
from schema.feed.subscriptions import FeedSubscription
from schema.notifications.mutations.mark_notifications_read import (
    MarkNotificationsReadSuccess,
    mark_notifications_read,
)
from schema.notifications.queries import NotificationsQuery
from schema.notifications.subscriptions import NotificationsSubscription
from schema.plans.mutations.create_performance_plan import (
    CreatePerformancePlanResult,
    create_performance_plan,
)
from schema.plans.queries import PlansQuery
from schema.push.mutations.register_push_subscription import (
    RegisterPushSubscriptionResult,
    UnregisterPushSubscriptionSuccess,
    register_push_subscription,
    unregister_push_subscription,
)
from schema.push.mutations.remove_push_device import RemovePushDeviceResult, remove_push_device
from schema.push.mutations.update_push_preferences import (
    UpdatePushPreferencesResult,
    update_push_preferences,
)
from schema.push.queries import PushQuery
from schema.training.mutations.create_training_module import (
    CreateQuizResult,
    CreateTrainingModuleResult,
    create_quiz,
    create_training_module,
)
from schema.training.mutations.record_training_progress import (
    RecordTrainingProgressResult,
    record_training_progress,
)
from schema.training.mutations.send_training_reminders import (
    SendTrainingRemindersResult,
    send_training_reminders,
)
from schema.training.mutations.submit_quiz_attempt import (
    SubmitQuizAttemptResult,
    submit_quiz_attempt,
)
from schema.training.queries import TrainingQuery

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 4000


@strawberry.type
class Query(
    ChallengesQuery,
    ChallengesAuditQuery,
    AccountsQuery,
    FeedQuery,
    NotificationsQuery,
    PushQuery,
    TrainingQuery,
    EvaluationQuery,
    DashboardsQuery,
    PlansQuery,
    BadgesQuery,
):
    pass


@strawberry.type
class Mutation:
    login: LoginResult = strawberry.mutation(
        resolver=login, description="Sign in; sets the session cookie and returns a token."
    )
    sign_up: SignUpResult = strawberry.mutation(
        resolver=sign_up, description="Create an account with an invite code, then sign in."
    )
    logout: LogoutSuccess = strawberry.mutation(
        resolver=logout, description="End this session (the cookie or bearer token)."
    )
    create_invite: CreateInviteResult = strawberry.mutation(
        resolver=create_invite, description="An invite code for a unit of the viewer's scope."
    )
    create_post: CreatePostResult = strawberry.mutation(
        resolver=create_post, description="Post a win, a best practice or an announcement."
    )
    like_post: LikePostResult = strawberry.mutation(
        resolver=like_post, description="Like a post; liking twice counts once."
    )
    unlike_post: LikePostResult = strawberry.mutation(
        resolver=unlike_post, description="Take a like back; idempotent."
    )
    edit_post: EditPostResult = strawberry.mutation(
        resolver=edit_post, description="Change the texts of one's own post."
    )
    delete_post: DeletePostResult = strawberry.mutation(
        resolver=delete_post, description="Delete one's own post, with its comments and likes."
    )
    hide_post: HidePostResult = strawberry.mutation(
        resolver=hide_post,
        description="Hide a post of the viewer's scope, with a reason (managers and admins).",
    )
    report_post: ReportPostResult = strawberry.mutation(
        resolver=report_post, description="Report a post to the managers; reporting twice counts once."
    )
    add_comment: AddCommentResult = strawberry.mutation(
        resolver=add_comment, description="Comment on a post; the author is notified."
    )
    edit_comment: EditCommentResult = strawberry.mutation(
        resolver=edit_comment, description="Change the text of one's own comment."
    )
    delete_comment: DeleteCommentResult = strawberry.mutation(
        resolver=delete_comment,
        description="Delete one's own comment, or any comment of a post one moderates.",
    )
    recommend_post: RecommendPostResult = strawberry.mutation(
        resolver=recommend_post,
        description="Pin a best practice at the top of units' feeds for some days (managers and admins).",
    )
    mark_notifications_read: MarkNotificationsReadSuccess = strawberry.mutation(
        resolver=mark_notifications_read,
        description="Mark the given notifications read, or all of them when ids is omitted.",
    )
    # challenges
    create_challenge: ChallengeResult = strawberry.mutation(
        resolver=create_challenge, description="Create a challenge over a unit of the viewer's scope (managers, admins)."
    )
    update_challenge_description: ChallengeResult = strawberry.mutation(
        resolver=update_challenge_description, description="Change a challenge's description (allowed while live)."
    )
    update_challenge_rules: ChallengeResult = strawberry.mutation(
        resolver=update_challenge_rules, description="Change a challenge's rules; refused once it is live."
    )
    publish_challenge: ChallengeResult = strawberry.mutation(
        resolver=publish_challenge, description="Publish a draft: scheduled, or live when its start has come."
    )
    close_challenge: ChallengeResult = strawberry.mutation(
        resolver=close_challenge, description="Close a challenge now: the final ranking is frozen and announced."
    )
    record_result: RecordResultResult = strawberry.mutation(
        resolver=record_result,
        description="Record a result for a person or unit (managers in scope, or an integration token). "
        "The same idempotencyKey twice counts once; a negative value is a correction and needs a reason.",
    )
    import_results: ImportResult = strawberry.mutation(
        resolver=import_results,
        description="Import results from CSV (metric,participant,value,occurred_at[,key][,reason]); "
        "nothing is applied while a line is bad unless validRowsOnly.",
    )
    set_target: SetTargetResult = strawberry.mutation(
        resolver=set_target, description="Set a person's or unit's target on a metric for a period."
    )
    spread_target: SetTargetResult = strawberry.mutation(
        resolver=spread_target, description="Set a unit's target and split it evenly among its people."
    )
    import_targets: ImportResult = strawberry.mutation(
        resolver=import_targets,
        description="Import targets from CSV (metric,participant,period_start,period_end,value).",
    )
    create_duel: ChallengeResult = strawberry.mutation(
        resolver=create_duel, description="Challenge a colleague to a duel on one metric; they accept or decline."
    )
    answer_duel: ChallengeResult = strawberry.mutation(
        resolver=answer_duel, description="Accept (the duel starts now) or decline a duel invitation."
    )
    create_metric: CreateMetricResult = strawberry.mutation(
        resolver=create_metric, description="Add a metric to the organisation (admins)."
    )
    create_integration_token: CreateIntegrationTokenResult = strawberry.mutation(
        resolver=create_integration_token,
        description="Create a token a CRM uses to call recordResult within a unit's subtree (admins).",
    )
    revoke_integration_token: RevokeIntegrationTokenResult = strawberry.mutation(
        resolver=revoke_integration_token, description="Revoke an integration token at once (admins)."
    )
    set_leaderboard_hidden: bool = strawberry.mutation(
        resolver=set_leaderboard_hidden, description="Hide the viewer from (or show it again on) public leaderboards."
    )
    # --- training ---
    submit_quiz_attempt: SubmitQuizAttemptResult = strawberry.mutation(
        resolver=submit_quiz_attempt,
        description="Answer a quiz: scored on the server; returns the score, pass or fail and the corrections.",
    )
    record_training_progress: RecordTrainingProgressResult = strawberry.mutation(
        resolver=record_training_progress,
        description="The viewer read up to `sectionsDone` sections of a module (never goes back).",
    )
    send_training_reminders: SendTrainingRemindersResult = strawberry.mutation(
        resolver=send_training_reminders,
        description="Remind the listed people of the viewer's scope who haven't started a module.",
    )
    create_training_module: CreateTrainingModuleResult = strawberry.mutation(
        resolver=create_training_module, description="Publish a module to units and roles of the viewer's scope."
    )
    create_quiz: CreateQuizResult = strawberry.mutation(
        resolver=create_quiz, description="Create a quiz, attached to a module or standalone."
    )
    # --- evaluation ---
    submit_assessment: assessment_mutations.AssessmentResult = strawberry.mutation(
        resolver=assessment_mutations.submit_assessment,
        description="Assess a person of the viewer's scope against a skills grid; the person is told.",
    )
    comment_assessment: assessment_mutations.AssessmentResult = strawberry.mutation(
        resolver=assessment_mutations.comment_assessment,
        description="The person assessed answers its assessment.",
    )
    record_satisfaction_survey: satisfaction_mutations.RecordSatisfactionSurveyResult = strawberry.mutation(
        resolver=satisfaction_mutations.record_satisfaction_survey,
        description="Record a survey result of a point of sale of the viewer's scope.",
    )
    record_mystery_visit: satisfaction_mutations.RecordMysteryVisitResult = strawberry.mutation(
        resolver=satisfaction_mutations.record_mystery_visit,
        description="Record a mystery visit with a score per section.",
    )
    import_satisfaction_csv: satisfaction_mutations.ImportSatisfactionCsvResult = strawberry.mutation(
        resolver=satisfaction_mutations.import_satisfaction_csv,
        description="Import survey results from CSV: every row valid, or nothing recorded and a report per row.",
    )
    set_satisfaction_target: satisfaction_mutations.SetSatisfactionTargetResult = strawberry.mutation(
        resolver=satisfaction_mutations.set_satisfaction_target,
        description="Set the satisfaction index target of a unit (or of the organisation when unitId is omitted).",
    )
    create_action_plan: action_plan_mutations.ActionPlanResult = strawberry.mutation(
        resolver=action_plan_mutations.create_action_plan, description="Start an action plan for a point of sale."
    )
    add_action_item: action_plan_mutations.ActionPlanResult = strawberry.mutation(
        resolver=action_plan_mutations.add_action_item, description="Add an action to a plan."
    )
    update_action_item: action_plan_mutations.ActionPlanResult = strawberry.mutation(
        resolver=action_plan_mutations.update_action_item,
        description="Change an action's text, status, owner or due date.",
    )
    comment_action_plan: action_plan_mutations.ActionPlanResult = strawberry.mutation(
        resolver=action_plan_mutations.comment_action_plan, description="Comment on a plan as a team member."
    )
    set_action_plan_status: action_plan_mutations.ActionPlanResult = strawberry.mutation(
        resolver=action_plan_mutations.set_action_plan_status, description="Close or reopen a plan."
    )
    # --- performance plan ---
    create_performance_plan: CreatePerformancePlanResult = strawberry.mutation(
        resolver=create_performance_plan,
        description="Head office: group a period's trainings, quizzes, challenges, badges and targets.",
    )
    # --- push ---
    register_push_subscription: RegisterPushSubscriptionResult = strawberry.mutation(
        resolver=register_push_subscription,
        description="Register this browser's push subscription for the viewer (moves it if "
        "another person had it). Only known push services are accepted.",
    )
    unregister_push_subscription: UnregisterPushSubscriptionSuccess = strawberry.mutation(
        resolver=unregister_push_subscription,
        description="Stop pushing to this endpoint (e.g. when the browser unsubscribed).",
    )
    remove_push_device: RemovePushDeviceResult = strawberry.mutation(
        resolver=remove_push_device, description="Stop pushing to one of the viewer's devices."
    )
    update_push_preferences: UpdatePushPreferencesResult = strawberry.mutation(
        resolver=update_push_preferences,
        description="Switch kinds of push on or off and set quiet hours.",
    )
    # --- badges
    create_badge: CreateBadgeResult = strawberry.mutation(
        resolver=create_badge, description="Add a badge or a label to the catalogue (head office)."
    )
    award_badge: AwardBadgeResult = strawberry.mutation(
        resolver=award_badge,
        description="Award a badge to one or several people in scope, with a reason and an optional post as evidence.",
    )
    revoke_award: RevokeAwardResult = strawberry.mutation(
        resolver=revoke_award, description="Take an award back, with a reason (the awarder or head office)."
    )
    retire_badge: RetireBadgeResult = strawberry.mutation(
        resolver=retire_badge, description="Stop a badge from being awarded; awards given stay visible."
    )
    create_badge_rule: SaveBadgeRuleResult = strawberry.mutation(
        resolver=create_badge_rule, description="Add a rule that awards a badge; past earners are backfilled."
    )
    update_badge_rule: SaveBadgeRuleResult = strawberry.mutation(
        resolver=update_badge_rule, description="Change a rule; new earners are backfilled quietly."
    )
    set_hidden_from_feed: SetHiddenFromFeedSuccess = strawberry.mutation(
        resolver=set_hidden_from_feed, description="Keep the badges I receive out of the feed (or not)."
    )


@strawberry.type
class Subscription(
    FeedSubscription,
    NotificationsSubscription,
    ChallengesSubscription,
    EvaluationSubscription,
    DashboardsSubscription,
):
    pass


def _should_mask(error: GraphQLError) -> bool:
    """Hide internals of unexpected exceptions; keep GraphQL's own and our typed errors."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


class ElanSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Log only the unexpected: bad queries and sign-in prompts are not server faults."""
        unexpected = [e for e in errors if _should_mask(e)]
        if unexpected:
            super().process_errors(unexpected, execution_context)


schema = ElanSchema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[
        ValidationError,
        NotAllowedError,
        NotFoundError,
        ConflictError,
        RateLimitedError,
        InvalidCredentialsError,
        InvalidInviteError,
    ],
    # factories: a fresh extension per operation; the parse and validation caches are
    # module-level in strawberry, so they are still shared and bounded
    extensions=[
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: MaskErrors(should_mask_error=_should_mask),
    ],
)

