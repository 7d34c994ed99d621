"""The plans domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
from schema.plans.mutations.create_performance_plan import (
    CreatePerformancePlanResult,
    create_performance_plan,
)
from schema.plans.mutations.set_action_indicator import (
    SetActionIndicatorResult,
    set_action_indicator,
)
from schema.plans.mutations.set_person_functions import (
    SetPersonFunctionsResult,
    set_person_functions,
)
from schema.plans.mutations.set_plan_lever_owner import (
    SetPlanLeverOwnerResult,
    set_plan_lever_owner,
)
from schema.plans.mutations.set_plan_objective import SetPlanObjectiveResult, set_plan_objective


@strawberry.type
class PlansMutation:
    create_performance_plan: CreatePerformancePlanResult = mutation(
        resolver=create_performance_plan,
        description="Head office: group a period's trainings, quizzes, challenges, badges and targets.",
    )
    set_plan_objective: SetPlanObjectiveResult = mutation(
        resolver=set_plan_objective,
        description="Set a plan's objective for a unit, a lever and a period (head office and the lever's function "
        "anywhere, a manager in its subtree); it is spread below until overridden; audited as the objectives' history.",
    )
    set_action_indicator: SetActionIndicatorResult = mutation(
        resolver=set_action_indicator,
        description="Change the indicator an action of the plan's review targets (who may manage the action: its "
        "managers, the function or agency owning its content); its baseline is computed again over the same window "
        "before it started; audited.",
    )
    set_plan_lever_owner: SetPlanLeverOwnerResult = mutation(
        resolver=set_plan_lever_owner,
        description="Head office: the function that owns a lever of the plan.",
    )
    set_person_functions: SetPersonFunctionsResult = mutation(
        resolver=set_person_functions,
        description="Head office: the functions a head-office person carries (what they manage without being an admin).",
    )
