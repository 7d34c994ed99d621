"""Modules and quizzes for tests, built through the domain services."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from server.accounts.models import Role, User
from server.hooks import _handlers
from server.network.models import Unit
from server.network.scope import scope_of_user
from server.training import authoring, quiz_authoring
from server.training.content import AssignmentInput, ModuleContent, SectionInput
from server.training.quiz_authoring import ChoiceInput, QuestionInput, QuizContent


async def make_module(
    author: User,
    units: list[Unit],
    title: str = "Accueil client",
    sections: int = 2,
    role: Role | None = None,
    publish: bool = True,
) -> int:
    """A module of `sections` sections for `units`, published unless told otherwise."""
    module = await authoring.create_module(
        await scope_of_user(author),
        ModuleContent(
            title,
            "Les bases",
            20,
            [SectionInput(f"Partie {i + 1}", f"Texte **{i + 1}**") for i in range(sections)],
            [AssignmentInput(u.id, role) for u in units],
        ),
        publish=publish,
    )
    return module.id


async def make_quiz(author: User, module_id: int | None = None, max_attempts: int | None = None, pass_mark: int = 60) -> int:
    """Three questions: Q1 single (B right), Q2 multiple (A and C right), Q3 single (A right).

    A standalone quiz (no module) is head office's: `author` must be an admin."""

    def choices(*marks: tuple[str, bool]) -> list[ChoiceInput]:
        return [ChoiceInput(text, right) for text, right in marks]

    quiz = await quiz_authoring.create_quiz(
        await scope_of_user(author),
        QuizContent(
            "Quiz accueil",
            [
                QuestionInput("Q1", choices(("A", False), ("B", True), ("C", False)), False, "B, car le client d'abord."),
                QuestionInput("Q2", choices(("A", True), ("B", False), ("C", True)), True, "A et C."),
                QuestionInput("Q3", choices(("A", True), ("B", False)), False, "A."),
            ],
            pass_mark_percent=pass_mark,
            max_attempts=max_attempts,
        ),
        module_id=module_id,
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


def a_jpeg(size: tuple[int, int] = (800, 600)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 90, 30)).save(out, "JPEG", quality=85)
    return out.getvalue()


async def upload_image(base_url: str, token: str) -> dict[str, Any]:
    """`POST /media` as the PWA does it: the image's id and addresses."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        response = await http.post(
            "/media", files={"file": ("image.jpg", a_jpeg(), "image/jpeg")}, headers={"Authorization": f"Bearer {token}"}
        )
    assert response.status_code == 201, response.text
    return dict(response.json())
