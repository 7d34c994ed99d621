"""Writing quizzes: create one, edit it, and the source (with its answers) for those who manage it.

**Who.** A quiz attached to a module is managed by those who manage the module
(server.training.access); a standalone quiz, open to the whole organisation, by head office.
A module has one quiz, the one that completes it (`ModuleHasQuiz`). The answers leave the
server only here, to those who manage the quiz, and in the corrections of
server.training.quizzes.

**Editing a quiz that has attempts.** A quiz keeps its id once people have taken it, because
challenges (`QUIZ_SCORE`), the performance plan and dashboards name it and read its
attempts' scores. So once any attempt exists, only what cannot change a score may change:
the title, the wording of questions and choices, the explanations, their order and shuffling.
The questions, the choices, which are right, single or multiple, and the pass mark are locked
(`QuizLocked`): every recorded score and pass was computed against exactly the key that
stays. The number of attempts is locked too: someone who spent them has seen the corrections,
and one more attempt after that would make their best score worthless
(server.training.quizzes). To change any of it, write a new quiz.
Before the first attempt, everything may change. The check and the edit run under a lock on
the quiz row, which an attempt also takes, so no attempt slips between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.scope import Scope
from server.training.access import managed_module
from server.training.errors import ModuleHasQuiz, ModuleNotFound, QuizLocked, QuizNotFound
from server.training.models import Quiz, QuizAttempt, QuizChoice, QuizQuestion

TITLE_MAX = 120
QUESTIONS_MAX = 50
CHOICES_MAX = 8
QUESTION_MAX = 500
CHOICE_MAX = 300
EXPLANATION_MAX = 1000
ATTEMPTS_MAX = 20


@dataclass(slots=True)
class ChoiceInput:
    text: str
    correct: bool
    id: int | None = None  # the choice edited; none for a new one


@dataclass(slots=True)
class QuestionInput:
    text: str
    choices: list[ChoiceInput]
    multiple: bool = False
    explanation: str = ""
    id: int | None = None  # the question edited; none for a new one


@dataclass(slots=True)
class QuizContent:
    title: str
    questions: list[QuestionInput]
    pass_mark_percent: int = 70
    max_attempts: int | None = None  # None = unlimited
    shuffle: bool = True


@dataclass(slots=True)
class ChoiceSource:
    id: int
    text: str
    correct: bool


@dataclass(slots=True)
class QuestionSource:
    id: int
    text: str
    multiple: bool
    explanation: str
    choices: list[ChoiceSource] = field(default_factory=list)


@dataclass(slots=True)
class QuizSource:
    """A quiz as its author wrote it, answers included: for those who manage it only."""

    id: int
    title: str
    module_id: int | None
    pass_mark_percent: int
    max_attempts: int | None
    shuffle: bool
    attempt_count: int
    questions: list[QuestionSource]

    @property
    def locked(self) -> bool:
        """Whether only the texts, their order and shuffling may change (see the module docstring)."""
        return self.attempt_count > 0


def _check(content: QuizContent) -> None:
    if not 2 <= len(content.title.strip()) <= TITLE_MAX:
        raise ValidationFailed("training_title_invalid", "title", max=TITLE_MAX)
    if not 0 <= content.pass_mark_percent <= 100:
        raise ValidationFailed("quiz_pass_mark_invalid", "passMarkPercent")
    if content.max_attempts is not None and not 1 <= content.max_attempts <= ATTEMPTS_MAX:
        raise ValidationFailed("quiz_attempts_invalid", "maxAttempts")
    if not 1 <= len(content.questions) <= QUESTIONS_MAX:
        raise ValidationFailed("quiz_questions_invalid", "questions", max=QUESTIONS_MAX)
    for question in content.questions:
        right = sum(1 for c in question.choices if c.correct)
        if not 2 <= len(question.choices) <= CHOICES_MAX or right == 0 or (not question.multiple and right != 1):
            raise ValidationFailed("quiz_choices_invalid", "questions", max=CHOICES_MAX)
        if not question.text.strip() or len(question.text) > QUESTION_MAX:
            raise ValidationFailed("quiz_question_text_invalid", "questions", max=QUESTION_MAX)
        if len(question.explanation) > EXPLANATION_MAX:
            raise ValidationFailed("text_too_long", "questions", max=EXPLANATION_MAX)
        if any(not c.text.strip() or len(c.text) > CHOICE_MAX for c in question.choices):
            raise ValidationFailed("quiz_choice_text_invalid", "questions", max=CHOICE_MAX)


async def create_quiz(scope: Scope, content: QuizContent, module_id: int | None = None) -> Quiz:
    """A quiz attached to a module the viewer manages (which has none yet), or, for head
    office, a standalone one."""
    scope = scope.for_content("modules")
    scope.require_manager()
    _check(content)
    if module_id is None:
        scope.require_admin()
    else:
        await managed_module(scope, module_id)
    async with atomic():
        if module_id is not None and await Quiz.filter(module_id=module_id).exists():
            raise ModuleHasQuiz("moduleId")
        quiz = await Quiz.create(
            organization_id=scope.organization_id,
            module_id=module_id,
            title=content.title.strip(),
            pass_mark_percent=content.pass_mark_percent,
            max_attempts=content.max_attempts,
            shuffle=content.shuffle,
        )
        await _write_questions(quiz.id, content.questions)
    return quiz


async def _write_questions(quiz_id: int, questions: list[QuestionInput]) -> None:
    for position, question in enumerate(questions):
        row = await QuizQuestion.create(
            quiz_id=quiz_id,
            position=position,
            text=question.text.strip(),
            multiple=question.multiple,
            explanation=question.explanation.strip(),
        )
        await QuizChoice.bulk_create(
            [
                QuizChoice(question_id=row.id, position=index, text=c.text.strip(), correct=c.correct)
                for index, c in enumerate(question.choices)
            ]
        )


async def managed_quiz(scope: Scope, quiz_id: int) -> Quiz:
    """The quiz, when the viewer manages it; not-found when it may not even read its module."""
    scope = scope.for_content("modules")
    scope.require_manager()
    quiz = await Quiz.get_or_none(id=quiz_id, organization_id=scope.organization_id)
    if quiz is None:
        raise QuizNotFound("quizId")
    if quiz.module_id is None:
        scope.require_admin()
    else:
        try:
            await managed_module(scope, quiz.module_id)
        except ModuleNotFound as error:
            raise QuizNotFound("quizId") from error
    return quiz


async def update_quiz(scope: Scope, quiz_id: int, content: QuizContent) -> QuizSource:
    """Everything before the first attempt; only what keeps every score after it."""
    scope = scope.for_content("modules")
    quiz = await managed_quiz(scope, quiz_id)
    _check(content)
    async with atomic():
        quiz = await Quiz.filter(id=quiz.id).select_for_update().get()
        attempted = await QuizAttempt.filter(quiz_id=quiz.id).exists()
        if attempted:
            await _edit_texts(quiz, content)
        else:
            await QuizQuestion.filter(quiz_id=quiz.id).delete()
            await _write_questions(quiz.id, content.questions)
            quiz.pass_mark_percent = content.pass_mark_percent
        quiz.title = content.title.strip()
        quiz.max_attempts = content.max_attempts
        quiz.shuffle = content.shuffle
        await quiz.save(update_fields=["title", "pass_mark_percent", "max_attempts", "shuffle"])
    return await quiz_source(scope, quiz.id)


async def _edit_texts(quiz: Quiz, content: QuizContent) -> None:
    """The same questions, choices, right answers, pass mark and attempts, with new words and order."""
    questions = {q.id: q for q in await QuizQuestion.filter(quiz_id=quiz.id)}
    choices = {c.id: c for c in await QuizChoice.filter(question__quiz_id=quiz.id)}
    given_questions = [q.id for q in content.questions]
    if content.pass_mark_percent != quiz.pass_mark_percent or sorted(i or 0 for i in given_questions) != sorted(questions):
        raise QuizLocked("questions")
    if content.max_attempts != quiz.max_attempts:
        raise QuizLocked("maxAttempts")
    for question in content.questions:
        row = questions[question.id or 0]
        mine = {c.id: c for c in choices.values() if c.question_id == row.id}
        given = {c.id: c for c in question.choices}
        if question.multiple != row.multiple or set(given) != set(mine) or len(question.choices) != len(mine):
            raise QuizLocked("questions")
        if any(given[i].correct != mine[i].correct for i in mine):
            raise QuizLocked("questions")
    for position, question in enumerate(content.questions):
        row = questions[question.id or 0]
        row.position, row.text, row.explanation = position, question.text.strip(), question.explanation.strip()
        await row.save(update_fields=["position", "text", "explanation"])
        for index, choice in enumerate(question.choices):
            stored = choices[choice.id or 0]
            stored.position, stored.text = index, choice.text.strip()
            await stored.save(update_fields=["position", "text"])


async def quiz_source(scope: Scope, quiz_id: int) -> QuizSource:
    scope = scope.for_content("modules")
    quiz = await managed_quiz(scope, quiz_id)
    questions = await QuizQuestion.filter(quiz_id=quiz.id).order_by("position")
    by_question: dict[int, list[ChoiceSource]] = {q.id: [] for q in questions}
    for choice in await QuizChoice.filter(question__quiz_id=quiz.id).order_by("position"):
        by_question[choice.question_id].append(ChoiceSource(choice.id, choice.text, choice.correct))
    return QuizSource(
        id=quiz.id,
        title=quiz.title,
        module_id=quiz.module_id,
        pass_mark_percent=quiz.pass_mark_percent,
        max_attempts=quiz.max_attempts,
        shuffle=quiz.shuffle,
        attempt_count=await QuizAttempt.filter(quiz_id=quiz.id).count(),
        questions=[QuestionSource(q.id, q.text, q.multiple, q.explanation, by_question[q.id]) for q in questions],
    )


async def find_quiz_source(scope: Scope, quiz_id: int) -> QuizSource | None:
    """`quiz_source`, or None for anyone who does not manage the quiz."""
    try:
        return await quiz_source(scope, quiz_id)
    except (QuizNotFound, NotAllowed):
        return None
