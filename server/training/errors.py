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
