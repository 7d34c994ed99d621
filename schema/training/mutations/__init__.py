"""The training domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
from schema.training.mutations.create_quiz import CreateQuizResult, create_quiz
from schema.training.mutations.create_training_module import (
    CreateTrainingModuleResult,
    create_training_module,
)
from schema.training.mutations.publish_training_module import (
    TrainingModulePublicationResult,
    archive_training_module,
    publish_training_module,
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
from schema.training.mutations.update_quiz import UpdateQuizResult, update_quiz
from schema.training.mutations.update_training_module import (
    UpdateTrainingModuleResult,
    update_training_module,
)


@strawberry.type
class TrainingMutation:
    submit_quiz_attempt: SubmitQuizAttemptResult = mutation(
        resolver=submit_quiz_attempt,
        description="Answer a quiz: scored on the server; returns the score and pass or fail, and the "
        "corrections once the quiz is passed or its attempts are spent. Refused once passed, or once "
        "its module is archived.",
    )
    record_training_progress: RecordTrainingProgressResult = mutation(
        resolver=record_training_progress,
        description="The viewer read up to `sectionsDone` sections of a module it may follow (never goes "
        "back; refused once the module is archived).",
    )
    send_training_reminders: SendTrainingRemindersResult = mutation(
        resolver=send_training_reminders,
        description="Remind the listed people of the viewer's scope who haven't started a module.",
    )
    create_training_module: CreateTrainingModuleResult = mutation(
        resolver=create_training_module,
        description="Write a module for units (and roles) the viewer manages: a draft, seen by its managers "
        "only, unless `publish` is set. Head office may write one open to all.",
    )
    update_training_module: UpdateTrainingModuleResult = mutation(
        resolver=update_training_module,
        description="Rewrite a module the viewer manages: text, sections, duration, audience and due dates. "
        "Progress is kept; on a published module, the people it newly reaches are told.",
    )
    publish_training_module: TrainingModulePublicationResult = mutation(
        resolver=publish_training_module,
        description="Publish a draft the viewer manages (its audience is told), or bring an archived module "
        "back to the lists. A module needs an audience to be published.",
    )
    archive_training_module: TrainingModulePublicationResult = mutation(
        resolver=archive_training_module,
        description="Take a module the viewer manages off the sellers' lists; progress, attempts and "
        "completions are kept, and no one follows it any more.",
    )
    create_quiz: CreateQuizResult = mutation(
        resolver=create_quiz,
        description="Create the quiz of a module the viewer manages (one per module), or a standalone quiz "
        "(head office).",
    )
    update_quiz: UpdateQuizResult = mutation(
        resolver=update_quiz,
        description="Edit a quiz the viewer manages. Before its first attempt everything may change; after, "
        "only what keeps every recorded score (texts, explanations, order, shuffle): "
        "anything else is a ConflictError `quiz_locked_by_attempts`.",
    )
