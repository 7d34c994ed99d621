"""Élan's GraphQL schema, assembled from the domains."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from schema.accounts.mutations import AccountsMutation
from schema.accounts.people_queries import PeopleQuery
from schema.accounts.queries import AccountsQuery
from schema.agency.mutations import AgencyMutation
from schema.agency.queries import AgencyQuery
from schema.agency_audit import AgencyAudit
from schema.audit.queries import AuditQuery
from schema.badges.mutations import BadgesMutation
from schema.badges.queries import BadgesQuery
from schema.challenges.audit import ChallengesAuditQuery
from schema.challenges.mutations import ChallengesMutation
from schema.challenges.queries import ChallengesQuery
from schema.challenges.subscriptions import ChallengesSubscription
from schema.cost import CostLimit
from schema.dashboards.queries import DashboardsQuery
from schema.dashboards.subscriptions import DashboardsSubscription
from schema.documents import ParsedDocuments, ValidatedDocuments
from schema.errors import (
    ConflictError,
    InvalidCredentialsError,
    InvalidInviteError,
    InvalidLinkError,
    NotAllowedError,
    NotFoundError,
    RateLimitedError,
    ValidationError,
)
from schema.evaluation.mutations import EvaluationMutation
from schema.evaluation.queries import EvaluationQuery
from schema.evaluation.subscriptions import EvaluationSubscription
from schema.feed.mutations import FeedMutation
from schema.feed.queries import FeedQuery
from schema.feed.subscriptions import FeedSubscription
from schema.network.mutations import NetworkMutation
from schema.network.queries import NetworkQuery
from schema.notifications.mutations import NotificationsMutation
from schema.notifications.queries import NotificationsQuery
from schema.notifications.subscriptions import NotificationsSubscription
from schema.plans.activity import UnitActivityQuery
from schema.plans.functions import FunctionsQuery
from schema.plans.mutations import PlansMutation
from schema.plans.queries import PlansQuery
from schema.plans.review import PlanReviewQuery
from schema.plans.subscriptions import PlansSubscription
from schema.plans.team_skills import TeamSkillsQuery
from schema.privacy.mutations import PrivacyMutation
from schema.privacy.queries import PrivacyQuery
from schema.push.mutations import PushMutation
from schema.push.queries import PushQuery
from schema.training.mutations import TrainingMutation
from schema.training.queries import TrainingQuery


@strawberry.type
class Query(
    ChallengesQuery,
    ChallengesAuditQuery,
    AccountsQuery,
    PeopleQuery,
    FeedQuery,
    NotificationsQuery,
    PushQuery,
    TrainingQuery,
    EvaluationQuery,
    DashboardsQuery,
    PlansQuery,
    FunctionsQuery,
    TeamSkillsQuery,
    PlanReviewQuery,
    UnitActivityQuery,
    AgencyQuery,
    BadgesQuery,
    NetworkQuery,
    AuditQuery,
    PrivacyQuery,
):
    pass




@strawberry.type
class Mutation(
    AccountsMutation,
    FeedMutation,
    NotificationsMutation,
    ChallengesMutation,
    TrainingMutation,
    EvaluationMutation,
    PlansMutation,
    PushMutation,
    BadgesMutation,
    NetworkMutation,
    AgencyMutation,
    PrivacyMutation,
):
    pass


@strawberry.type
class Subscription(
    FeedSubscription,
    NotificationsSubscription,
    ChallengesSubscription,
    EvaluationSubscription,
    DashboardsSubscription,
    PlansSubscription,
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
        InvalidLinkError,
    ],
    # a fresh extension per operation; documents are parsed and validated once per text,
    # with the token, depth and alias limits (schema.documents), then priced (schema.cost)
    extensions=[
        ParsedDocuments,
        ValidatedDocuments,
        CostLimit,
        AgencyAudit,
        lambda: MaskErrors(should_mask_error=_should_mask),
    ],
)

