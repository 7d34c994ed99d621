"""The plans domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
from schema.plans.mutations.create_performance_plan import (
    CreatePerformancePlanResult,
    create_performance_plan,
)


@strawberry.type
class PlansMutation:
    create_performance_plan: CreatePerformancePlanResult = mutation(
        resolver=create_performance_plan,
        description="Head office: group a period's trainings, quizzes, challenges, badges and targets.",
    )
