"""Read models of the feed: plain rows built straight from SQL results, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

AUTHOR_COLUMNS = (
    "author_id",
    "author__display_name",
    "author__role",
    "author__avatar_url",
    "author__unit_id",
    "author__unit__name",
    "author__unit__kind",
    "author__unit__city",
)
POST_COLUMNS = ("id", "kind", "body", "created_at", "like_count", "comment_count", *AUTHOR_COLUMNS)


@dataclass(slots=True)
class UnitRow:
    id: int
    name: str
    kind: str
    city: str | None


@dataclass(slots=True)
class AuthorRow:
    id: int
    display_name: str
    role: str
    avatar_url: str | None
    unit: UnitRow | None

    @property
    def initials(self) -> str:
        parts = [p for p in self.display_name.replace("-", " ").split() if p]
        return "".join(p[0] for p in parts[:2]).upper() or "?"


@dataclass(slots=True)
class PostRow:
    id: int
    kind: str
    body: str
    created_at: datetime
    like_count: int
    comment_count: int
    author: AuthorRow
    liked_by_me: bool = False

    def to_event(self) -> dict[str, Any]:
        """JSON-friendly copy carried by events, so subscribers need no query."""
        author = self.author
        return {
            "id": self.id,
            "kind": self.kind,
            "body": self.body,
            "createdAt": self.created_at.isoformat(),
            "likeCount": self.like_count,
            "commentCount": self.comment_count,
            "author": {
                "id": author.id,
                "displayName": author.display_name,
                "role": author.role,
                "avatarUrl": author.avatar_url,
                "unit": None
                if author.unit is None
                else {
                    "id": author.unit.id,
                    "name": author.unit.name,
                    "kind": author.unit.kind,
                    "city": author.unit.city,
                },
            },
        }

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> PostRow:
        author = data["author"]
        unit = author.get("unit")
        return cls(
            id=data["id"],
            kind=data["kind"],
            body=data["body"],
            created_at=datetime.fromisoformat(data["createdAt"]),
            like_count=data["likeCount"],
            comment_count=data["commentCount"],
            author=AuthorRow(
                id=author["id"],
                display_name=author["displayName"],
                role=author["role"],
                avatar_url=author["avatarUrl"],
                unit=None if unit is None else UnitRow(**unit),
            ),
        )


def post_row(values: dict[str, Any]) -> PostRow:
    unit_id = values["author__unit_id"]
    return PostRow(
        id=values["id"],
        kind=str(values["kind"]),
        body=values["body"],
        created_at=values["created_at"],
        like_count=values["like_count"],
        comment_count=values["comment_count"],
        author=AuthorRow(
            id=values["author_id"],
            display_name=values["author__display_name"],
            role=str(values["author__role"]),
            avatar_url=values["author__avatar_url"],
            unit=None
            if unit_id is None
            else UnitRow(
                id=unit_id,
                name=values["author__unit__name"],
                kind=str(values["author__unit__kind"]),
                city=values["author__unit__city"],
            ),
        ),
    )
