"""Modules and quizzes for tests, built through the domain services."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from server.accounts.models import Role, User
from server.hooks import _handlers
from server.network.models import Unit
from server.network.scope import scope_of_user
from server.training import quizzes, services


async def make_module(
    author: User, units: list[Unit], title: str = "Accueil client", sections: int = 2, role: Role | None = None
) -> int:
    module = await services.create_module(
        await scope_of_user(author),
        title,
        "Les bases",
        20,
        [services.SectionInput(f"Partie {i + 1}", f"Texte **{i + 1}**") for i in range(sections)],
        [services.AssignmentInput(u.id, role) for u in units],
    )
    return module.id


async def make_quiz(author: User, module_id: int | None = None, max_attempts: int | None = None, pass_mark: int = 60) -> int:
    """Three questions: Q1 single (B right), Q2 multiple (A and C right), Q3 single (A right)."""
    quiz = await quizzes.create_quiz(
        await scope_of_user(author),
        "Quiz accueil",
        [
            quizzes.QuestionInput("Q1", [("A", False), ("B", True), ("C", False)], False, "B, car le client d'abord."),
            quizzes.QuestionInput("Q2", [("A", True), ("B", False), ("C", True)], True, "A et C."),
            quizzes.QuestionInput("Q3", [("A", True), ("B", False)], False, "A."),
        ],
        module_id=module_id,
        pass_mark_percent=pass_mark,
        max_attempts=max_attempts,
    )
    return quiz.id


async def answer_key(quiz_id: int) -> dict[str, dict[str, int]]:
    """Question text → choice text → choice id, read from the database (never from the API)."""
    from server.training.models import QuizChoice

    key: dict[str, dict[str, int]] = {}
    for row in await QuizChoice.filter(question__quiz_id=quiz_id).values("id", "text", "question__text", "question_id"):
        key.setdefault(row["question__text"], {"_id": row["question_id"]})[row["text"]] = row["id"]
    return key


@contextmanager
def captured(*names: str) -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """Records the domain events dispatched (after commit) while the block runs."""
    seen: list[tuple[str, dict[str, Any]]] = []
    added = []
    for name in names:

        async def record(payload: dict[str, Any], name: str = name) -> None:
            seen.append((name, payload))

        _handlers[name].append(record)
        added.append((name, record))
    try:
        yield seen
    finally:
        for name, record in added:
            _handlers[name].remove(record)
