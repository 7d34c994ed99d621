"""The training domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
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


@strawberry.type
class TrainingMutation:
    submit_quiz_attempt: SubmitQuizAttemptResult = mutation(
        resolver=submit_quiz_attempt,
        description="Answer a quiz: scored on the server; returns the score and pass or fail, and the "
        "corrections once the quiz is passed or its attempts are spent. Refused once passed.",
    )
    record_training_progress: RecordTrainingProgressResult = mutation(
        resolver=record_training_progress,
        description="The viewer read up to `sectionsDone` sections of a module it may read (never goes back).",
    )
    send_training_reminders: SendTrainingRemindersResult = mutation(
        resolver=send_training_reminders,
        description="Remind the listed people of the viewer's scope who haven't started a module.",
    )
    create_training_module: CreateTrainingModuleResult = mutation(
        resolver=create_training_module, description="Publish a module to units and roles of the viewer's scope."
    )
    create_quiz: CreateQuizResult = mutation(
        resolver=create_quiz, description="Create a quiz, attached to a module the viewer manages or standalone."
    )
