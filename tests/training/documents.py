"""The authoring documents the PWA sends (pwa/src/graphql), replayed by the tests as they are."""

from __future__ import annotations

MODULE_RESULT = """
  __typename
  ... on UserError { code message }
  ... on ValidationError { field }
"""

CREATE_MODULE = f"""
mutation CreateTrainingModule($input: CreateTrainingModuleInput!) {{
  createTrainingModule(input: $input) {{
    {MODULE_RESULT}
    ... on CreateTrainingModuleSuccess {{ module {{ id title publication sectionCount }} }}
  }}
}}
"""

UPDATE_MODULE = f"""
mutation UpdateTrainingModule($input: UpdateTrainingModuleInput!) {{
  updateTrainingModule(input: $input) {{
    {MODULE_RESULT}
    ... on UpdateTrainingModuleSuccess {{ module {{ id title publication sectionCount }} }}
  }}
}}
"""

PUBLISH_MODULE = f"""
mutation PublishTrainingModule($id: ID!) {{
  publishTrainingModule(moduleId: $id) {{
    {MODULE_RESULT}
    ... on TrainingModulePublicationSuccess {{ module {{ id publication }} }}
  }}
}}
"""

ARCHIVE_MODULE = f"""
mutation ArchiveTrainingModule($id: ID!) {{
  archiveTrainingModule(moduleId: $id) {{
    {MODULE_RESULT}
    ... on TrainingModulePublicationSuccess {{ module {{ id publication }} }}
  }}
}}
"""

MODULE_SOURCE = """
query TrainingModuleSource($id: ID!) {
  trainingModuleSource(id: $id) {
    id publication title summary durationMinutes openToAll quizId
    sections { title body imageId imageUrl videoUrl videoEmbedUrl }
    assignments { unitId unitName role dueAt }
  }
}
"""

MANAGED_MODULES = "query ManagedTrainingModules { managedTrainingModules { id title publication sectionCount quizId } }"

PREVIEW = """
query TrainingModule($id: ID!) {
  trainingModule(id: $id) {
    id title publication status sectionCount
    sections { title blocks { kind spans { kind text } } imageUrl videoUrl videoEmbedUrl }
  }
}
"""

MY_MODULES = "query MyModules { myModules { id title status dueAt publication } }"

PROGRESS = """
mutation RecordTrainingProgress($id: ID!, $done: Int!) {
  recordTrainingProgress(moduleId: $id, sectionsDone: $done) {
    __typename ... on UserError { code } ... on RecordTrainingProgressSuccess { module { status } }
  }
}
"""

QUIZ_RESULT = """
  __typename
  ... on UserError { code message }
  ... on ValidationError { field }
"""

CREATE_QUIZ = f"""
mutation CreateQuiz($input: CreateQuizInput!) {{
  createQuiz(input: $input) {{ {QUIZ_RESULT} ... on CreateQuizSuccess {{ quizId }} }}
}}
"""

QUIZ_SOURCE = """
query QuizSource($id: ID!) {
  quizSource(id: $id) {
    id title moduleId passMarkPercent maxAttempts shuffle attemptCount locked
    questions { id text multiple explanation choices { id text correct } }
  }
}
"""

UPDATE_QUIZ = f"""
mutation UpdateQuiz($input: UpdateQuizInput!) {{
  updateQuiz(input: $input) {{
    {QUIZ_RESULT}
    ... on UpdateQuizSuccess {{ quiz {{ id title passMarkPercent maxAttempts shuffle locked attemptCount
      questions {{ id text explanation choices {{ id text correct }} }} }} }}
  }}
}}
"""

QUIZ = "query Quiz($id: ID!) { quiz(id: $id) { id title questions { id text choices { id text } } } }"

SUBMIT = """
mutation Submit($input: SubmitQuizAttemptInput!) {
  submitQuizAttempt(input: $input) {
    __typename
    ... on SubmitQuizAttemptSuccess { result { scorePercent passed correctionsShown } }
    ... on UserError { code }
  }
}
"""


def sections(*texts: tuple[str, str], video: str | None = None) -> list[dict[str, object]]:
    """Sections of a module input; `video` goes to the last one."""
    found: list[dict[str, object]] = [{"title": title, "body": body} for title, body in texts]
    if video is not None:
        found[-1]["videoUrl"] = video
    return found


def module_input(
    title: str, unit_ids: list[int], *, role: str | None = None, due_at: str | None = None, **extra: object
) -> dict[str, object]:
    return {
        "title": title,
        "summary": "Les bases de l'accueil",
        "durationMinutes": 20,
        "sections": extra.pop(
            "sections",
            sections(("Les 30 premières secondes", "## Un regard\nSaluez **vite**."), ("Écouter", "- Usage\n- Budget")),
        ),
        "assignments": [{"unitId": str(u), "role": role, "dueAt": due_at} for u in unit_ids],
        **extra,
    }


def quiz_questions() -> list[dict[str, object]]:
    """Q1 single (B right), Q2 multiple (A and C right)."""
    return [
        {
            "text": "Dans quel délai saluer un client ?",
            "explanation": "Le client sait qu'il est vu.",
            "choices": [{"text": "5 minutes", "correct": False}, {"text": "30 secondes", "correct": True}],
        },
        {
            "text": "Que demander en découverte ?",
            "multiple": True,
            "explanation": "Usage et calendrier.",
            "choices": [
                {"text": "L'usage", "correct": True},
                {"text": "La remise", "correct": False},
                {"text": "Le calendrier", "correct": True},
            ],
        },
    ]
