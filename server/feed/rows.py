"""Read models of the feed: plain rows built straight from SQL results, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from server.privacy.pseudonym import initials_of
from server.texts.refs import Refs

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
POST_COLUMNS = (
    "id",
    "kind",
    "body",
    "created_at",
    "like_count",
    "comment_count",
    "audience",
    "audience_unit_id",
    "audience_unit__path",
    "unit__path",
    "figure",
    "product",
    "context",
    "action",
    "result",
    "edited_at",
    "hidden_at",
    "hidden_reason",
    "system_kind",
    "system_params",
    *AUTHOR_COLUMNS,
)


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
        return initials_of(self.display_name)

    def to_event(self) -> dict[str, Any]:
        unit = self.unit
        return {
            "id": self.id,
            "displayName": self.display_name,
            "role": self.role,
            "avatarUrl": self.avatar_url,
            "unit": None
            if unit is None
            else {"id": unit.id, "name": unit.name, "kind": unit.kind, "city": unit.city},
        }

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> AuthorRow:
        unit = data.get("unit")
        return cls(
            id=data["id"],
            display_name=data["displayName"],
            role=data["role"],
            avatar_url=data["avatarUrl"],
            unit=None if unit is None else UnitRow(**unit),
        )


@dataclass(slots=True)
class ImageRow:
    id: int
    feed_url: str
    full_url: str
    width: int
    height: int
    feed_width: int
    feed_height: int

    def to_event(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "feedUrl": self.feed_url,
            "fullUrl": self.full_url,
            "width": self.width,
            "height": self.height,
            "feedWidth": self.feed_width,
            "feedHeight": self.feed_height,
        }

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> ImageRow:
        return cls(
            id=data["id"],
            feed_url=data["feedUrl"],
            full_url=data["fullUrl"],
            width=data["width"],
            height=data["height"],
            feed_width=data["feedWidth"],
            feed_height=data["feedHeight"],
        )


@dataclass(slots=True)
class CommentRow:
    id: int
    post_id: int
    body: str
    created_at: datetime
    edited_at: datetime | None
    author: AuthorRow

    def to_event(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "postId": self.post_id,
            "body": self.body,
            "createdAt": self.created_at.isoformat(),
            "editedAt": self.edited_at.isoformat() if self.edited_at else None,
            "author": self.author.to_event(),
        }

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> CommentRow:
        return cls(
            id=data["id"],
            post_id=data["postId"],
            body=data["body"],
            created_at=datetime.fromisoformat(data["createdAt"]),
            edited_at=datetime.fromisoformat(data["editedAt"]) if data.get("editedAt") else None,
            author=AuthorRow.from_event(data["author"]),
        )


@dataclass(slots=True)
class PostRow:
    id: int
    kind: str
    body: str
    created_at: datetime
    like_count: int
    comment_count: int
    author: AuthorRow
    audience: str = "NETWORK"
    audience_unit_id: int = 0
    audience_path: str = ""
    unit_path: str = ""
    figure: str | None = None
    product: str | None = None
    context: str | None = None
    action: str | None = None
    result: str | None = None
    edited_at: datetime | None = None
    hidden_at: datetime | None = None
    hidden_reason: str | None = None
    liked_by_me: bool = False
    tags: list[str] = field(default_factory=list)
    images: list[ImageRow] = field(default_factory=list)
    recommended_by: list[str] = field(default_factory=list)
    recommended_unit_count: int = 0
    pinned: bool = False
    viewer_can_moderate: bool = False
    viewer_is_author: bool = False
    system_kind: str | None = None
    system_params: dict[str, Any] | None = None
    # what a system post's parameters name, when already looked up (events carry it)
    refs: Refs | None = None

    def to_event(self) -> dict[str, Any]:
        """JSON-friendly copy carried by events, so subscribers need no query.
        Viewer-specific fields (liked, can moderate) are left for each subscriber."""
        return {
            "id": self.id,
            "kind": self.kind,
            "body": self.body,
            "createdAt": self.created_at.isoformat(),
            "likeCount": self.like_count,
            "commentCount": self.comment_count,
            "audience": self.audience,
            "audienceUnitId": self.audience_unit_id,
            "audiencePath": self.audience_path,
            "unitPath": self.unit_path,
            "figure": self.figure,
            "product": self.product,
            "context": self.context,
            "action": self.action,
            "result": self.result,
            "editedAt": self.edited_at.isoformat() if self.edited_at else None,
            "tags": self.tags,
            "images": [image.to_event() for image in self.images],
            "recommendedBy": self.recommended_by,
            "recommendedUnitCount": self.recommended_unit_count,
            "author": self.author.to_event(),
            "systemKind": self.system_kind,
            "systemParams": self.system_params,
            "refs": self.refs.to_event() if self.refs is not None else None,
        }

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> PostRow:
        return cls(
            id=data["id"],
            kind=data["kind"],
            body=data["body"],
            created_at=datetime.fromisoformat(data["createdAt"]),
            like_count=data["likeCount"],
            comment_count=data["commentCount"],
            author=AuthorRow.from_event(data["author"]),
            audience=data.get("audience", "NETWORK"),
            audience_unit_id=data.get("audienceUnitId", 0),
            audience_path=data.get("audiencePath", ""),
            unit_path=data.get("unitPath", ""),
            figure=data.get("figure"),
            product=data.get("product"),
            context=data.get("context"),
            action=data.get("action"),
            result=data.get("result"),
            edited_at=datetime.fromisoformat(data["editedAt"]) if data.get("editedAt") else None,
            tags=list(data.get("tags", [])),
            images=[ImageRow.from_event(i) for i in data.get("images", [])],
            recommended_by=list(data.get("recommendedBy", [])),
            recommended_unit_count=data.get("recommendedUnitCount", 0),
            system_kind=data.get("systemKind"),
            system_params=data.get("systemParams"),
            refs=Refs.from_event(data["refs"]) if data.get("refs") is not None else None,
        )


def author_row(values: dict[str, Any], prefix: str = "author") -> AuthorRow:
    unit_id = values[f"{prefix}__unit_id"]
    return AuthorRow(
        id=values[f"{prefix}_id"],
        display_name=values[f"{prefix}__display_name"],
        role=str(values[f"{prefix}__role"]),
        avatar_url=values[f"{prefix}__avatar_url"],
        unit=None
        if unit_id is None
        else UnitRow(
            id=unit_id,
            name=values[f"{prefix}__unit__name"],
            kind=str(values[f"{prefix}__unit__kind"]),
            city=values[f"{prefix}__unit__city"],
        ),
    )


def post_row(values: dict[str, Any]) -> PostRow:
    return PostRow(
        id=values["id"],
        kind=str(values["kind"]),
        body=values["body"],
        created_at=values["created_at"],
        like_count=values["like_count"],
        comment_count=values["comment_count"],
        author=author_row(values),
        audience=str(values["audience"]),
        audience_unit_id=values["audience_unit_id"] or 0,
        audience_path=values["audience_unit__path"] or "/",
        unit_path=values["unit__path"],
        figure=values["figure"],
        product=values["product"],
        context=values["context"],
        action=values["action"],
        result=values["result"],
        edited_at=values["edited_at"],
        hidden_at=values["hidden_at"],
        hidden_reason=values["hidden_reason"],
        system_kind=values.get("system_kind"),
        system_params=values.get("system_params"),
    )
