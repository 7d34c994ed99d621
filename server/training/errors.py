"""Errors of the training domain."""

from server.errors import DomainError


class ModuleNotFound(DomainError):
    code = "training_module_not_found"
    kind = "not_found"


class QuizNotFound(DomainError):
    code = "quiz_not_found"
    kind = "not_found"


class AttemptsExhausted(DomainError):
    code = "quiz_attempts_exhausted"
    kind = "conflict"


class ReminderTooSoon(DomainError):
    code = "training_reminder_too_soon"
    kind = "conflict"


class QuizAlreadyPassed(DomainError):
    """The quiz is closed to a person once passed: its corrections have been shown."""

    code = "quiz_already_passed"
    kind = "conflict"


class ModuleArchived(DomainError):
    """An archived module is read (history) but followed no more."""

    code = "training_module_archived"
    kind = "conflict"


class ModuleHasQuiz(DomainError):
    """A module has one quiz: the one that completes it."""

    code = "training_module_has_quiz"
    kind = "conflict"


class QuizLocked(DomainError):
    """The quiz has attempts: only what does not change a score may be edited."""

    code = "quiz_locked_by_attempts"
    kind = "conflict"


class PublicationInvalid(DomainError):
    """The module cannot move to that publication from where it is."""

    code = "training_publication_invalid"
    kind = "conflict"
