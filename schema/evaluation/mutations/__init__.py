"""The evaluation domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
from schema.evaluation.mutations import action_plans as action_plan_mutations
from schema.evaluation.mutations import assessments as assessment_mutations
from schema.evaluation.mutations import create_skills_grid as grid_mutations
from schema.evaluation.mutations import satisfaction as satisfaction_mutations


@strawberry.type
class EvaluationMutation:
    create_skills_grid: grid_mutations.CreateSkillsGridResult = mutation(
        resolver=grid_mutations.create_skills_grid,
        description="Head office writes a skills grid: the skills of a job, what each level 1–4 looks like, "
        "and the label a passed assessment against it grants.",
    )
    submit_assessment: assessment_mutations.AssessmentResult = mutation(
        resolver=assessment_mutations.submit_assessment,
        description="Assess a person of the viewer's scope against a skills grid; the person is told.",
    )
    comment_assessment: assessment_mutations.AssessmentResult = mutation(
        resolver=assessment_mutations.comment_assessment,
        description="The person assessed answers its assessment.",
    )
    record_satisfaction_survey: satisfaction_mutations.RecordSatisfactionSurveyResult = mutation(
        resolver=satisfaction_mutations.record_satisfaction_survey,
        description="Record a survey result of a point of sale of the viewer's scope.",
    )
    record_mystery_visit: satisfaction_mutations.RecordMysteryVisitResult = mutation(
        resolver=satisfaction_mutations.record_mystery_visit,
        description="Record a mystery visit with a score per section.",
    )
    import_satisfaction_csv: satisfaction_mutations.ImportSatisfactionCsvResult = mutation(
        resolver=satisfaction_mutations.import_satisfaction_csv,
        description="Import survey results from CSV: every row valid, or nothing recorded and a report per row.",
    )
    set_satisfaction_target: satisfaction_mutations.SetSatisfactionTargetResult = mutation(
        resolver=satisfaction_mutations.set_satisfaction_target,
        description="Set the satisfaction index target of a unit (or of the organisation when unitId is omitted).",
    )
    create_action_plan: action_plan_mutations.ActionPlanResult = mutation(
        resolver=action_plan_mutations.create_action_plan, description="Start an action plan for a point of sale."
    )
    add_action_item: action_plan_mutations.ActionPlanResult = mutation(
        resolver=action_plan_mutations.add_action_item, description="Add an action to a plan."
    )
    update_action_item: action_plan_mutations.ActionPlanResult = mutation(
        resolver=action_plan_mutations.update_action_item,
        description="Change an action's text, status, owner or due date.",
    )
    comment_action_plan: action_plan_mutations.ActionPlanResult = mutation(
        resolver=action_plan_mutations.comment_action_plan, description="Comment on a plan as a team member."
    )
    set_action_plan_status: action_plan_mutations.ActionPlanResult = mutation(
        resolver=action_plan_mutations.set_action_plan_status, description="Close or reopen a plan."
    )
