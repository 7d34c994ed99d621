"""Quizzes: taking one without seeing the answers, scoring on the server, attempt limits.

**When the corrections are shown.** A quiz's choices never carry their answer. The correct
choices and the explanations of an attempt come back only when that attempt passes or spends
the last attempt allowed; while attempts remain after a failed one, the person sees their
score and nothing else, so the answers cannot be copied into the next attempt. Once passed,
a quiz is closed to that person: no further attempt is recorded (`QuizAlreadyPassed`).

**The score that counts** (challenge criteria, dashboards, the performance plan, badge rules):
a person's *best attempt* at the quiz. It is sound because every recorded attempt was made
before any correction was shown to that person: corrections appear only with the passing
attempt (after which the quiz is closed) or with the last one. The passing attempt is thus the
best one, and the only one that emits `training.quiz_passed` (what « As du quiz » and the
other quiz badges read).

**Who takes a quiz.** A quiz attached to a module is taken by those who may read the module
(server.training.access): its audience, and managers of its scope. A standalone quiz is open
to the whole organisation. No attempt is taken once the module is archived. Writing quizzes
is server.training.quiz_authoring.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field

from tortoise.exceptions import IntegrityError

from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.scope import Scope
from server.training.access import followed_module, readable_module
from server.training.errors import (
    AttemptsExhausted,
    ModuleNotFound,
    QuizAlreadyPassed,
    QuizNotFound,
)
from server.training.models import (
    ModuleProgress,
    Quiz,
    QuizAttempt,
    QuizChoice,
    QuizQuestion,
)
from server.training.services import complete_if_done


@dataclass(slots=True)
class ChoiceView:
    """A choice as the phone sees it before submitting: no sign of being right."""

    id: int
    text: str


@dataclass(slots=True)
class QuestionView:
    id: int
    text: str
    multiple: bool
    choices: list[ChoiceView]


@dataclass(slots=True)
class QuizView:
    id: int
    title: str
    module_id: int | None
    pass_mark_percent: int
    max_attempts: int | None
    attempts_used: int
    best_score_percent: float | None
    passed: bool
    questions: list[QuestionView]

    @property
    def attempts_left(self) -> int | None:
        return None if self.max_attempts is None else max(0, self.max_attempts - self.attempts_used)


@dataclass(slots=True)
class Correction:
    question_id: int
    correct: bool
    chosen_choice_ids: list[int]
    correct_choice_ids: list[int]
    explanation: str


@dataclass(slots=True)
class AttemptResult:
    attempt_id: int
    quiz_id: int
    number: int
    score_percent: float
    passed: bool
    pass_mark_percent: int
    attempts_left: int | None
    corrections: list[Correction] = field(default_factory=list)
    module_completed: bool = False

    @property
    def corrections_shown(self) -> bool:
        """Corrections come with a passing attempt or the last one allowed, never before."""
        return self.passed or self.attempts_left == 0


async def _quiz(scope: Scope, quiz_id: int, taking: bool = False) -> Quiz:
    """A quiz the viewer may read: of its organisation, and of a module it may read, if any;
    `taking`: of a module it may follow now (not archived)."""
    quiz = await Quiz.get_or_none(id=quiz_id, organization_id=scope.organization_id)
    if quiz is None:
        raise QuizNotFound("quizId")
    if quiz.module_id is not None:
        try:
            await (followed_module if taking else readable_module)(scope, quiz.module_id)
        except ModuleNotFound as error:
            raise QuizNotFound("quizId") from error
    return quiz


async def _questions(quiz_id: int) -> tuple[list[QuizQuestion], dict[int, list[QuizChoice]]]:
    questions = await QuizQuestion.filter(quiz_id=quiz_id).order_by("position")
    choices: dict[int, list[QuizChoice]] = defaultdict(list)
    for choice in await QuizChoice.filter(question__quiz_id=quiz_id).order_by("position"):
        choices[choice.question_id].append(choice)
    return questions, choices


async def quiz_for_taking(scope: Scope, quiz_id: int, rng: random.Random | None = None) -> QuizView:
    """Questions and choices without the answers, shuffled when the quiz says so."""
    quiz = await _quiz(scope, quiz_id)
    return await _view(scope, quiz, rng)


async def find_quiz(scope: Scope, quiz_id: int) -> QuizView | None:
    """`quiz_for_taking`, or None when there is no such quiz the viewer may take."""
    try:
        return await quiz_for_taking(scope, quiz_id)
    except QuizNotFound:
        return None


async def _view(scope: Scope, quiz: Quiz, rng: random.Random | None = None) -> QuizView:
    questions, choices = await _questions(quiz.id)
    attempts = await QuizAttempt.filter(quiz_id=quiz.id, user_id=scope.user_id).order_by("number")
    shuffler = rng or random.SystemRandom()
    views = [
        QuestionView(q.id, q.text, q.multiple, [ChoiceView(c.id, c.text) for c in choices[q.id]])
        for q in questions
    ]
    if quiz.shuffle:
        shuffler.shuffle(views)
        for view in views:
            shuffler.shuffle(view.choices)
    return QuizView(
        id=quiz.id,
        title=quiz.title,
        module_id=quiz.module_id,
        pass_mark_percent=quiz.pass_mark_percent,
        max_attempts=quiz.max_attempts,
        attempts_used=len(attempts),
        best_score_percent=max((a.score_percent for a in attempts), default=None),
        passed=any(a.passed for a in attempts),
        questions=views,
    )


def score(
    questions: list[QuizQuestion], choices: dict[int, list[QuizChoice]], answers: dict[int, list[int]]
) -> tuple[float, list[Correction]]:
    """All or nothing per question: the chosen set must equal the correct set."""
    corrections = []
    right = 0
    for question in questions:
        correct_ids = sorted(c.id for c in choices[question.id] if c.correct)
        chosen = sorted(set(answers.get(question.id, [])))
        ok = chosen == correct_ids
        right += ok
        corrections.append(Correction(question.id, ok, chosen, correct_ids, question.explanation))
    percent = round(100.0 * right / len(questions), 2) if questions else 0.0
    return percent, corrections


def _check_answers(
    questions: list[QuizQuestion], choices: dict[int, list[QuizChoice]], answers: dict[int, list[int]]
) -> None:
    by_id = {q.id: q for q in questions}
    for question_id, chosen in answers.items():
        question = by_id.get(question_id)
        if question is None:
            raise ValidationFailed("quiz_answer_invalid", "answers")
        valid = {c.id for c in choices[question_id]}
        if any(c not in valid for c in chosen) or (not question.multiple and len(set(chosen)) > 1):
            raise ValidationFailed("quiz_answer_invalid", "answers")


async def submit_quiz_attempt(scope: Scope, quiz_id: int, answers: dict[int, list[int]]) -> AttemptResult:
    """Scores on the server and records the attempt; the corrections come back only when it
    passes or spends the last attempt (see the module docstring). Refused once passed."""
    viewer = scope.user
    if viewer is None:  # an integration token takes no quiz
        raise NotAllowed()
    quiz = await _quiz(scope, quiz_id, taking=True)
    module_completed = False
    try:
        async with atomic() as events:
            # the key is read under the quiz's lock, which an edit of the quiz takes too
            # (server.training.quiz_authoring): the score is the key's that is kept
            quiz = await Quiz.filter(id=quiz.id).select_for_update().get()
            questions, choices = await _questions(quiz.id)
            _check_answers(questions, choices, answers)
            percent, corrections = score(questions, choices, answers)
            passed = percent >= quiz.pass_mark_percent
            mine = QuizAttempt.filter(quiz_id=quiz.id, user_id=viewer.id)
            if await mine.filter(passed=True).exists():
                raise QuizAlreadyPassed("quizId")
            used = await mine.count()
            if quiz.max_attempts is not None and used >= quiz.max_attempts:
                raise AttemptsExhausted("quizId", max=quiz.max_attempts)
            # the unique (quiz, user, number) refuses a concurrent attempt with the same number
            attempt = await QuizAttempt.create(
                quiz_id=quiz.id,
                user_id=viewer.id,
                organization_id=viewer.organization_id,
                number=used + 1,
                score_percent=percent,
                passed=passed,
                answers={str(k): v for k, v in answers.items()},
            )
            payload = {
                "organization_id": viewer.organization_id,
                "user_id": viewer.id,
                "quiz_id": quiz.id,
                "score_percent": percent,
            }
            events.emit("training.quiz_attempted", {**payload, "passed": passed})
            if passed:
                events.emit("training.quiz_passed", payload)
                if quiz.module_id is not None:
                    progress = await ModuleProgress.get_or_none(module_id=quiz.module_id, user_id=viewer.id)
                    if progress is not None:
                        module_completed = await complete_if_done(viewer, progress, None, events)
    except IntegrityError as error:
        raise AttemptsExhausted("quizId", max=quiz.max_attempts or 0) from error
    result = AttemptResult(
        attempt_id=attempt.id,
        quiz_id=quiz.id,
        number=attempt.number,
        score_percent=percent,
        passed=passed,
        pass_mark_percent=quiz.pass_mark_percent,
        attempts_left=None if quiz.max_attempts is None else quiz.max_attempts - attempt.number,
        module_completed=module_completed,
    )
    if result.corrections_shown:
        result.corrections = corrections
    return result


async def standalone_quizzes(scope: Scope) -> list[QuizView]:
    """The quizzes attached to no module (open to the organisation), each ready to take."""
    found = await Quiz.filter(organization_id=scope.organization_id, module_id=None).order_by("-id")
    # a handful per organisation; each is read whole to be taken
    return [await _view(scope, quiz) for quiz in found]
